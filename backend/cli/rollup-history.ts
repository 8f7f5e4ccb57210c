import { parseArgs } from 'node:util';
import type pg from 'pg';
import { databaseUrl, loadConfig, type Config } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { buildRollupsInBulk, pendingCount, type BulkProgress, type BulkRun } from '../rollups/bulk.ts';
import { batchProgress } from './batch-progress.ts';

const HELP = `usage: services360 rollup-history [options]
  Builds the rollups, histograms, tile bin counts and applied state of every pending request in bulk. When
  nothing is applied yet (a new city's history, a demo, a change of zone) every table is written anew with no
  index, indexed and swapped in, in one transaction (readers wait only for the swap); otherwise one
  transaction per batch, each cube one INSERT … SELECT … GROUP BY into the tables in place. For the history just loaded by
  import-requests or generate-demo (they call it themselves when more than S360_ROLLUP_BULK_MIN_PENDING
  requests are pending); the rollup job stays the path for live traffic. Waits while a rollup run holds the
  job's lock, and holds it meanwhile (the job skips its ticks). Safe to interrupt: a batch is all or nothing.
  --batch N   requests per transaction (default: S360_ROLLUP_BULK_BATCH)
  --quiet     no progress output`;

export function formatBulkRun(r: BulkRun): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `rollups: ${n(r.requests)} requests in ${r.seconds.toFixed(1)} s (${n(Math.round(r.requests / Math.max(r.seconds, 0.001)))}/s; ` +
    `${r.path === 'fresh' ? 'built anew and swapped in' : `${r.batches} batches`}${r.freshSkipped ? ` (not anew: ${r.freshSkipped})` : ''}; ` +
    `${n(r.rollupRows)} rollup rows, ${n(r.histRows)} histogram rows, ${n(r.tileRows)} tile bin rows written` +
    `${r.quarantined ? `; ${n(r.quarantined)} set aside (see /v1/ops/quarantine)` : ''})`
  );
}

/** The bulk build's progress bar (stderr): the requests built of those pending, the batch and its step. */
function bulkProgress(stream: NodeJS.WriteStream): { update: (p: BulkProgress) => void; stop: () => void } {
  const bar = batchProgress(stream, 'rollups', 'requests');
  return {
    update: (p) => bar.update({ done: p.requests, total: p.pending, batch: p.batches + 1, phase: p.phase }),
    stop: bar.stop,
  };
}

/** After a load: builds in bulk when more than config.rollupBulkMinPending requests are pending. */
export async function rollupHistoryIfLarge(
  pool: pg.Pool,
  config: Config,
  quiet: boolean,
  log: (line: string) => void
): Promise<BulkRun | null> {
  if (config.rollupBulkMinPending <= 0) {
    return null;
  }
  const pending = await pendingCount(pool);
  if (pending <= config.rollupBulkMinPending) {
    return null;
  }
  const progress = quiet ? null : bulkProgress(process.stderr);
  try {
    const r = await buildRollupsInBulk(pool, {
      batchSize: config.rollupBulkBatchSize,
      workMemMb: config.rollupWorkMemMb,
      onProgress: progress?.update,
    });
    progress?.stop();
    log(formatBulkRun(r));
    return r;
  } finally {
    progress?.stop();
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { batch: { type: 'string' }, quiet: { type: 'boolean', default: false }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  const batchSize = values.batch !== undefined ? Number(values.batch) : config.rollupBulkBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error('--batch must be a positive whole number');
    return 2;
  }
  const pool = createPool(databaseUrl(), { ...config, poolSize: 2, statementTimeoutMs: 0 });
  const progress = values.quiet ? null : bulkProgress(process.stderr);
  try {
    const r = await buildRollupsInBulk(pool, {
      batchSize,
      workMemMb: config.rollupWorkMemMb,
      onProgress: progress?.update,
    });
    progress?.stop();
    console.log(formatBulkRun(r));
    return 0;
  } finally {
    progress?.stop();
    await pool.end();
  }
}
