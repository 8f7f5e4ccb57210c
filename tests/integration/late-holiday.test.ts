// A holiday added late (backend/city/open-clocks.ts), worked by hand on Lakeport's business calendar (Monday to
// Friday 08:00–12:00 and 13:00–17:00 in America/Chicago, 8 working hours a day; Thanksgiving, Thursday 26 November
// 2026, already a holiday). Two pothole reports (policy "pothole": first response 480 min, resolution 2400 min =
// 40 working hours):
//   open    created Monday 23 November 09:00 CST. Resolution: Mon 7 h (09–12, 13–17), Tue 8 (15), Wed 8 (23),
//           Thu holiday, Fri 8 (31), Mon 30th 8 (39), Tue 1 December 08:00–09:00 → due Tue 1 Dec 09:00 CST (15:00Z).
//   closed  created Monday 23 November 10:00 CST, closed Wednesday 25th at noon (met). Resolution: Mon 6 h, Tue 8
//           (14), Wed 8 (22), Fri 8 (30), Mon 8 (38), Tue 08:00–10:00 → due Tue 1 Dec 10:00 CST (16:00Z).
// Friday 27 November is then declared a holiday (config apply of the file with one more holiday): the open request's
// due time moves by exactly that day's 8 working hours, to Wednesday 2 December 09:00 CST; Monday 30 November is
// then added by `holidays import` of an .ics: one more working day, Thursday 3 December 09:00 CST. The closed
// request keeps its due time and its verdict through both. Its first response (due Tue 24th 09:00) is untouched.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { applyCityFile } from '../../backend/city/apply.ts';
import { importHolidays } from '../../backend/city/import-holidays.ts';
import { loadCityFile } from '../../backend/city/load-file.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';
import { ROOT_DIR } from '../host/webpack.config.ts';

let agg: TestAggregator;
const ids: Record<'open' | 'closed', number> = { open: 0, closed: 0 };
const lakeport = () => loadCityFile(`${ROOT_DIR}/config/cities/lakeport.yaml`);
const pothole = (external_id: string, created_at: string) =>
  sampleRequest({
    source: 'late-holiday',
    external_id,
    channel: 'phone_311',
    category: 'report',
    topic: 'sts.pothole',
    priority: 'normal',
    created_at,
  });
const clocks = async () => {
  const { rows } = await agg.db.pool.query(
    `SELECT id, first_response_due_at, resolution_due_at, sla_state FROM requests WHERE source = 'late-holiday'`
  );
  const of = (id: number) => rows.find((r) => Number(r.id) === id);
  const view = (r: { first_response_due_at: Date; resolution_due_at: Date; sla_state: string }) => [
    r.first_response_due_at.toISOString(),
    r.resolution_due_at.toISOString(),
    r.sla_state,
  ];
  return { open: view(of(ids.open)), closed: view(of(ids.closed)) };
};
const CLOSED = ['2026-11-24T16:00:00.000Z', '2026-12-01T16:00:00.000Z', 'met'];

beforeAll(async () => {
  agg = await startTestAggregator();
  await applyCityFile(agg.db.pool, lakeport(), 'lakeport.yaml');
  await importGrid(agg.db.pool);
  const res = await agg.call(
    'POST',
    '/v1/requests/batch',
    { requests: [pothole('open', '2026-11-23T09:00:00-06:00'), pothole('closed', '2026-11-23T10:00:00-06:00')] },
    agg.tokens.ingest
  );
  assert.equal(res.status, 201, res.text);
  [ids.open, ids.closed] = res.body.results.map((r: { id: number }) => r.id);
  for (const [status, at] of [
    ['assigned', '2026-11-23T11:00:00-06:00'],
    ['in_progress', '2026-11-24T09:00:00-06:00'],
    ['resolved', '2026-11-25T11:00:00-06:00'],
    ['closed', '2026-11-25T12:00:00-06:00'],
  ]) {
    const r = await agg.call(
      'POST',
      `/v1/requests/${ids.closed}/events`,
      { status, occurred_at: at },
      agg.tokens.ingest
    );
    assert.equal(r.status, 201, r.text);
  }
  await sweepSla(agg.db.pool, new Date());
});
afterAll(async () => {
  await agg?.stop();
});

test('before: due times on the business calendar with Thanksgiving off', async () => {
  assert.deepEqual(await clocks(), {
    open: ['2026-11-24T15:00:00.000Z', '2026-12-01T15:00:00.000Z', 'breached'],
    closed: CLOSED,
  });
});

test("a holiday added by config apply moves the open request's due time by that day's working hours; the closed one keeps its own", async () => {
  const file = lakeport();
  file.holidays.push({
    date: '2026-11-27',
    name: { en: 'Day after Thanksgiving', ar: 'اليوم التالي لعيد الشكر' },
  } as (typeof file.holidays)[number]);
  const r = await applyCityFile(agg.db.pool, file, 'lakeport.yaml');
  assert.deepEqual(
    r.plan.steps.map((s) => `${s.op} ${s.section} ${s.code}`),
    ['+ holidays 2026-11-27 (every calendar)']
  );
  assert.equal(r.clocks, 1, 'only the open request is evaluated again');
  assert.deepEqual(await clocks(), {
    open: ['2026-11-24T15:00:00.000Z', '2026-12-02T15:00:00.000Z', 'breached'],
    closed: CLOSED,
  });
});

test('a holiday imported from an .ics moves it by one more working day; the closed request still keeps its verdict and due time', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 's360-late-')), 'late.ics');
  writeFileSync(
    path,
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Services 360 test//EN',
      'BEGIN:VEVENT',
      'UID:1@late',
      'DTSTART;VALUE=DATE:20261130',
      'SUMMARY:Storm closure',
      'SUMMARY;LANGUAGE=ar:إغلاق بسبب العاصفة',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n')
  );
  const r = await importHolidays(agg.db.pool, path, { calendar: 'business', provisional: false, dryRun: false });
  assert.equal(r.clocks, 1);
  assert.deepEqual(await clocks(), {
    open: ['2026-11-24T15:00:00.000Z', '2026-12-03T15:00:00.000Z', 'breached'],
    closed: CLOSED,
  });
});
