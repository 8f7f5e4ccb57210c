// The rollup job's work: claim marked requests, apply their change to the rollups and to the pre-counted
// tile bins, in one transaction per batch. Safe to run concurrently (SKIP LOCKED), though the scheduler
// runs one leader.
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';
import { GROUPING_ARGS, groupingSetsSql, HIST_CUBES, LEAN_CUBE_IDS } from './cubes.ts';

let applySql: string | null = null;
function applyStatement(): string {
  applySql ??= sql('rollups/apply').replaceAll('/*GROUPING_ARGS*/', GROUPING_ARGS)
    .replaceAll('/*HIST_GROUPING_SETS*/', groupingSetsSql(HIST_CUBES)).replaceAll('/*GROUPING_SETS*/', groupingSetsSql());
  return applySql;
}

export type RollupRun = { requests: number; rows: number; batches: number };

/** Applies pending changes in batches of `batchSize` until none is left (or `maxBatches` ran). */
export async function applyPendingRollups(pool: pg.Pool, batchSize = 5000, maxBatches = Infinity, workMemMb = 256): Promise<RollupRun> {
  const run: RollupRun = { requests: 0, rows: 0, batches: 0 };
  while (run.batches < maxBatches) {
    const done = await inTransaction(pool, async (client) => {
      // The grouping sets sort in memory with room to spare, not on disk (3–5× faster measured).
      await client.query(`SELECT set_config('work_mem', $1, true)`, [`${Math.max(4, Math.floor(workMemMb))}MB`]);
      // A batch is bounded by its size, not by the API's statement timeout.
      await client.query(`SELECT set_config('statement_timeout', '0', true)`);
      // The horizons stay put while the batch applies (the lean-hours rebuild changes them under FOR UPDATE).
      await client.query(sql('rollups/share_hour_horizon'));
      const { rows: claimed } = await client.query<{ request_id: number }>(sql('rollups/claim_pending'), [batchSize]);
      if (!claimed.length) return null;
      const ids = claimed.map((c) => c.request_id);
      const { rows } = await client.query<{ requests: number; rows: number; hist_rows: number }>(applyStatement(), [ids, LEAN_CUBE_IDS]);
      // The pre-counted tile bins (migration 0022) follow the same marks, in the same transaction.
      await client.query(sql('rollups/apply_tile_bins'), [ids]);
      await client.query(sql('rollups/tile_bin_state_apply'), [ids]);
      return { requests: claimed.length, rows: rows[0].rows + rows[0].hist_rows };
    });
    if (!done) break;
    run.requests += done.requests;
    run.rows += done.rows;
    run.batches++;
    if (done.requests < batchSize) break;
  }
  return run;
}
