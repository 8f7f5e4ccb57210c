import { parseArgs } from 'node:util';
import type pg from 'pg';
import { databaseUrl, loadConfig, type Config } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { sql } from '../db/sql.ts';
import { sweepSlaHistory, type HistorySweepProgress } from '../sla/history-sweep.ts';
import type { SweepResult } from '../sla/sweep.ts';
import { batchProgress } from './batch-progress.ts';

const HELP = `usage: services360 sla-history [options]
  The SLA sweep's first pass over a history: evaluates every request the sweep would (never evaluated, a
  warning or breach moment reached, a journey event since the last sweep) in large batches, the same clocks,
  outcomes, marks and alerts as the scheduled sweep, faster. import-requests and generate-demo run it
  themselves before building the rollups. Waits while another sweep or a rollup run is going on.
  --batch N     requests per transaction (default: S360_SLA_HISTORY_BATCH)
  --writers N   batches in flight at once (default: S360_SLA_HISTORY_WRITERS)
  --quiet       no progress output`;

/** How long to wait before trying the sweep's lock again. */
const LOCK_RETRY_MS = 500;

export function formatSlaPass(r: SweepResult, seconds: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (r.ran && r.evaluated === 0) {
    return `SLA clocks: every request's clock is current, nothing to evaluate (${seconds.toFixed(1)} s)`;
  }
  return (
    `SLA clocks: ${n(r.evaluated)} requests in ${seconds.toFixed(1)} s (${n(Math.round(r.evaluated / Math.max(seconds, 0.001)))}/s; ` +
    `${r.batches} batches; ${n(r.changed)} changed, ${n(r.marked)} outcomes for the rollups, ${n(r.alertCount)} warnings and breaches recorded)`
  );
}

/**
 * The first pass's progress bar (stderr), as the bulk build's: the requests evaluated of those never evaluated when
 * it began (the total grows if the pass finds more), after each committed batch.
 */
async function slaProgress(
  pool: pg.Pool,
  stream: NodeJS.WriteStream
): Promise<{ update: (p: HistorySweepProgress) => void; stop: () => void }> {
  const {
    rows: [expected],
  } = await pool.query<{ n: number }>(sql('sla/history_pass_expected'));
  const bar = batchProgress(stream, 'SLA clocks', 'requests');
  return {
    update: (p) =>
      bar.update({ done: p.evaluated, total: Math.max(expected.n, p.evaluated), batch: p.batches, phase: 'committed' }),
    stop: bar.stop,
  };
}

/**
 * The first pass at `now`, with a progress bar unless `quiet`; waits while another sweep holds the sweep's lock
 * (an aggregator's scheduled sweep).
 */
export async function slaFirstPass(
  pool: pg.Pool,
  config: Pick<Config, 'slaHistoryBatchSize' | 'slaHistoryWriters'>,
  now: Date,
  quiet: boolean,
  log: (line: string) => void
): Promise<SweepResult> {
  const started = performance.now();
  const progress = quiet ? null : await slaProgress(pool, process.stderr);
  const options = {
    batchSize: config.slaHistoryBatchSize,
    writers: config.slaHistoryWriters,
    onProgress: progress?.update,
  };
  let r: SweepResult;
  try {
    r = await sweepSlaHistory(pool, now, options);
    while (!r.ran) {
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
      r = await sweepSlaHistory(pool, now, options);
    }
  } finally {
    progress?.stop();
  }
  log(formatSlaPass(r, (performance.now() - started) / 1000));
  return r;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      batch: { type: 'string' },
      writers: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
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
    await slaFirstPass(
      pool,
      { slaHistoryBatchSize: batch, slaHistoryWriters: writers },
      new Date(),
      values.quiet ?? false,
      (line) => console.log(line)
    );
    return 0;
  } finally {
    await pool.end();
  }
}
