// The bulk build of the rollups ("services360 rollup-history"): after a history import or a demo generation,
// hundreds of thousands of requests are pending at once. When nothing has been applied yet, the fresh build
// (bulk-fresh.ts) writes every applied table anew and swaps it in — by far the fastest path; otherwise (or when it
// cannot: see bulk-swap.ts) the batches below add to the tables in place. The incremental job (apply.ts) would apply them
// 20,000 at a time, each batch one statement over every grouping set; here a batch is a much larger slice of the
// queue, read once into temporary tables (its versions, their facts), then grouped one cube at a time with
// INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE (adding to the rows already there), the tile bins counted and
// the applied state and the marks written — all in ONE transaction per batch. The rollups, rollup_state and
// rollup_pending change together, so a query (which adds current − applied for the pending requests) stays
// exact while the build runs, and a failed batch leaves its marks for the next try.
//
// Writes what the incremental job would write for the same requests: the same levels, the hour horizons of
// rollup_hour_horizon (the lean cubes' hours from lean_hour_from, the others' from hour_from, the histograms'
// from hist_hour_from), the same tile bins and state; tests/integration/bulk-rollups.test.ts compares both.
//
// Concurrency: the pending rows are claimed exactly as the incremental job claims them (FOR UPDATE SKIP LOCKED,
// then deleted in the batch's transaction), so a concurrent incremental batch never takes the same request, and a
// writer re-marking a claimed request waits for the batch to commit (its change is then applied by the next run).
// The build also holds the rollup job's advisory lock (jobs/run-once.ts) for its whole run, so the scheduled job
// skips its ticks instead of taking small batches in between.
import type pg from 'pg';
import { inTransaction, markUnusable, withClient } from '../db/transaction.ts';
import { bindNamed } from '../db/named-params.ts';
import { sql } from '../db/sql.ts';
import { MAX_LONGITUDE, MAX_MERCATOR_LATITUDE } from '../geo/projectable.ts';
import { jobLockKey } from '../jobs/run-once.ts';
import { isRowDataError, quarantineRows, releaseRows, rowErrorText, type QuarantinedRow } from '../jobs/quarantine.ts';
import { buildFresh, type FreshBuild } from './bulk-fresh.ts';
import { cubeStatements } from './bulk-cube-sql.ts';
import { applyPendingRollups, ROLLUP_JOB } from './apply.ts';

export type BulkProgress = { requests: number; batches: number; pending: number; phase: string };
export type BulkRun = {
  requests: number;
  batches: number;
  quarantined: number;
  rollupRows: number;
  histRows: number;
  tileRows: number;
  seconds: number;
  waitedForLock: boolean;
  /** 'fresh': built anew and swapped in (bulk-fresh.ts; one batch); 'batches': added in place */
  path: 'fresh' | 'batches';
  /** why the fresh build did not run, when the applied state was empty but it could not (or failed on a bad row) */
  freshSkipped?: string;
};
export type BulkOptions = {
  /** requests per transaction (default 100,000) */
  batchSize?: number;
  /** work_mem of a batch's transaction */
  workMemMb?: number;
  /** called after each step */
  onProgress?: (p: BulkProgress) => void;
  /** true: wait for the rollup job's lock; false: return at once (ran: 0 batches) when it is held */
  waitForLock?: boolean;
  /** false: never the fresh build, always the batches (default true: fresh whenever nothing was applied yet) */
  fresh?: boolean;
  /** maintenance_work_mem of the fresh build's index builds (default 512) */
  maintenanceWorkMemMb?: number;
  /** the fresh build: called before the swap, its transaction still open (tests ask queries there) */
  beforeSwap?: () => Promise<void>;
};

export async function pendingCount(pool: pg.Pool): Promise<number> {
  const {
    rows: [r],
  } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM rollup_pending');
  return r.n;
}

/** One batch in one transaction; null when nothing was pending. */
async function bulkBatch(pool: pg.Pool, batchSize: number, workMemMb: number, step: (phase: string) => void) {
  return inTransaction(pool, async (client) => {
    await client.query(`SELECT set_config('work_mem', $1, true)`, [`${Math.max(4, Math.floor(workMemMb))}MB`]);
    await client.query(`SELECT set_config('statement_timeout', '0', true)`);
    // The horizons stay put while the batch applies (as in apply.ts).
    await client.query(sql('rollups/share_hour_horizon'));
    const { rows: claimed } = await client.query<{ request_id: string }>(sql('rollups/claim_pending'), [batchSize]);
    if (!claimed.length) {
      return null;
    }
    const claimedIds = claimed.map((c) => Number(c.request_id));
    // Points the map cannot project are set aside, as the incremental job does.
    const { rows: unprojectable } = await client.query<{ request_id: string; error: string }>(
      sql('rollups/find_unprojectable'),
      [claimedIds, MAX_MERCATOR_LATITUDE, MAX_LONGITUDE]
    );
    const bad: QuarantinedRow[] = unprojectable.map((u) => ({ requestId: Number(u.request_id), error: u.error }));
    const skip = new Set(bad.map((b) => b.requestId));
    const ids = claimedIds.filter((id) => !skip.has(id));
    step('versions');
    await client.query('CREATE TEMP TABLE bulk_ids (request_id bigint PRIMARY KEY) ON COMMIT DROP');
    await client.query('INSERT INTO bulk_ids SELECT unnest($1::bigint[])', [ids]);
    await client.query('ANALYZE bulk_ids');
    await client.query(sql('rollups/bulk_versions'));
    await client.query(sql('rollups/bulk_facts'));
    await client.query(sql('rollups/bulk_hist_facts'));
    // Sixteen statements read each: plans from real counts.
    await client.query('ANALYZE bulk_facts, bulk_hist_facts');
    let rollupRows = 0;
    let histRows = 0;
    const { cubes, hists } = cubeStatements();
    for (const [i, c] of cubes.entries()) {
      step(`cube ${i + 1}/${cubes.length}`);
      const { rowCount } = await client.query(bindNamed(c, {}));
      rollupRows += rowCount ?? 0;
    }
    for (const [i, h] of hists.entries()) {
      step(`histogram ${i + 1}/${hists.length}`);
      const { rowCount } = await client.query(bindNamed(h, {}));
      histRows += rowCount ?? 0;
    }
    step('tile bins');
    const {
      rows: [t],
    } = await client.query<{ rows: number }>(sql('rollups/apply_tile_bins'), [ids]);
    await client.query(sql('rollups/tile_bin_state_apply'), [ids]);
    step('state');
    await client.query(sql('rollups/bulk_state'));
    await quarantineRows(client, ROLLUP_JOB, bad);
    await releaseRows(client, ROLLUP_JOB, ids);
    return {
      requests: ids.length,
      quarantined: bad.length,
      claimed: claimed.length,
      rollupRows,
      histRows,
      tileRows: t.rows,
    };
  });
}

