// The city's time zone is its configuration (city_settings, `config apply`), not a constant: after a city in New
// York applies its file, day buckets are New York's days (midnight 04:00 UTC in summer time, 05:00 after it ends)
// in the rollups (rollup_bucket reads the setting) and in the query API's planning (every instance reloads it);
// once requests are held, a change of zone is refused.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { applyCityFile } from '../../backend/city/apply.ts';
import { CityFileError } from '../../backend/city/check-file.ts';
import { loadCityFile } from '../../backend/city/load-file.ts';
import { ROOT_DIR } from '../host/webpack.config.ts';

let agg: TestAggregator;
const cityIn = (zone: string) => {
  const file = loadCityFile(`${ROOT_DIR}/config/cities/dubai.yaml`);
  file.city.time_zone = zone;
  return file;
};

beforeAll(async () => {
  agg = await startTestAggregator();
});
afterAll(async () => {
  await agg?.stop();
});

test('day buckets follow the configured zone, in the rollups and the query; a change is refused once requests are held', async () => {
  await applyCityFile(agg.db.pool, cityIn('America/New_York'), 'new-york.yaml');
  await importGrid(agg.db.pool);
  // 03:00 UTC on 31 October is 23:00 on the 30th in New York (it would be the 31st in Dubai).
  const times = ['2026-10-31T03:00:00Z', '2026-10-31T12:00:00Z', '2026-11-01T12:00:00Z', '2026-11-02T06:00:00Z'];
  const requests = times.map((t, i) => sampleRequest({ source: 'tz', external_id: `tz-${i}`, created_at: t }));
  assert.equal((await agg.call('POST', '/v1/requests/batch', { requests }, agg.tokens.ingest)).status, 201);
  await applyPendingRollups(agg.db.pool);
  const { rows: days } = await agg.db.pool.query(
    `SELECT bucket, sum(received)::int AS n FROM rollups WHERE level = 'day' AND cube = 255 GROUP BY 1 ORDER BY 1`
  );
  assert.deepEqual(
    days.map((r) => [r.bucket.toISOString(), r.n]),
    [
      ['2026-10-30T04:00:00.000Z', 1],
      ['2026-10-31T04:00:00.000Z', 1],
      ['2026-11-01T04:00:00.000Z', 1],
      ['2026-11-02T05:00:00.000Z', 1],
    ]
  );

  const range = { from: '2026-10-30T04:00:00Z', to: '2026-11-03T05:00:00Z' };
  // Every instance reloads its reference data (the zone among it) when city_settings changes (LISTEN/NOTIFY):
  // asked until the answer is in the new zone, within a generous bound.
  const ask = async () => {
    const res = await agg.call(
      'POST',
      '/v1/query',
      {
        ...range,
        intervalMs: 86_400_000,
        maxDataPoints: 10,
        targets: [{ refId: 'A', metric: 'received', format: 'time_series' }],
      },
      agg.tokens.read
    );
    assert.equal(res.status, 200, res.text);
    return res.body.results.A.frames[0].fields as Array<{ values: number[] }>;
  };
  const newYorkDays = [
    '2026-10-30T04:00:00.000Z',
    '2026-10-31T04:00:00.000Z',
    '2026-11-01T04:00:00.000Z',
    '2026-11-02T05:00:00.000Z',
  ];
  let [time, value] = await ask();
  for (const deadline = Date.now() + 30_000; time.values[0] !== Date.parse(newYorkDays[0]) && Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 100));
    [time, value] = await ask();
  }
  assert.deepEqual(
    time.values.map((t) => new Date(t).toISOString()),
    newYorkDays
  );
  assert.deepEqual(value.values, [1, 1, 1, 1]);

  await assert.rejects(
    applyCityFile(agg.db.pool, cityIn('Asia/Dubai'), 'dubai.yaml'),
    (err: unknown) => err instanceof CityFileError && /city\.time_zone.*4 request/s.test(err.message)
  );
  assert.equal((await agg.db.pool.query('SELECT time_zone FROM city_settings')).rows[0].time_zone, 'America/New_York');
});
