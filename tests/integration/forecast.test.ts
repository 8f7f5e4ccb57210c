// Forecasts end to end on real PostGIS (issue 18): ten weeks of a known weekly pattern in two zone × topic series
// go in, the nightly fit stores its forecasts, and the query API and the alerting view answer from them — the
// stored rows as the frames show them, the early warning quiet on an ordinary day and firing (through the
// provisioned rule, as the read-only alerting login) when a surge is injected into one zone × topic today.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parse } from 'yaml';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { grantAlertingLogin, type AlertingLogin } from '../support/alerting-login.ts';
import { evaluateRule, firing, fromPgResult, type ProvisionedRule } from '../support/alert-eval.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { loadConfig } from '../../backend/config.ts';
import { runForecasts } from '../../backend/forecast/run.ts';
import { addDays } from '../../backend/forecast/days.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const RULE = (
  parse(readFileSync(join(ROOT, 'provisioning/alerting/rules.yaml'), 'utf8')).groups as Array<{
    rules: ProvisionedRule[];
  }>
)
  .flatMap((g) => g.rules)
  .find((r) => r.uid === 's360-running-above-forecast');

const WEEKS = 10;
/** Requests a day, Monday first (ISO weekday − 1), in G1 × overflowing bins; G2 × pest control has half. */
const PATTERN = [30, 42, 38, 40, 44, 16, 12];
const BIN = 'waste.overflowing_bin';
const PEST = 'public_health.pest_control';
const IN_G2 = { lon: 55.25, lat: 25.15 };

let agg: TestAggregator;
let login: AlertingLogin;
let today = '';
/** The instant of the nightly fit: read once, so the second tick below is the same city-local day whatever the
 *  hour (a second clock reading after Dubai's midnight, 20:00 UTC, was another day, and the job fitted again). */
let fittedAt: Date;
const config = loadConfig();
/** The holidays of the ten weeks and the fortnight ahead, as days from today: the same on every date. Which of the
 *  city's own fell in the window changed the fit; with Dubai's, the fit for today = 2027-01-18, 2027-02-14,
 *  2027-02-22, 2027-05-01, 2027-11-01 or 2029-01-01 put a weekday's pattern outside its 95 % interval (6 of 126 dates
 *  tried). With these offsets the weekday of today is all that varies, and all seven weekdays pass. */
const HOLIDAYS = { test: -17, city: -45, ahead: 3 };

/** A deterministic ±15 % noise per day (the same every run). */
const jitter = (i: number) => 1 + (((i * 7919) % 31) - 15) / 100;

