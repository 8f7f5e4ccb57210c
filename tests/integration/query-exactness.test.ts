// Property test (tests/support/exactness.ts): random requests, journeys, late events and SLA outcomes; the rollup job run part way;
// then ≥ 200 random queries through POST /v1/query, each checked against plain SQL over the raw rows.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { seededExactness, type ExactnessProperty } from '../support/exactness.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { advanceHourHorizon, deleteHourRowsBelowHorizon } from '../../backend/rollups/hour-horizon.ts';
import { backfillLeanHours } from '../../backend/rollups/lean-hours.ts';
import { LEAN_CUBE_IDS } from '../../backend/rollups/cubes.ts';

const SEED = Number(process.env.S360_PROPERTY_SEED ?? 20261129);

let agg: TestAggregator;
let p: ExactnessProperty;

beforeAll(async () => {
  agg = await startTestAggregator();
  p = await seededExactness(agg, SEED);
});
afterAll(async () => {
  await agg?.stop();
});

test('every request not pending is applied as it stands now', async () => {
  assert.deepEqual(await p.appliedButStale(), []);
});

test('each level of the rollups sums the facts of the applied state', async () => {
  const { rows } = await agg.db.pool.query(`
    WITH facts AS (SELECT f.* FROM rollup_state s CROSS JOIN LATERAL rollup_facts(s.created_at, s.progress_pct, s.finished_at,
                     s.satisfaction, s.cancelled_at, s.res_outcome, s.res_outcome_at, s.fr_outcome, s.fr_outcome_at) f)
    SELECT l.level, (SELECT row(sum(received), sum(closed), sum(cancelled), sum(res_met), sum(res_breached), sum(fr_met), sum(fr_breached), sum(sat_n))::text
                     FROM rollups r WHERE r.level = l.level AND r.cube = 255) AS rolled,
           (SELECT row(sum(received), sum(closed), sum(cancelled), sum(res_met), sum(res_breached), sum(fr_met), sum(fr_breached), sum(sat_n))::text
              FROM facts) AS facts
    FROM unnest(ARRAY['hour','day','month']) l(level)`);
  for (const r of rows) {
    assert.equal(r.rolled, r.facts, r.level);
  }
});

test(`≥ 200 random queries equal the brute-force SQL over the raw rows (seed ${SEED})`, async () => {
  await p.randomQueriesEqualBruteForce(210);
});

// With nothing pending the statements leave the pending delta out (backend/query/sql-builder.ts), and with
// an hour horizon (migration 0023) the hours before it come from the per-request state: the same check on
// those paths, after moving the horizon into the data, deleting the hour rows below it, changing old
// requests (the job must not write hours below the horizon) and letting the rollup job catch up.
test(`with an hour horizon and nothing pending, 60 more random queries equal the brute-force SQL (seed ${SEED})`, async () => {
  assert.ok(await advanceHourHorizon(agg.db.pool, new Date(p.NOW), 10));
  assert.ok((await deleteHourRowsBelowHorizon(agg.db.pool, 500)) > 0);
  for (const j of p.journeys.filter(() => p.rnd.chance(0.2))) {
    await p.walk(j, p.rnd.int(1, 2), p.NOW - p.MIN);
  }
  await applyPendingRollups(agg.db.pool, 1000);
  const below = await agg.db.pool.query(
    `SELECT count(*) FILTER (WHERE cube <> ALL($1::smallint[]))::int AS wide, count(*) FILTER (WHERE cube = ANY($1::smallint[]))::int AS lean
    FROM rollups WHERE level = 'hour' AND bucket < (SELECT hour_from FROM rollup_hour_horizon)`,
    [LEAN_CUBE_IDS]
  );
  assert.equal(below.rows[0].wide, 0, 'the job wrote hour rows of a zone or advisor cube below the horizon');
  assert.ok(below.rows[0].lean > 0, 'the lean cubes keep their hour rows below the horizon (migration 0030)');
  const histBelow = await agg.db.pool.query(
    `SELECT count(*)::int AS n FROM rollup_hist WHERE level = 'hour' AND bucket < (SELECT hist_hour_from FROM rollup_hour_horizon)`
  );
  assert.equal(histBelow.rows[0].n, 0, 'the job wrote hour histogram rows below their horizon');
  assert.equal((await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n, 0);
  await p.randomQueriesEqualBruteForce(60);
});

// A database whose rollups predate migration 0030: the lean cubes' hour rows below the horizon are gone and
// lean_hour_from sits at the horizon. Queries stay exact while the rollup job rebuilds them a few days at a time
// (requests changing in between), and once it is done the hour level again sums the applied facts.
test(`while the lean hours are rebuilt, and after, 60 more random queries equal the brute-force SQL (seed ${SEED})`, async () => {
  await agg.db.pool.query(`UPDATE rollup_hour_horizon SET lean_hour_from = hour_from`);
  await agg.db.pool.query(
    `DELETE FROM rollups WHERE level = 'hour' AND bucket < (SELECT hour_from FROM rollup_hour_horizon)`
  );
  for (const j of p.journeys.filter(() => p.rnd.chance(0.1))) {
    await p.walk(j, 1, p.NOW - p.MIN);
  }
  await applyPendingRollups(agg.db.pool, 1000);
  await p.randomQueriesEqualBruteForce(20);

  const part = await backfillLeanHours(agg.db.pool, 3);
  assert.equal(part.days, 3);
  assert.equal(part.done, false);
  const {
    rows: [h],
  } = await agg.db.pool.query(`SELECT lean_hour_from, hour_from FROM rollup_hour_horizon`);
  assert.equal(h.hour_from.getTime() - h.lean_hour_from.getTime(), 3 * p.DAY, 'three days rebuilt below the horizon');
  for (const j of p.journeys.filter(() => p.rnd.chance(0.1))) {
    await p.walk(j, 1, p.NOW - p.MIN);
  }
  await applyPendingRollups(agg.db.pool, 1000);
  await p.randomQueriesEqualBruteForce(20);

  const rest = await backfillLeanHours(agg.db.pool, 10_000);
  assert.equal(rest.done, true);
  assert.equal(
    (await agg.db.pool.query(`SELECT lean_hour_from FROM rollup_hour_horizon`)).rows[0].lean_hour_from,
    -Infinity
  );
  const { rows } = await agg.db.pool.query(`
    WITH facts AS (SELECT f.* FROM rollup_state s CROSS JOIN LATERAL rollup_facts(s.created_at, s.progress_pct, s.finished_at,
                     s.satisfaction, s.cancelled_at, s.res_outcome, s.res_outcome_at, s.fr_outcome, s.fr_outcome_at) f)
    SELECT (SELECT row(sum(received), sum(closed), sum(cancelled), sum(res_met), sum(res_breached), sum(fr_met), sum(fr_breached), sum(sat_n))::text
            FROM rollups r WHERE r.level = 'hour' AND r.cube = 255) AS rolled,
           (SELECT row(sum(received), sum(closed), sum(cancelled), sum(res_met), sum(res_breached), sum(fr_met), sum(fr_breached), sum(sat_n))::text
              FROM facts) AS facts`);
  assert.equal(rows[0].rolled, rows[0].facts, 'the rebuilt hour level sums every applied fact');
  for (const j of p.journeys.filter(() => p.rnd.chance(0.1))) {
    await p.walk(j, 1, p.NOW - p.MIN);
  }
  await applyPendingRollups(agg.db.pool, 1000);
  await p.randomQueriesEqualBruteForce(20);
});
