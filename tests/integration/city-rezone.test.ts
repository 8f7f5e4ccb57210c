// A change of the city's zone on a database that holds data (`config apply --rebuild-time-zone`, backend/city/rezone.ts):
// Lakeport's history loaded while the city was (wrongly) in New York, then moved to Chicago with the flag, ends up
// with the same rollups (every level, histograms), tile bins, SLA clocks and figures by day as the same history
// loaded fresh into a Lakeport configured in Chicago from the start. The days cross the end of daylight saving
// (1 November 2026), and the business calendar's hours are wall-clock hours in the city's zone.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid } from '../support/fixtures.ts';
import { writeCityHistory } from '../support/city-history.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { applyCityFile } from '../../backend/city/apply.ts';
import { CityFileError } from '../../backend/city/check-file.ts';
import { loadCityFile } from '../../backend/city/load-file.ts';
import { rebuildAfterZoneChange } from '../../backend/city/rezone.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';
import { ROOT_DIR } from '../host/webpack.config.ts';

const NOW = new Date('2026-11-12T18:00:00Z');
const FROM = Date.parse('2026-10-26T00:00:00Z');
const TO = Date.parse('2026-11-09T00:00:00Z');
const lakeportIn = (zone: string) => {
  const file = loadCityFile(`${ROOT_DIR}/config/cities/lakeport.yaml`);
  file.city.time_zone = zone;
  return file;
};

let moved: TestAggregator;
let fresh: TestAggregator;

async function load(agg: TestAggregator, zone: string) {
  await applyCityFile(agg.db.pool, lakeportIn(zone), `lakeport-${zone}.yaml`);
  await importGrid(agg.db.pool);
  await writeCityHistory(agg.db.pool, await agg.server.ctx.reference.get(), 11, 160, FROM, TO, NOW.getTime());
  await sweepSla(agg.db.pool, NOW);
  await applyPendingRollups(agg.db.pool);
}

const TABLES = {
  rollups: 'SELECT * FROM rollups ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12',
  histograms: 'SELECT * FROM rollup_hist ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13',
  tileBins: 'SELECT * FROM tile_bin_counts ORDER BY 1, 2, 3, 4, 5, 6, 7',
  sla: `SELECT external_id, first_response_due_at, resolution_due_at, sla_state, sla_next_check_at FROM requests ORDER BY external_id`,
};
async function snapshot(agg: TestAggregator): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, q] of Object.entries(TABLES)) {
    out[name] = (await agg.db.pool.query(q)).rows.map((r) => JSON.stringify(r));
  }
  return out;
}

const byDay = async (agg: TestAggregator, metric: string) => {
  const res = await agg.call(
    'POST',
    '/v1/query',
    {
      from: '2026-10-25T05:00:00Z',
      to: '2026-11-13T06:00:00Z',
      intervalMs: 86_400_000,
      maxDataPoints: 40,
      targets: [{ refId: 'A', metric, groupBy: ['channel'], format: 'time_series' }],
    },
    agg.tokens.read
  );
  assert.equal(res.status, 200, res.text);
  // Series in label order (the answer's order of series is not part of the comparison).
  return JSON.stringify(
    res.body.results.A.frames
      .map((f: { fields: Array<{ values: unknown[]; labels?: unknown }> }) =>
        f.fields.map((x) => [x.labels ?? null, x.values])
      )
      .sort((a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  );
};

beforeAll(async () => {
  [moved, fresh] = await Promise.all([startTestAggregator(), startTestAggregator()]);
  await load(moved, 'America/New_York');
  await load(fresh, 'America/Chicago');
});
afterAll(async () => {
  await moved?.stop();
  await fresh?.stop();
});

test('without the flag the change is refused, naming the flag; nothing changes', async () => {
  const before = await snapshot(moved);
  await assert.rejects(
    applyCityFile(moved.db.pool, lakeportIn('America/Chicago'), 'lakeport.yaml'),
    (err: unknown) =>
      err instanceof CityFileError && /city\.time_zone.*160 request\(s\).*--rebuild-time-zone/s.test(err.message)
  );
  assert.equal(
    (await moved.db.pool.query('SELECT time_zone FROM city_settings')).rows[0].time_zone,
    'America/New_York'
  );
  assert.deepEqual(await snapshot(moved), before);
});

test('with --rebuild-time-zone, a history loaded in New York equals the same history loaded fresh in Chicago', async () => {
  const want = await snapshot(fresh);
  const was = await snapshot(moved);
  // Not vacuous: the day buckets and the business-hours due times differ between the two zones.
  assert.notDeepEqual(was.rollups, want.rollups);
  assert.notDeepEqual(was.sla, want.sla);
  assert.notDeepEqual(await byDay(moved, 'received'), await byDay(fresh, 'received'));

  const { plan } = await applyCityFile(moved.db.pool, lakeportIn('America/Chicago'), 'lakeport.yaml', {
    rebuildTimeZone: true,
  });
  assert.deepEqual(plan.rezone, {
    from: 'America/New_York',
    to: 'America/Chicago',
    requests: 160,
    calendars: ['always', 'business'],
  });
  // Between the change and the rebuild every request is pending: the figures are read from the raw rows.
  assert.equal((await moved.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n, 160);
  assert.equal(await byDay(moved, 'received'), await byDay(fresh, 'received'));

  const rebuilt = await rebuildAfterZoneChange(moved.db.pool, NOW);
  assert.equal(rebuilt.rollups.requests, 160);
  assert.ok(rebuilt.sla.evaluated >= 100, `${rebuilt.sla.evaluated} clocks re-evaluated`);
  assert.deepEqual(await snapshot(moved), want);
  for (const metric of ['received', 'closed', 'on_time_pct', 'resolution_median', 'backlog']) {
    assert.equal(await byDay(moved, metric), await byDay(fresh, metric), metric);
  }
});
