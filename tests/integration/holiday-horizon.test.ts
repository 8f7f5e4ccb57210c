// Warn before a calendar runs out of holidays (backend/ops/holiday-horizon.ts): /readyz lists a warning (and stays
// ready) and /metrics reports the horizon for a calendar in use whose holidays end soon; the Dubai file (holidays
// through 2027) gives no warning on 6 December 2026 and one once 2027 has begun (2028's are then due by 31 March).
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { applyCityFile } from '../../backend/city/apply.ts';
import { readCityFile } from '../../backend/city/check-file.ts';
import { checkReadiness } from '../../backend/ops/readiness.ts';

const DUBAI = readCityFile(
  readFileSync(join(fileURLToPath(import.meta.url), '../../../config/cities/dubai.yaml'), 'utf8'),
  'dubai.yaml'
);

let agg: TestAggregator;
beforeAll(async () => {
  agg = await startTestAggregator();
});
afterAll(async () => {
  await agg?.stop();
});

const metric = (text: string, name: string, calendar: string) => {
  const m = new RegExp(`^${name}\\{calendar="${calendar}"\\} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
};

test('a calendar in use whose last holiday is ten days away: /readyz warns (still ready), the metrics say 10 days and missing', async () => {
  await agg.db.pool.query('DELETE FROM holidays');
  await agg.db.pool.query(
    `INSERT INTO holidays (calendar_code, day, name_en, name_ar) VALUES ('field', (now() AT TIME ZONE 'Asia/Dubai')::date + 10, 'Soon', 'قريبا')`
  );
  const {
    rows: [d],
  } = await agg.db.pool.query(`SELECT to_char((now() AT TIME ZONE 'Asia/Dubai')::date + 10, 'YYYY-MM-DD') AS last,
    (extract(year FROM (now() AT TIME ZONE 'Asia/Dubai'))::int + 1) || '-03-31' AS required`);
  const res = await agg.call('GET', '/readyz', undefined, null);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.status, 'ready');
  assert.deepEqual(res.body.warnings, [
    {
      path: 'calendars.field.holidays',
      message:
        `calendar "field" has holidays defined up to ${d.last} only; define them up to at least ` +
        `${d.required} (services360 config apply, or holidays import)`,
    },
  ]);
  const text = (await agg.call('GET', '/metrics', undefined, null)).text;
  assert.equal(metric(text, 's360_calendar_holidays_horizon_days', 'field'), 10);
  assert.equal(metric(text, 's360_calendar_holidays_missing', 'field'), 1);
  // The around-the-clock calendar observes no holidays: not reported.
  assert.equal(metric(text, 's360_calendar_holidays_missing', '24x7'), undefined);
  // The alerting view says the same.
  const view = (
    await agg.db.pool.query(
      `SELECT calendar, defined_until, required_until, horizon_days, short_days FROM alerting.holiday_horizon`
    )
  ).rows;
  assert.equal(view.length, 1);
  assert.deepEqual(
    { ...view[0], short_days: view[0].short_days > 0 },
    { calendar: 'field', defined_until: d.last, required_until: d.required, horizon_days: 10, short_days: true }
  );
});

test("the Dubai file: no warning on 6 December 2026 (defined up to 2027-12-03); from 1 January 2027, 2028's holidays are due", async () => {
  await applyCityFile(agg.db.pool, DUBAI, 'dubai.yaml');
  const at = (iso: string) => checkReadiness(agg.db.pool, 300, 5000, new Date(iso));
  const december = await at('2026-12-06T08:00:00Z');
  assert.deepEqual(december.warnings, []);
  const january = await at('2027-01-01T08:00:00Z');
  assert.deepEqual(january.warnings, [
    {
      path: 'calendars.field.holidays',
      message:
        'calendar "field" has holidays defined up to 2027-12-03 only; define them up to at least 2028-03-31 (services360 config apply, or holidays import)',
    },
  ]);
  assert.equal(january.ready, true);
});

test('a calendar no department or policy in force uses is not watched', async () => {
  await agg.db.pool.query(
    `INSERT INTO calendars (code, name_en, name_ar, timezone, weekly_hours) VALUES ('spare', 'Spare', ` +
      `'احتياطي', (SELECT time_zone FROM city_settings), '[{"dow":1,"from":"08:00","to":"12:00"}]')`
  );
  const r = await checkReadiness(agg.db.pool, 300, 5000, new Date('2026-12-06T08:00:00Z'));
  assert.deepEqual(r.warnings, []);
});
