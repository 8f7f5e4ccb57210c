// import-requests --bulk (backend/import/bulk-load.ts): the same file loaded in bulk and chunk by chunk
// gives the same rejects, the same database content and, once the rollup job and the SLA sweep have
// run, the same /v1/query figures; the secondary indexes come back exactly as the migrations made them;
// a failing bulk load leaves nothing of the file in; loading the file again loads nothing.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { rowCounts } from '../support/db.ts';
import { importGrid } from '../support/fixtures.ts';
import { importRequests, type ImportOptions, type ImportSummary } from '../../backend/import/import-requests.ts';
import { loadMapping } from '../../backend/import/mapping.ts';
import { csvLine } from '../../backend/import/rejects.ts';
import { ReferenceCache } from '../../backend/domain/reference.ts';
import { run } from '../../backend/cli/import-requests.ts';
import { JOBS } from '../../backend/jobs/definitions.ts';
import { CSV_COLUMNS, historyRow, rng, type BBox } from '../../bench/csv-history.ts';

let chunked: TestAggregator;
let bulk: TestAggregator;
let dir: string;
beforeAll(async () => {
  chunked = await startTestAggregator();
  bulk = await startTestAggregator();
  await importGrid(chunked.db.pool);
  await importGrid(bulk.db.pool);
  dir = mkdtempSync(join(tmpdir(), 's360-csv-bulk-'));
});
afterAll(async () => {
  await chunked?.stop();
  await bulk?.stop();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

const options = (file: string, over: Partial<ImportOptions> = {}): ImportOptions => ({
  file,
  mapping: loadMapping('services360'),
  rejectsFile: `${file}.rejects.csv`,
  chunkRows: 97,
  maxDescriptionChars: 4000,
  ...over,
});

/** The grid's extent (tests/support/fixtures.ts gridZones), a little wider so that some points are unzoned. */
const BBOX: BBox = [54.85, 24.7, 55.7, 25.4];

/** A history of `n` rows (the bench's generator), some broken, some repeated (in the same and later chunks). */
function historyFile(name: string, n: number, source: string): string {
  const random = rng(2026);
  const lines = [csvLine(CSV_COLUMNS)];
  for (let i = 0; i < n; i++) {
    const cells = historyRow(i, random, BBOX, source);
    if (i % 50 === 7) {
      cells[CSV_COLUMNS.indexOf('channel')] = 'fax';
    }
    if (i % 50 === 21) {
      cells[CSV_COLUMNS.indexOf('created_at')] = 'yesterday';
    }
    if (i % 60 === 33) {
      cells[CSV_COLUMNS.indexOf('status')] = 'closed';
      cells[CSV_COLUMNS.indexOf('closed_at')] = '';
    }
    if (i % 40 === 11) {
      cells[CSV_COLUMNS.indexOf('external_id')] = `h-${i - 5}`;
    }
    if (i % 130 === 120) {
      cells[CSV_COLUMNS.indexOf('external_id')] = `h-${i - 110}`;
    }
    lines.push(csvLine(cells));
  }
  const file = join(dir, name);
  writeFileSync(file, lines.join(''));
  return file;
}

/** Every table's content as one checksum per table, leaving out the times the database stamps with now(). */
async function content(pool: pg.Pool): Promise<Record<string, string>> {
  const skip = new Set([
    'job_run_log',
    'job_runs',
    'api_tokens',
    'audit_log',
    'spatial_ref_sys',
    'schema_migrations',
    'sla_sweep_state',
  ]);
  const { rows: tables } = await pool.query<{ table_name: string; columns: string[] }>(`
    SELECT c.table_name, array_agg(quote_ident(c.column_name) ORDER BY c.ordinal_position) AS columns
    FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND coalesce(c.column_default, '') NOT LIKE 'now()%' AND c.column_name NOT IN ('sla_evaluated_at')
    GROUP BY c.table_name ORDER BY c.table_name`);
  const out: Record<string, string> = {};
  for (const t of tables) {
    if (skip.has(t.table_name)) {
      continue;
    }
    const list = t.columns.join(', ');
    const {
      rows: [sum],
    } = await pool.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS md5 FROM (SELECT ${list} FROM ${t.table_name}) x`
    );
    out[t.table_name] = `${sum.n} rows ${sum.md5}`;
  }
  return out;
}

async function indexes(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ def: string; valid: boolean }>(`
    SELECT pg_get_indexdef(i.indexrelid) AS def, i.indisvalid AND i.indisready AS valid FROM pg_index i
    WHERE i.indrelid IN ('requests'::regclass, 'request_events'::regclass, 'customers'::regclass, 'rollup_pending'::regclass) ORDER BY 1`);
  assert.ok(
    rows.every((r) => r.valid),
    'an index is not valid'
  );
  return rows.map((r) => r.def);
}

/** The rollup job until no mark is left, then the SLA sweep, at a fixed time. */
async function runJobs(a: TestAggregator, now: Date): Promise<void> {
  const job = (name: string) => JOBS.find((j) => j.name === name)!;
  for (let i = 0; i < 100; i++) {
    await job('rollups').run(a.server.ctx, now);
    if ((await a.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n === 0) {
      break;
    }
  }
  await job('sla-sweep').run(a.server.ctx, now);
  await job('rollups').run(a.server.ctx, now);
}

async function figures(a: TestAggregator): Promise<unknown> {
  const metrics = [
    'received',
    'closed',
    'backlog',
    'on_time_pct',
    'first_response_median',
    'resolution_p90',
    'satisfaction_mean',
    'sla_breaches',
    'progress_mean',
  ];
  const res = await a.call(
    'POST',
    '/v1/query',
    {
      from: '2025-01-01T00:00:00Z',
      to: '2026-11-01T00:00:00Z',
      interval: '1d',
      targets: metrics.flatMap((metric, k) => [
        { refId: `T${k}`, metric, format: 'table', groupBy: ['zone'] },
        { refId: `S${k}`, metric, format: 'time_series' },
      ]),
    },
    a.tokens.read
  );
  assert.equal(res.status, 200, res.text);
  // Table rows that tie on the sorted value may come in either order: compare them as sets.
  type Frame = { fields: Array<{ name: string; values: unknown[] }> };
  const results = res.body.results as Record<string, { frames: Frame[] }>;
  return Object.fromEntries(
    Object.entries(results).map(([refId, r]) => [
      refId,
      r.frames.map((f) => ({
        names: f.fields.map((x) => x.name),
        rows: (f.fields[0]?.values ?? []).map((_, i) => JSON.stringify(f.fields.map((x) => x.values[i]))).sort(),
      })),
    ])
  );
}

describe('a history loaded in bulk and chunk by chunk', () => {
  const N = 1500;
  let normal: ImportSummary, inBulk: ImportSummary;
  let normalFile: string, bulkFile: string;
  let indexesBefore: string[];
  beforeAll(async () => {
    normalFile = historyFile('history-chunked.csv', N, 'history');
    bulkFile = historyFile('history-bulk.csv', N, 'history');
    indexesBefore = await indexes(bulk.db.pool);
    normal = await importRequests(chunked.db.pool, options(normalFile));
    inBulk = await importRequests(bulk.db.pool, options(bulkFile, { bulkLoad: true }));
  });

  test('the same rows load, repeat or are rejected, with the same reasons', () => {
    assert.equal(inBulk.mode, 'bulk load');
    assert.equal(normal.mode, 'chunks');
    const counts = (s: ImportSummary) => ({ rows: s.rows, loaded: s.loaded, present: s.present, rejected: s.rejected });
    assert.deepEqual(counts(inBulk), counts(normal));
    assert.ok(normal.loaded > 1300 && normal.present > 40 && normal.rejected > 60, JSON.stringify(counts(normal)));
    assert.equal(readFileSync(inBulk.rejectsFile!, 'utf8'), readFileSync(normal.rejectsFile!, 'utf8'));
  });

  test('the secondary indexes are built again exactly as the migrations made them', async () => {
    assert.deepEqual(await indexes(bulk.db.pool), indexesBefore);
    assert.deepEqual(await indexes(bulk.db.pool), await indexes(chunked.db.pool));
  });

  test('the same database content, before and after the rollup job and the SLA sweep, and the same /v1/query figures', async () => {
    assert.deepEqual(await content(bulk.db.pool), await content(chunked.db.pool));
    const now = new Date();
    await runJobs(chunked, now);
    await runJobs(bulk, now);
    const after = await content(bulk.db.pool);
    assert.deepEqual(after, await content(chunked.db.pool));
    assert.match(after.rollup_pending, /^0 rows/);
    const bulkFigures = await figures(bulk);
    assert.deepEqual(bulkFigures, await figures(chunked));
    assert.match(JSON.stringify(bulkFigures), /Grid 1/, 'the figures hold the zones');
  });

  test('loading the file again loads nothing and rebuilds nothing', async () => {
    const before = await rowCounts(bulk.db.pool);
    const again = await importRequests(
      bulk.db.pool,
      options(bulkFile, { bulkLoad: true, rejectsFile: join(dir, 'again.rejects.csv') })
    );
    assert.equal(again.loaded, 0);
    assert.equal(again.present, normal.loaded + normal.present);
    assert.equal(again.indexSeconds, 0);
    assert.deepEqual(await rowCounts(bulk.db.pool), before);
  });

  test('a bulk load that fails in a later chunk leaves nothing of the file in, indexes included', async () => {
    const stale = await new ReferenceCache(bulk.db.pool, 0).get();
    const ref = {
      ...stale,
      channel: new Map([...stale.channel, ['fax', { code: 'fax', name_en: 'Fax', name_ar: 'فاكس' }]]),
    };
    const lines = [csvLine(CSV_COLUMNS)];
    const random = rng(9);
    for (let i = 0; i < 300; i++) {
      const cells = historyRow(i, random, BBOX, 'doomed');
      if (i === 250) {
        cells[CSV_COLUMNS.indexOf('channel')] = 'fax';
      }
      lines.push(csvLine(cells));
    }
    const file = join(dir, 'doomed.csv');
    writeFileSync(file, lines.join(''));
    const before = await rowCounts(bulk.db.pool);
    await assert.rejects(
      importRequests(bulk.db.pool, options(file, { bulkLoad: true, reference: ref })),
      /could not be written .*the bulk load was rolled back: nothing of this file is in/
    );
    assert.deepEqual(await rowCounts(bulk.db.pool), before);
    assert.deepEqual(await indexes(bulk.db.pool), indexesBefore);
    // The sequences moved on (as nextval does), nothing else: a later normal import works.
    const later = await importRequests(bulk.db.pool, options(file, { rejectsFile: join(dir, 'later.rejects.csv') }));
    assert.equal(later.loaded, 299);
  });
});

test('the CLI: --bulk loads in one transaction and says so; its help names the lock it takes', async () => {
  const file = join(dir, 'cli.csv');
  const random = rng(5);
  writeFileSync(
    file,
    [csvLine(CSV_COLUMNS), ...Array.from({ length: 20 }, (_, i) => csvLine(historyRow(i, random, BBOX, 'cli')))].join(
      ''
    )
  );
  const out: string[] = [];
  const log = console.log,
    error = console.error;
  console.log = (s: string) => {
    out.push(s);
  };
  console.error = (s: string) => {
    out.push(s);
  };
  const url = process.env.DATABASE_URL;
  process.env.DATABASE_URL = bulk.db.url;
  try {
    assert.equal(await run([file, '--bulk', '--quiet']), 0);
    assert.equal(await run(['--help']), 0);
  } finally {
    console.log = log;
    console.error = error;
    if (url === undefined) {
      delete process.env.DATABASE_URL;
    } else {
      process.env.DATABASE_URL = url;
    }
  }
  assert.match(out[0], /^loaded 20, already present 0, rejected 0 — .*bulk load, indexes built again in/);
  assert.match(out.join('\n'), /--bulk[\s\S]*ACCESS EXCLUSIVE/);
  assert.equal(
    (await bulk.db.pool.query("SELECT count(*)::int AS n FROM requests WHERE source = 'cli'")).rows[0].n,
    20
  );
});