/** Applies every pending request in bulk batches; the incremental job stays the path for live traffic. */
export async function buildRollupsInBulk(pool: pg.Pool, options: BulkOptions = {}): Promise<BulkRun> {
  const batchSize = options.batchSize ?? 100_000;
  const workMemMb = options.workMemMb ?? 512;
  const started = Date.now();
  const run: BulkRun = {
    requests: 0,
    batches: 0,
    quarantined: 0,
    rollupRows: 0,
    histRows: 0,
    tileRows: 0,
    seconds: 0,
    waitedForLock: false,
    path: 'batches',
  };
  // The lock is held by a session of its own for the whole build; the batches run on other pooled clients.
  return withClient(pool, async (lockClient) => {
    const key = jobLockKey(ROLLUP_JOB);
    const {
      rows: [l],
    } = await lockClient.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
    if (!l.ok) {
      if (options.waitForLock === false) {
        return run;
      }
      run.waitedForLock = true;
      await lockClient.query('SELECT pg_advisory_lock($1)', [key]);
    }
    try {
      let pending = await pendingCount(pool);
      if (options.fresh !== false && pending > 0) {
        const step = (phase: string) => options.onProgress?.({ requests: 0, batches: 0, pending, phase });
        let fresh: FreshBuild;
        try {
          fresh = await buildFresh(pool, {
            workMemMb,
            maintenanceWorkMemMb: options.maintenanceWorkMemMb ?? 512,
            step,
            beforeSwap: options.beforeSwap,
          });
        } catch (err) {
          if (!isRowDataError(err)) {
            throw err;
          }
          // A bad row failed the fresh build (rolled back, every mark kept): the batches below set it aside.
          fresh = { built: false, reason: 'cannot', why: `a bad row (${rowErrorText(err)})` };
          step('bad row: batches');
        }
        if (fresh.built) {
          Object.assign(run, {
            path: 'fresh',
            requests: fresh.requests,
            quarantined: fresh.quarantined,
            rollupRows: fresh.rollupRows,
            histRows: fresh.histRows,
            tileRows: fresh.tileRows,
            batches: 1,
          });
          options.onProgress?.({ requests: run.requests + run.quarantined, batches: 1, pending, phase: 'committed' });
          run.seconds = (Date.now() - started) / 1000;
          return run;
        }
        if (fresh.reason === 'cannot') {
          run.freshSkipped = fresh.why;
        }
      }
      for (;;) {
        let done;
        try {
          done = await bulkBatch(pool, batchSize, workMemMb, (phase) =>
            options.onProgress?.({ requests: run.requests, batches: run.batches, pending, phase })
          );
        } catch (err) {
          if (!isRowDataError(err)) {
            throw err;
          }
          // A bad row failed the batch (rolled back, its marks kept): the incremental job, which sets bad rows
          // aside one by one, applies that slice of the queue; the bulk build then goes on.
          options.onProgress?.({
            requests: run.requests,
            batches: run.batches,
            pending,
            phase: 'bad row: incremental',
          });
          const inc = await applyPendingRollups(pool, 5000, Math.ceil(batchSize / 5000), workMemMb);
          done = {
            requests: inc.requests,
            quarantined: inc.quarantined,
            claimed: inc.requests + inc.quarantined,
            rollupRows: inc.rows,
            histRows: 0,
            tileRows: 0,
          };
        }
        if (!done) {
          break;
        }
        run.requests += done.requests;
        run.quarantined += done.quarantined;
        run.rollupRows += done.rollupRows;
        run.histRows += done.histRows;
        run.tileRows += done.tileRows;
        run.batches++;
        pending = Math.max(pending, run.requests + run.quarantined);
        options.onProgress?.({
          requests: run.requests + run.quarantined,
          batches: run.batches,
          pending,
          phase: 'committed',
        });
        if (done.claimed < batchSize) {
          break;
        }
      }
      run.seconds = (Date.now() - started) / 1000;
      return run;
    } finally {
      await lockClient.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => markUnusable(lockClient));
    }
  });
}
