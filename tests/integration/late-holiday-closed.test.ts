// Closed verdicts never change (issue 11, item 3), worked by hand on Lakeport's business calendar (Monday to Friday
// 08:00–12:00 and 13:00–17:00 in America/Chicago, CST = UTC−6 after 1 November 2026; Veterans Day, Wednesday 11
// November, a holiday). Three pothole reports (policy "pothole": first response 480 min = 8 working hours,
// resolution 2400 min = 40 working hours), each created Monday 2 November 2026 09:00 CST and answered (in_progress)
// at 14:00 the same day:
//   first response  Mon 09–12, 13–17 (7 h), Tue 3rd 08:00–09:00 → due Tue 3 Nov 09:00 CST (15:00Z): met by all three.
//   resolution      Mon 7 h, Tue 8 (15), Wed 4th 8 (23), Thu 8 (31), Fri 8 (39), Mon 9th 08:00–09:00
//                   → due Mon 9 Nov 09:00 CST (15:00Z).
//   ontime  resolved Fri 6 Nov 15:00 CST, closed 16:00 → met.
//   late    resolved Mon 9 Nov 11:00 CST, closed 12:00 → breached (two hours late).
//   unswept resolved Mon 9 Nov 10:00 CST, closed 10:30 → breached; closed after the last sweep, so its outcome is not
//           recorded yet when the calendar changes.
// Then Wednesday 4 November — a past working day inside all three clocks — is declared a holiday (config apply of the
// city file with one more holiday). On the new calendar the resolution due time would be one working day later, Tue
// 10 Nov 09:00 CST (15:00Z), and "late" and "unswept" would flip to met. They must not: each keeps the due time and
// verdict recorded at its close (unswept: recorded by the apply itself, on the calendar it closed under, before the
// holiday is written). A note is then added to each (the sweep looks at them again) and the sweep runs: the table,
// the on-time % (/v1/query, after the rollup job: 1 met of 3 = 33.33…%) and the request detail all still say so.
// Then "late" is reopened and resolved again: a reopened request runs on today's calendar (the reopen gap a pause),
// and its new outcome is recorded at its new resolution.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { applyCityFile } from '../../backend/city/apply.ts';
import { loadCityFile } from '../../backend/city/load-file.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';
import { ROOT_DIR } from '../host/webpack.config.ts';

type Name = 'ontime' | 'late' | 'unswept';
let agg: TestAggregator;
const ids: Record<Name, number> = { ontime: 0, late: 0, unswept: 0 };
const lakeport = () => loadCityFile(`${ROOT_DIR}/config/cities/lakeport.yaml`);
const pothole = (external_id: Name) =>
  sampleRequest({
    source: 'closed-verdict',
    external_id,
    channel: 'phone_311',
    category: 'report',
    topic: 'sts.pothole',
    priority: 'normal',
    created_at: '2026-11-02T09:00:00-06:00',
  });
const event = async (id: number, body: Record<string, unknown>) => {
  const r = await agg.call('POST', `/v1/requests/${id}/events`, body, agg.tokens.ingest);
  assert.equal(r.status, 201, r.text);
};
const journey = async (id: number, resolved: string, closed: string) => {
  for (const [status, at] of [
    ['assigned', '2026-11-02T11:00:00-06:00'],
    ['in_progress', '2026-11-02T14:00:00-06:00'],
    ['resolved', resolved],
    ['closed', closed],
  ]) {
    await event(id, { status, occurred_at: at });
  }
};
const FR_DUE = '2026-11-03T15:00:00.000Z';
const RES_DUE = '2026-11-09T15:00:00.000Z';
const RECORDED = {
  ontime: [FR_DUE, RES_DUE, 'met'],
  late: [FR_DUE, RES_DUE, 'breached'],
  unswept: [FR_DUE, RES_DUE, 'breached'],
};

async function table(): Promise<Record<Name, string[]>> {
  const { rows } = await agg.db.pool.query(
    `SELECT external_id, first_response_due_at, resolution_due_at, sla_state FROM requests WHERE source = 'closed-verdict'`
  );
  return Object.fromEntries(
    rows.map((r) => [
      r.external_id,
      [r.first_response_due_at.toISOString(), r.resolution_due_at.toISOString(), r.sla_state],
    ])
  ) as Record<Name, string[]>;
}
async function recordedAt(): Promise<Record<Name, string | null>> {
  const { rows } = await agg.db.pool.query(
    `SELECT external_id, sla_recorded_at FROM requests WHERE source = 'closed-verdict'`
  );
  return Object.fromEntries(rows.map((r) => [r.external_id, r.sla_recorded_at?.toISOString() ?? null])) as Record<
    Name,
    string | null
  >;
}
/** The resolution on-time % of the three (all resolved on 6 or 9 November), as the rollups give it. */
async function onTimePct(): Promise<number> {
  await applyPendingRollups(agg.db.pool);
  const res = await agg.call(
    'POST',
    '/v1/query',
    {
      from: '2026-11-01T06:00:00Z',
      to: '2026-11-15T06:00:00Z',
      maxDataPoints: 10,
      targets: [{ refId: 'A', metric: 'on_time_pct', format: 'table' }],
    },
    agg.tokens.read
  );
  assert.equal(res.status, 200, res.text);
  const fields = res.body.results.A.frames[0].fields as Array<{ name: string; values: number[] }>;
  const values = fields.find((f) => f.name !== 'time' && typeof f.values[0] === 'number')!.values;
  assert.equal(values.length, 1, JSON.stringify(fields));
  return values[0];
}
async function detail(name: Name) {
  const res = await agg.call('GET', `/v1/requests/${ids[name]}`, undefined, agg.tokens.read);
  assert.equal(res.status, 200, res.text);
  const s = res.body.sla;
  return {
    stored: [s.first_response_due_at, s.resolution_due_at, s.sla_state],
    live: [
      s.clock.first_response.due_at,
      s.clock.resolution.due_at,
      s.clock.state,
      s.clock.first_response.status,
      s.clock.resolution.status,
      s.clock.recorded,
    ],
  };
}
const close = (a: number, b: number) => Math.abs(a - b) < 0.01;

