// Runs jobs once, now, to completion (e.g. after a bulk load, before serving): by default the SLA sweep,
// then the rollups, then the hot spots — the order in which each feeds the next. Each run holds the job's advisory
// lock (the one a serving instance's scheduled run takes), so it waits for such a run and never overlaps one
// (the compose stack's seed runs the jobs while the aggregator serves).
import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { markUnusable, withClient } from '../db/transaction.ts';
import { JOBS } from '../jobs/definitions.ts';
import { createAppContext } from '../http/context.ts';
import { jobLockKey } from '../jobs/run-once.ts';
import { present } from '../domain/lookup.ts';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { jobs: { type: 'string', default: 'sla-sweep,rollups,recurrence' } },
  });
  const names = values.jobs
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !JOBS.some((j) => j.name === n));
  if (unknown.length) {
    console.error(`unknown job(s): ${unknown.join(', ')}; jobs: ${JOBS.map((j) => j.name).join(', ')}`);
    return 2;
  }
  const config = { ...loadConfig(), statementTimeoutMs: 0, rollupMaxBatchesPerRun: Number.MAX_SAFE_INTEGER };
  const pool = createPool(databaseUrl(), config);
  const ctx = createAppContext(pool, { ...config, tokenCacheMs: 0, tokenNegativeCacheMs: 0, referenceCacheMs: 0 });
  try {
    for (const name of names) {
      const t0 = Date.now();
      // The lock's session: withClient discards it if it broke (an unlock that fails marks it unusable).
      const items = await withClient(pool, async (lock) => {
        await lock.query('SELECT pg_advisory_lock($1)', [jobLockKey(name)]);
        try {
          return await present(
            JOBS.find((j) => j.name === name),
            `job ${name}`
          ).run(ctx, new Date());
        } finally {
          await lock.query('SELECT pg_advisory_unlock($1)', [jobLockKey(name)]).catch(() => markUnusable(lock));
        }
      });
      console.log(`${name}: ${items} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    return 0;
  } finally {
    await pool.end();
  }
}
