// The rollup job's work: claim marked requests, apply their change to the rollups and to the pre-counted
// tile bins, in one transaction per batch. Safe to run concurrently (SKIP LOCKED), though the scheduler
// runs one leader. A request the batch cannot apply (a point the map cannot project, or any data error in
// the statements) is set aside in job_quarantine and the rest applied: one bad row never stalls the rollups.
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql, sqlTemplate } from '../db/sql.ts';
import { MAX_LONGITUDE, MAX_MERCATOR_LATITUDE } from '../geo/projectable.ts';
import { isRowDataError, quarantineRows, releaseRows, rowErrorText, type QuarantinedRow } from '../jobs/quarantine.ts';
import { GROUPING_ARGS, groupingSetsSql, HIST_CUBES, LEAN_CUBE_IDS } from './cubes.ts';

export const ROLLUP_JOB = 'rollups';

let applySql: string | null = null;
function applyStatement(): string {
  applySql ??= sqlTemplate('rollups/apply', {
    grouping_args: GROUPING_ARGS,
    grouping_sets: groupingSetsSql(),
    hist_grouping_sets: groupingSetsSql(HIST_CUBES),
  }).text;
  return applySql;
}

export type RollupRun = { requests: number; rows: number; batches: number; quarantined: number };

/** Applies the requests `ids` (claimed in this transaction) to the rollups and the tile bins; returns the rows written. */
async function applyIds(client: pg.PoolClient, ids: number[]): Promise<number> {
  const { rows } = await client.query<{ requests: number; rows: number; hist_rows: number }>(applyStatement(), [
    ids,
    LEAN_CUBE_IDS,
  ]);
  // The pre-counted tile bins (migration 0022) follow the same marks, in the same transaction.
  await client.query(sql('rollups/apply_tile_bins'), [ids]);
  await client.query(sql('rollups/tile_bin_state_apply'), [ids]);
  return rows[0].rows + rows[0].hist_rows;
}

/**
 * applyIds under a savepoint; when a data error fails it, the ids are halved and each half tried again, down
 * to the single requests that fail, which are set aside (`bad`). k bad rows among n cost about 2·k·log2(n)
 * attempts; the usual batch (none bad) costs one.
 */
async function applyBisecting(client: pg.PoolClient, ids: number[], bad: QuarantinedRow[]): Promise<number> {
  if (!ids.length) {
    return 0;
  }
  await client.query('SAVEPOINT rollup_part');
  try {
    const rows = await applyIds(client, ids);
    await client.query('RELEASE SAVEPOINT rollup_part');
    return rows;
  } catch (err) {
    await client.query('ROLLBACK TO SAVEPOINT rollup_part; RELEASE SAVEPOINT rollup_part');
    if (!isRowDataError(err)) {
      throw err;
    }
    if (ids.length === 1) {
      bad.push({ requestId: ids[0], error: rowErrorText(err) });
      return 0;
    }
    const half = Math.ceil(ids.length / 2);
    return (
      (await applyBisecting(client, ids.slice(0, half), bad)) + (await applyBisecting(client, ids.slice(half), bad))
    );
  }
}

/** Applies pending changes in batches of `batchSize` until none is left (or `maxBatches` ran). */
export async function applyPendingRollups(
  pool: pg.Pool,
  batchSize = 5000,
  maxBatches = Infinity,
  workMemMb = 256
): Promise<RollupRun> {
  const run: RollupRun = { requests: 0, rows: 0, batches: 0, quarantined: 0 };
  while (run.batches < maxBatches) {
    const done = await inTransaction(pool, async (client) => {
      // The grouping sets sort in memory with room to spare, not on disk (3–5× faster measured).
      await client.query(`SELECT set_config('work_mem', $1, true)`, [`${Math.max(4, Math.floor(workMemMb))}MB`]);
      // A batch is bounded by its size, not by the API's statement timeout.
      await client.query(`SELECT set_config('statement_timeout', '0', true)`);
      // The horizons stay put while the batch applies (the lean-hours rebuild changes them under FOR UPDATE).
      await client.query(sql('rollups/share_hour_horizon'));
      const { rows: claimed } = await client.query<{ request_id: number }>(sql('rollups/claim_pending'), [batchSize]);
      if (!claimed.length) {
        return null;
      }
      // The data-level guard: points the map cannot project are set aside before they reach tile_py.
      const { rows: unprojectable } = await client.query<{ request_id: number; error: string }>(
        sql('rollups/find_unprojectable'),
        [claimed.map((c) => c.request_id), MAX_MERCATOR_LATITUDE, MAX_LONGITUDE]
      );
      const bad: QuarantinedRow[] = unprojectable.map((u) => ({ requestId: Number(u.request_id), error: u.error }));
      const skip = new Set(bad.map((b) => b.requestId));
      const candidates = claimed.map((c) => c.request_id).filter((id) => !skip.has(id));
      const guarded = bad.length;
      const rows = await applyBisecting(client, candidates, bad);
      // Every request failing on its own is no bad row but a failing job (a bug, a broken function): fail the run
      // as before (the batch rolls back, its marks stay) rather than set the whole batch aside.
      if (candidates.length > 1 && bad.length - guarded === candidates.length) {
        throw new Error(
          `the rollup job failed on every one of the ${candidates.length} requests of a batch: ${bad[guarded].error}`
        );
      }
      await quarantineRows(client, ROLLUP_JOB, bad);
      // Those quarantined before and applied now (fixed since) leave the list.
      const failed = new Set(bad.map((b) => b.requestId));
      await releaseRows(
        client,
        ROLLUP_JOB,
        claimed.map((c) => Number(c.request_id)).filter((id) => !failed.has(id))
      );
      return { requests: claimed.length - bad.length, rows, quarantined: bad.length, claimed: claimed.length };
    });
    if (!done) {
      break;
    }
    run.requests += done.requests;
    run.rows += done.rows;
    run.quarantined += done.quarantined;
    run.batches++;
    if (done.claimed < batchSize) {
      break;
    }
  }
  return run;
}
