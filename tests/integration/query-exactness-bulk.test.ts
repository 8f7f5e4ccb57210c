// The exactness property (tests/support/exactness.ts) over a history rolled up by the fresh bulk build
// (backend/rollups/bulk-fresh.ts) instead of the rollup job: random queries through POST /v1/query equal plain SQL
// over the raw rows while the new tables are built (before the swap commits: the rollups still empty, every claimed
// request still pending to other sessions), and after it. A request changed during the build stays pending and is
// applied by the incremental job afterwards.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { exactnessProperty, type ExactnessProperty } from '../support/exactness.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { buildRollupsInBulk, pendingCount, type BulkRun } from '../../backend/rollups/bulk.ts';

const SEED = Number(process.env.S360_PROPERTY_SEED ?? 20261206);

let agg: TestAggregator;
let p: ExactnessProperty;
let run: BulkRun;
const during = { rollups: -1, pending: -1, claimed: -1, queried: false };
let changedId = 0;
let changedPendingAfterBuild = false;

beforeAll(async () => {
  agg = await startTestAggregator();
  p = exactnessProperty(
    {
      pool: agg.db.pool,
      reference: () => agg.server.ctx.reference.get(),
      query: (body) => agg.call('POST', '/v1/query', body, agg.tokens.read),
      rollUpHistory: async (pool) => {
        let changedDuringBuild: Promise<unknown> = Promise.resolve();
        during.claimed = await pendingCount(pool);
        run = await buildRollupsInBulk(pool, {
          beforeSwap: async () => {
            // Other sessions, while the build's transaction is open: nothing applied yet, every mark still there.
            during.rollups = (await pool.query('SELECT count(*)::int AS n FROM rollups')).rows[0].n;
            during.pending = await pendingCount(pool);
            await p.randomQueriesEqualBruteForce(40);
            during.queried = true;
            // A change to a claimed request arrives now: its mark waits for the build to commit, then stays.
            changedId = (await pool.query('SELECT request_id FROM rollup_pending ORDER BY request_id DESC LIMIT 1'))
              .rows[0].request_id;
            changedDuringBuild = pool.query(
              `WITH u AS (UPDATE requests SET priority = 'urgent', updated_at = now() WHERE id = $1)
            INSERT INTO rollup_pending (request_id) VALUES ($1) ON CONFLICT (request_id) DO UPDATE SET marked_at = now()`,
              [changedId]
            );
          },
        });
        await changedDuringBuild;
        changedPendingAfterBuild =
          (await pool.query('SELECT 1 FROM rollup_pending WHERE request_id = $1', [changedId])).rowCount === 1;
      },
    },
    SEED
  );
  await p.seed();
});
afterAll(async () => {
  await agg?.stop();
});

test('the history was rolled up by the fresh build, and queries asked before its swap committed equal the raw rows', async () => {
  assert.equal(run.path, 'fresh', run.freshSkipped);
  assert.ok(run.requests > 200, `requests ${run.requests}`);
  assert.equal(during.rollups, 0, 'the rollups were visible before the swap');
  assert.equal(during.pending, during.claimed, 'the claimed marks were gone before the swap');
  assert.ok(during.queried);
});

test('every request not pending is applied as it stands now', async () => {
  assert.deepEqual(await p.appliedButStale(), []);
});

test(`after the fresh build, 200 random queries equal the brute-force SQL over the raw rows (seed ${SEED})`, async () => {
  await p.randomQueriesEqualBruteForce(200);
});

test('a change to a claimed request made during the build stays pending, and the rollup job applies it', async () => {
  assert.ok(changedPendingAfterBuild, 'the change made during the build was not pending after it');
  await applyPendingRollups(agg.db.pool, 1000);
  const {
    rows: [after],
  } = await agg.db.pool.query(`SELECT s.priority FROM rollup_state s WHERE s.request_id = $1`, [changedId]);
  assert.equal(after.priority, 'urgent');
});
