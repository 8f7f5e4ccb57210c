// Preparing a generated history for a benchmark (bench/query.ts, bench/scale.ts, bench/rezone.ts) as a load leaves
// it (backend/cli/after-load.ts): the SLA first pass over the history, then the bulk build of the rollups.
import { spawnSync } from 'node:child_process';
import type pg from 'pg';
import { readyAfterLoad, type AfterLoad } from '../backend/cli/after-load.ts';
import { loadConfig } from '../backend/config.ts';
import { applyPendingRollups } from '../backend/rollups/apply.ts';
import { pendingCount } from '../backend/rollups/bulk.ts';

/**
 * The SLA clocks and outcomes at `now`, then the rollups, as import-requests and generate-demo make them ready
 * (quiet: the benchmark prints its own lines, `log` gets the two summaries). Fewer pending requests than the bulk
 * build's minimum (S360_ROLLUP_BULK_MIN_PENDING) are left to the rollup job there: here its batches apply them at
 * once, so every figure answers from rollups.
 */
export async function readyHistory(pool: pg.Pool, now: Date, log: (line: string) => void): Promise<AfterLoad> {
  const config = loadConfig();
  const ready = await readyAfterLoad(pool, config, true, log, now);
  while ((await pendingCount(pool)) > 0) {
    await applyPendingRollups(pool, config.rollupBatchSize, config.rollupMaxBatchesPerRun, config.rollupWorkMemMb);
  }
  return ready;
}

/** `services360 generate-demo` into `databaseUrl`: the demo city with `requests` requests over `months` months up to
 *  `end`, seed "bench" (it makes them ready itself, as after a load). Throws if the command fails. */
export function generateDemoHistory(databaseUrl: string, months: number, requests: number, end: string): void {
  const args = ['generate-demo', '--months', String(months), '--requests', String(requests), '--seed', 'bench'];
  const gen = spawnSync(process.execPath, ['bin/services360.js', ...args, '--end', end, '--quiet'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'inherit',
  });
  if (gen.status !== 0) {
    throw new Error('generate-demo failed');
  }
}