async function history(zone: string, topic: string, scale: number, holiday: string) {
  const first = addDays(today, -WEEKS * 7);
  const days = Array.from({ length: WEEKS * 7 }, (_, i) => addDays(first, i));
  const counts = days.map((d, i) =>
    d === holiday ? 0 : Math.round(scale * PATTERN[(new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7] * jitter(i))
  );
  // Spread over the city-local day; marked for the rollups as ingestion marks them.
  await agg.db.pool.query(
    `
    WITH ins AS (
      INSERT INTO requests (source, external_id, channel_code, category_code, topic_code, department_code, zone_id, location, status, stage, created_at)
      SELECT 'forecast-test', gen_random_uuid()::text, CASE WHEN k % 4 = 0 THEN 'call_centre' ELSE 'website' END, 'report', t.code,
             t.department_code, z.id, ST_PointOnSurface(z.geom), 'received', 'received',
             (d.day + (k::float8 / (d.n + 1)) * interval '24 hours') AT TIME ZONE c.time_zone
      FROM unnest($1::date[], $2::int[]) AS d(day, n)
      CROSS JOIN LATERAL generate_series(1, d.n) AS k
      JOIN zones z ON z.code = $3 JOIN topics t ON t.code = $4 CROSS JOIN city_settings c
      RETURNING id)
    INSERT INTO rollup_pending (request_id) SELECT id FROM ins`,
    [days, counts, zone, topic]
  );
}

async function query(target: Record<string, unknown>, from: string, to: string) {
  const res = await agg.call('POST', '/v1/query', { from, to, targets: [{ refId: 'A', ...target }] }, agg.tokens.read);
  assert.equal(res.status, 200, res.text);
  return res.body.results.A.frames as Array<{
    name: string;
    meta?: any;
    fields: Array<{ name: string; values: any[]; config: any }>;
  }>;
}
const field = (f: { fields: Array<{ name: string; values: any[]; config: any }> }, name: string) =>
  f.fields.find((x) => x.name === name)!;
/** The city-local start of a day, as the API takes it. */
const dayStart = async (day: string) =>
  (
    await agg.db.pool.query(`SELECT (($1::date)::timestamp AT TIME ZONE time_zone) AS t FROM city_settings`, [day])
  ).rows[0].t.toISOString();

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  fittedAt = new Date();
  today = (
    await agg.db.pool.query(
      `SELECT to_char(($1::timestamptz AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS d FROM city_settings`,
      [fittedAt]
    )
  ).rows[0].d;
  const holiday = addDays(today, HOLIDAYS.test);
  await agg.db.pool.query(`DELETE FROM holidays WHERE day >= $1::date - $2::int AND day < $1::date + 14`, [
    today,
    WEEKS * 7,
  ]);
  await agg.db.pool.query(
    `INSERT INTO holidays (calendar_code, day, name_en, name_ar) VALUES (NULL, $1, 'Test holiday', 'عطلة اختبار'),
    (NULL, $2, 'City holiday', 'عطلة المدينة'), (NULL, $3, 'Test holiday ahead', 'عطلة اختبار قادمة')`,
    [holiday, addDays(today, HOLIDAYS.city), addDays(today, HOLIDAYS.ahead)]
  );
  await agg.db.pool.query(
    `UPDATE topics SET proactive_action = '{"en": "Add a collection round before the weekend", "ar": ` +
      `"أضف جولة جمع قبل عطلة نهاية الأسبوع"}' WHERE code = $1`,
    [PEST]
  );
  await history('G1', BIN, 1, holiday);
  await history('G2', PEST, 0.5, holiday);
  await applyPendingRollups(agg.db.pool, 50_000);
  const run = await runForecasts(agg.db.pool, config, fittedAt, { force: true });
  assert.ok(run.ran && run.series > 0);
  login = await grantAlertingLogin(agg.db.url, 'S360_ALERTING_DB_PASSWORD');
});
afterAll(async () => {
  await login?.drop();
  await agg?.stop();
});

