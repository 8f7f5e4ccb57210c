import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid } from '../support/fixtures.ts';
import { runTrickle } from '../../backend/demo/trickle.ts';

let agg: TestAggregator;
beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  await agg.db.pool.query(
    `INSERT INTO advisors (code, name, department_code) SELECT 'ADV-' || code, 'Advisor ' || code, code FROM departments`
  );
});
afterAll(async () => {
  await agg?.stop();
});

test('the live trickle posts new requests and moves journeys through the public API', async () => {
  const stats = await runTrickle(
    agg.db.pool,
    { url: agg.url, token: agg.tokens.ingest, ratePerSecond: 200, limit: 60, seed: 7 },
    () => false
  );
  assert.equal(stats.failed, 0);
  assert.ok(stats.created > 20, `created ${stats.created}`);
  assert.ok(stats.advanced > 5, `advanced ${stats.advanced}`);
  const { rows } = await agg.db.pool.query(
    `SELECT count(*)::int AS n, count(zone_id)::int AS zoned, count(*) FILTER (WHERE status <> 'received')::int AS moved FROM requests`
  );
  assert.equal(rows[0].n, stats.created);
  assert.equal(rows[0].zoned, stats.created, 'every trickled point lies inside a zone');
  assert.ok(rows[0].moved > 0);
});