beforeAll(async () => {
  agg = await startTestAggregator();
  await applyCityFile(agg.db.pool, lakeport(), 'lakeport.yaml');
  await importGrid(agg.db.pool);
  const res = await agg.call(
    'POST',
    '/v1/requests/batch',
    { requests: [pothole('ontime'), pothole('late'), pothole('unswept')] },
    agg.tokens.ingest
  );
  assert.equal(res.status, 201, res.text);
  [ids.ontime, ids.late, ids.unswept] = res.body.results.map((r: { id: number }) => r.id);
  await journey(ids.ontime, '2026-11-06T15:00:00-06:00', '2026-11-06T16:00:00-06:00');
  await journey(ids.late, '2026-11-09T11:00:00-06:00', '2026-11-09T12:00:00-06:00');
  await sweepSla(agg.db.pool, new Date());
  await journey(ids.unswept, '2026-11-09T10:00:00-06:00', '2026-11-09T10:30:00-06:00');
});
afterAll(async () => {
  await agg?.stop();
});

test('before: the outcomes recorded at the close (unswept: not recorded yet)', async () => {
  const t = await table();
  assert.deepEqual([t.ontime, t.late], [RECORDED.ontime, RECORDED.late]);
  const rec = await recordedAt();
  assert.ok(rec.ontime !== null && rec.late !== null);
  assert.equal(rec.unswept, null);
});

test('a holiday on a past working day inside the clocks, then a note on each: due times and verdicts unchanged everywhere', async () => {
  const file = lakeport();
  file.holidays.push({
    date: '2026-11-04',
    name: { en: 'Storm closure', ar: 'إغلاق بسبب العاصفة' },
  } as (typeof file.holidays)[number]);
  const r = await applyCityFile(agg.db.pool, file, 'lakeport.yaml');
  assert.deepEqual(
    r.plan.steps.map((s) => `${s.op} ${s.section} ${s.code}`),
    ['+ holidays 2026-11-04 (every calendar)']
  );
  assert.equal(r.clocks, 0, 'no open request spans the day');
  assert.deepEqual(await table(), RECORDED, 'the apply recorded "unswept" on the calendar it closed under');
  const recorded = await recordedAt();
  assert.ok(recorded.unswept !== null);

  for (const name of ['ontime', 'late', 'unswept'] as const) {
    await event(ids[name], { note: `customer called about ${name}`, occurred_at: '2026-11-09T13:00:00-06:00' });
  }
  const sweep = await sweepSla(agg.db.pool, new Date());
  assert.ok(sweep.evaluated >= 3, `the note brought them to the sweep (${sweep.evaluated} evaluated)`);
  assert.equal(sweep.changed, 0);
  assert.deepEqual(sweep.alerts, []);
  assert.deepEqual(await table(), RECORDED);
  assert.deepEqual(await recordedAt(), recorded, 'recorded once, at the close');
  assert.ok(close(await onTimePct(), 100 / 3));

  for (const name of ['ontime', 'late', 'unswept'] as const) {
    const verdict = RECORDED[name][2];
    assert.deepEqual(
      await detail(name),
      { stored: RECORDED[name], live: [FR_DUE, RES_DUE, verdict, 'met', verdict, true] },
      name
    );
  }
});

test("a reopened request runs again on today's calendar and records its new outcome at its new resolution", async () => {
  // Reopened Tue 10 Nov 09:00 CST, resolved again at 10:00. On today's calendar (4 November off) the clock stopped at
  // the first resolution, Mon 9th 11:00, after Mon 2nd 7 h, Tue 8 (15), Thu 8 (23), Fri 8 (31), Mon 9th 08–11 3 (34);
  // the reopen gap (Mon 11:00 → Tue 09:00) is a pause; 6 h remain from Tue 09:00: 09–12, 13–16 → due Tue 10 Nov
  // 16:00 CST (22:00Z). Finally resolved Tue 10:00 → met.
  await event(ids.late, { status: 'in_progress', occurred_at: '2026-11-10T09:00:00-06:00' });
  assert.equal((await recordedAt()).late, null, 'the reopen drops the record');
  await event(ids.late, { status: 'resolved', occurred_at: '2026-11-10T10:00:00-06:00' });
  await sweepSla(agg.db.pool, new Date());
  const t = await table();
  assert.deepEqual(t.late, [FR_DUE, '2026-11-10T22:00:00.000Z', 'met']);
  assert.deepEqual([t.ontime, t.unswept], [RECORDED.ontime, RECORDED.unswept]);
  assert.ok((await recordedAt()).late !== null);
  assert.ok(close(await onTimePct(), 200 / 3));
});