describe('the nightly fit', () => {
  test('stores 14 days ahead per series, the weekly pattern within the 95 % interval, the holiday replaced', async () => {
    const { rows } = await agg.db.pool.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, point, lower_80, upper_80, lower_95, upper_95, method
      FROM forecasts WHERE level = 'zone_topic' AND key = $1 ORDER BY day`,
      [`G1|${BIN}`]
    );
    assert.equal(rows.length, 14);
    assert.equal(rows[0].day, today);
    for (const r of rows) {
      const expected = PATTERN[(new Date(`${r.day}T00:00:00Z`).getUTCDay() + 6) % 7];
      assert.ok(
        r.lower_95 <= r.lower_80 && r.lower_80 <= r.point && r.point <= r.upper_80 && r.upper_80 <= r.upper_95,
        JSON.stringify(r)
      );
      assert.ok(
        r.lower_95 <= expected && expected <= r.upper_95,
        `${r.day}: ${expected} within [${r.lower_95.toFixed(1)}, ${r.upper_95.toFixed(1)}]`
      );
      assert.ok(
        Math.abs(r.point - expected) <= 0.25 * expected + 2,
        `${r.day}: ${r.point.toFixed(1)} against ${expected}`
      );
    }
    const {
      rows: [model],
    } = await agg.db.pool.query(`SELECT * FROM forecast_models WHERE level = 'zone_topic' AND key = $1`, [`G1|${BIN}`]);
    assert.equal(model.history_days, WEEKS * 7);
    // The test holiday (no requests) and the city's (an ordinary day's), both in those ten weeks.
    const {
      rows: [hol],
    } = await agg.db.pool.query(
      `SELECT count(DISTINCT day)::int AS n FROM holidays WHERE day >= $1::date - $2::int AND day < $1::date`,
      [today, WEEKS * 7]
    );
    assert.equal(hol.n, 2);
    assert.equal(model.holidays_replaced, hol.n);
    assert.ok(model.mase !== null && model.coverage_95 !== null);
    const levels = (await agg.db.pool.query(`SELECT level FROM forecast_levels ORDER BY level`)).rows.map(
      (r) => r.level
    );
    assert.deepEqual(levels, ['category', 'channel', 'city', 'department', 'topic', 'zone', 'zone_topic']);
    const {
      rows: [share],
    } = await agg.db.pool.query(`SELECT count(*)::int AS hours, max(share) AS last FROM forecast_intraday`);
    assert.deepEqual([share.hours, share.last], [24, 1]);
  });

  test('a second tick the same city-local day does not fit again', async () => {
    const again = await runForecasts(agg.db.pool, config, fittedAt);
    assert.equal(again.ran, false);
  });
});

describe('forecast_received', () => {
  test('answers the stored rows: point, lower and upper fields a time series panel shades between, marked as a forecast', async () => {
    const frames = await query(
      { metric: 'forecast_received', groupBy: ['zone', 'topic'], filters: { zone: ['G1'] } },
      await dayStart(today),
      await dayStart(addDays(today, 7))
    );
    assert.equal(frames.length, 1);
    const f = frames[0];
    const { rows } = await agg.db.pool.query(
      `SELECT point, lower_95, upper_95 FROM forecasts WHERE level = 'zone_topic' AND key = $1 AND day < $2::date + 7 ORDER BY day`,
      [`G1|${BIN}`, today]
    );
    assert.deepEqual(
      field(f, 'forecast_received').values,
      rows.map((r) => r.point)
    );
    assert.deepEqual(
      field(f, 'lower_95').values,
      rows.map((r) => r.lower_95)
    );
    assert.deepEqual(
      field(f, 'upper_95').values,
      rows.map((r) => r.upper_95)
    );
    assert.equal(field(f, 'time').values.length, 7);
    assert.equal(field(f, 'upper_95').config.custom.fillBelowTo, field(f, 'lower_95').config.displayName);
    assert.equal(f.meta.custom.forecast, true);
    assert.ok(f.meta.notices.length >= 1);
    assert.match(field(f, 'lower_95').config.displayName, /Lower bound \(95 %\)/);
    // The holiday three days ahead is named: it is forecast as an ordinary day.
    assert.ok(
      f.meta.notices.some(
        (n: { text: string }) =>
          n.text.includes(addDays(today, HOLIDAYS.ahead)) && /forecast as ordinary days/.test(n.text)
      ),
      JSON.stringify(f.meta.notices)
    );
    const ar = await query(
      { metric: 'forecast_received', groupBy: ['zone', 'topic'], filters: { zone: ['G1'] }, language: 'ar' },
      await dayStart(today),
      await dayStart(addDays(today, 7))
    );
    assert.match(field(ar[0], 'upper_95').config.displayName, /الحد الأعلى/);
  });

  test('the city level sums to its own series; a department table carries tomorrow', async () => {
    const frames = await query(
      { metric: 'forecast_received', groupBy: ['department'], format: 'table' },
      await dayStart(today),
      await dayStart(addDays(today, 7))
    );
    const codes = field(frames[0], 'department_code').values;
    assert.deepEqual([...codes].sort(), ['public_health', 'waste']);
    // Tomorrow by the clock the metric reads, not the fit's: past Dubai's midnight (20:00 UTC) while this file runs,
    // it is the day after the fit's tomorrow.
    const {
      rows: [t],
    } = await agg.db.pool.query(
      `SELECT point FROM forecasts WHERE level = 'department' AND key = 'waste'
        AND day = (SELECT (now() AT TIME ZONE time_zone)::date + 1 FROM city_settings)`
    );
    assert.equal(field(frames[0], 'tomorrow').values[codes.indexOf('waste')], t.point);
  });

  test('a grouping no level holds is refused, naming the levels', async () => {
    const res = await agg.call(
      'POST',
      '/v1/query',
      {
        from: Date.now(),
        to: Date.now() + 86_400_000,
        targets: [{ metric: 'forecast_received', groupBy: ['zone', 'channel'] }],
      },
      agg.tokens.read
    );
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(res.body.details), /zone and topic/);
  });
});

test('forecast_accuracy: each level with its MASE against seasonal-naive, coverage and the method used', async () => {
  const frames = await query(
    { metric: 'forecast_accuracy', format: 'table' },
    await dayStart(today),
    await dayStart(addDays(today, 1))
  );
  const levels = field(frames[0], 'level_code').values;
  assert.ok(levels.includes('city') && levels.includes('zone_topic'));
  for (const v of field(frames[0], 'coverage_95').values) {
    assert.ok(v === null || (v >= 0 && v <= 100));
  }
});

test('digital_share equals the share counted from the requests', async () => {
  const from = await dayStart(addDays(today, -28));
  const to = await dayStart(today);
  const frames = await query({ metric: 'digital_share', groupBy: ['zone'], format: 'table' }, from, to);
  // The digital channels are those the city file marks (channels.digital): the Dubai seed's website, whatsapp, …
  const { rows } = await agg.db.pool.query(
    `SELECT z.code, 100.0 * count(*) FILTER (WHERE ch.digital) / count(*) AS share
    FROM requests r JOIN zones z ON z.id = r.zone_id JOIN channels ch ON ch.code = r.channel_code
    WHERE r.created_at >= $1 AND r.created_at < $2 GROUP BY z.code`,
    [from, to]
  );
  const codes = field(frames[0], 'zone_code').values;
  for (const r of rows) {
    assert.ok(
      Math.abs(field(frames[0], 'digital_share').values[codes.indexOf(r.code)] - Number(r.share)) < 1e-9,
      r.code
    );
  }
});

describe('early warning', () => {
  const alerting = async () =>
    fromPgResult(await login.reader.query(RULE!.data.find((d) => d.refId === 'A')!.model.rawSql!));

  test('quiet on an ordinary day: nothing above forecast, the rule does not fire', async () => {
    assert.ok(RULE, 'the rule s360-running-above-forecast is provisioned');
    const frames = await query(
      { metric: 'running_above_forecast', groupBy: ['zone', 'topic'], format: 'table' },
      await dayStart(today),
      new Date().toISOString()
    );
    assert.equal(field(frames[0], 'zone_code').values.length, 0);
    assert.deepEqual(firing(evaluateRule(RULE!, { A: await alerting() })), []);
  });

  test('a surge in one zone × topic today fires the rule with the zone, topic and how far above, and heads the action list', async () => {
    const requests = Array.from({ length: 60 }, (_, i) =>
      sampleRequest({
        source: 'surge',
        external_id: `surge-${i}`,
        topic: PEST,
        category: 'report',
        location: IN_G2,
        created_at: new Date().toISOString(),
      })
    );
    assert.equal((await agg.call('POST', '/v1/requests/batch', { requests }, agg.tokens.ingest)).status, 201);
    const frames = await query(
      { metric: 'running_above_forecast', groupBy: ['zone', 'topic'], format: 'table' },
      await dayStart(today),
      new Date(Date.now() + 60_000).toISOString()
    );
    const f = frames[0];
    assert.deepEqual(field(f, 'zone_code').values, ['G2'], JSON.stringify(f.fields.map((x) => [x.name, x.values])));
    assert.deepEqual(field(f, 'topic_code').values, [PEST]);
    const counted = (
      await agg.db.pool.query(
        `SELECT count(*)::int AS n FROM requests r JOIN zones z ON z.id = r.zone_id
      WHERE z.code = 'G2' AND r.topic_code = $1 AND r.created_at >= $2`,
        [PEST, await dayStart(today)]
      )
    ).rows[0].n;
    assert.equal(field(f, 'received').values[0], counted);
    assert.ok(field(f, 'above_by').values[0] > 0);

    const ev = evaluateRule(RULE!, { A: await alerting() });
    // The pair, and its zone as a whole (topic "all"), which the surge also lifts above its own forecast.
    assert.deepEqual(firing(ev, 'zone'), ['G2', 'G2']);
    assert.deepEqual(firing(ev, 'topic').sort(), ['all', PEST]);

    const actions = await query(
      { metric: 'proactive_actions', format: 'table', language: 'ar' },
      await dayStart(addDays(today, -30)),
      new Date(Date.now() + 60_000).toISOString()
    );
    const a = actions[0];
    assert.equal(field(a, 'zone_code').values[0], 'G2');
    assert.equal(field(a, 'topic_code').values[0], PEST);
    assert.equal(field(a, 'action').values[0], 'أضف جولة جمع قبل عطلة نهاية الأسبوع');
    assert.match(field(a, 'why').values[0], /أعلى من المتوقع/);
    assert.match(
      field(a, 'zone').config.links[0].url,
      /\/d\/s360-zones-ar\?var-zone=.*&var-language=ar$/,
      'an Arabic answer links to the Arabic copy'
    );
    assert.match(field(a, 'topic').config.links[0].url, /\/d\/s360-journey-ar\?var-reference=/);
    assert.match(field(a, 'latest_reference').values[0], /^S360-\d{9,}$/);
  });
});
