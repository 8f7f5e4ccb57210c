import { parseArgs } from 'node:util';
import type pg from 'pg';
import { databaseUrl, loadConfig, type Config } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { sweepSlaHistory } from '../sla/history-sweep.ts';
import type { SweepResult } from '../sla/sweep.ts';

const HELP = `usage: services360 sla-history [options]
  The SLA sweep's first pass over a history: evaluates every request the sweep would (never evaluated, a
  warning or breach moment reached, a journey event since the last sweep) in large batches, the same clocks,
  outcomes, marks and alerts as the scheduled sweep, faster. import-requests and generate-demo run it
  themselves before building the rollups. Waits while another sweep or a rollup run is going on.
  --batch N     requests per transaction (default: S360_SLA_HISTORY_BATCH)
  --writers N   batches in flight at once (default: S360_SLA_HISTORY_WRITERS)`;

/** How long to wait before trying the sweep's lock again. */
const LOCK_RETRY_MS = 500;

export function formatSlaPass(r: SweepResult, seconds: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `SLA clocks: ${n(r.evaluated)} requests in ${seconds.toFixed(1)} s (${n(Math.round(r.evaluated / Math.max(seconds, 0.001)))}/s; ` +
    `${r.batches} batches; ${n(r.changed)} changed, ${n(r.marked)} outcomes for the rollups, ${n(r.alertCount)} warnings and breaches recorded)`
  );
}

/** The first pass at `now`; waits while another sweep holds the sweep's lock (an aggregator's scheduled sweep). */
export async function slaFirstPass(
  pool: pg.Pool,
  config: Pick<Config, 'slaHistoryBatchSize' | 'slaHistoryWriters'>,
  now: Date,
  log: (line: string) => void
): Promise<SweepResult> {
  const started = performance.now();
  const options = { batchSize: config.slaHistoryBatchSize, writers: config.slaHistoryWriters };
  let r = await sweepSlaHistory(pool, now, options);
  while (!r.ran) {
    await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    r = await sweepSlaHistory(pool, now, options);
  }
  log(formatSlaPass(r, (performance.now() - started) / 1000));
  return r;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { batch: { type: 'string' }, writers: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  const batch = values.batch !== undefined ? Number(values.batch) : config.slaHistoryBatchSize;
  const writers = values.writers !== undefined ? Number(values.writers) : config.slaHistoryWriters;
  if (!Number.isInteger(batch) || batch < 1) {
    console.error('--batch must be a positive whole number');
    return 2;
  }
  if (!Number.isInteger(writers) || writers < 1) {
    console.error('--writers must be a positive whole number');
    return 2;
  }
  const pool = createPool(databaseUrl(), { ...config, poolSize: writers + 1, statementTimeoutMs: 0 });
  try {
    await slaFirstPass(pool, { slaHistoryBatchSize: batch, slaHistoryWriters: writers }, new Date(), (line) =>
      console.log(line)
    );
    return 0;
  } finally {
    await pool.end();
  }
}
