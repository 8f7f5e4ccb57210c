// The bulk build of the rollups (backend/rollups/bulk.ts, `services360 rollup-history`) writes exactly what the
// incremental job writes: the same data (a generated demo month, an SLA sweep over it, a CSV history import, then
// changes to requests already applied) is loaded into two fresh databases; one is built by the incremental job
// (applyPendingRollups until nothing is pending), the other in bulk, under hour horizons that cut through the
// month; every rollup table, the tile bins and the applied state are then compared row for row.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { APPLIED_TABLE_KEYS, rowsInKeyOrder } from '../support/applied-rows.ts';
import { sql } from '../../backend/db/sql.ts';
import { generateDemo } from '../../backend/demo/generate.ts';
import { generatedCitySource } from '../../backend/demo/communities.ts';
import { importRequests } from '../../backend/import/import-requests.ts';
import { loadMapping } from '../../backend/import/mapping.ts';
import { csvLine } from '../../backend/import/rejects.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { buildRollupsInBulk, pendingCount } from '../../backend/rollups/bulk.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';
import { jobLockKey } from '../../backend/jobs/run-once.ts';
import { CSV_COLUMNS, historyRow, rng, type BBox } from '../../bench/csv-history.ts';

const END = Date.parse('2026-11-20T12:00:00Z');
const BBOX: BBox = [54.85, 24.7, 55.7, 25.4];

let incremental: TestDatabase;
let bulk: TestDatabase;
let dir: string;

beforeAll(async () => {
  [incremental, bulk] = await Promise.all([freshDatabase(), freshDatabase()]);
  dir = mkdtempSync(join(tmpdir(), 's360-bulk-rollups-'));
});
afterAll(async () => {
  await incremental?.drop();
  await bulk?.drop();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function historyFile(name: string, n: number, seed: number): string {
  const random = rng(seed);
  const lines = [csvLine(CSV_COLUMNS)];
  for (let i = 0; i < n; i++) {
    const cells = historyRow(i, random, BBOX, name);
    // history of the demo month too, so that the two overlap in the same buckets
    cells[CSV_COLUMNS.indexOf('created_at')] = new Date(
      END - 40 * 86_400_000 + Math.floor(random() * 39 * 86_400_000)
    ).toISOString();
    for (const c of ['first_response_at', 'resolved_at', 'closed_at'] as const) {
      const k = CSV_COLUMNS.indexOf(c);
      if (cells[k]) {
        cells[k] = new Date(
          Date.parse(cells[CSV_COLUMNS.indexOf('created_at')]) + (1 + random() * 90) * 3_600_000
        ).toISOString();
      }
    }
    lines.push(csvLine(cells));
  }
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, lines.join(''));
  return file;
}

/** The same load, in the same order, into a database (ids come out the same). */
async function load(pool: pg.Pool, csv: string): Promise<void> {
  await generateDemo(pool, {
    months: 1,
    seed: 'bulk',
    requests: 2500,
    perDay: 0,
    endAt: END,
    chunkRequests: 1000,
    source: generatedCitySource(),
    subdivideVertices: 64,
    checkRows: true,
    bulkMinRequests: null,
  });
  // Hour horizons through the month: the wide cubes keep hours from the 5th day before the end, the lean cubes
  // from the 25th, the histograms from the 10th.
  await pool.query(`UPDATE rollup_hour_horizon SET hour_from = $1, lean_hour_from = $2, hist_hour_from = $3`, [
    new Date(END - 5 * 86_400_000),
    new Date(END - 25 * 86_400_000),
    new Date(END - 10 * 86_400_000),
  ]);
  await sweepSla(pool, new Date(END));
  await importRequests(pool, {
    file: csv,
    mapping: loadMapping('services360'),
    rejectsFile: `${csv}.rejects.csv`,
    chunkRows: 400,
    maxDescriptionChars: 4000,
    writers: 1,
  });
}

/** Changes to requests already applied: closed, moved, re-timed; marked pending as the ingest does. */
async function change(pool: pg.Pool): Promise<void> {
  await pool.query(`UPDATE requests SET status = 'closed', resolved_at = created_at + interval '30 hours',
    closed_at = created_at + interval '31 hours', satisfaction = 4
                    WHERE id % 11 = 3 AND status NOT IN ('closed', 'cancelled')`);
  await pool.query(`UPDATE requests SET location = ST_SetSRID(ST_MakePoint(55.2 + (id % 13) * 0.01, 25.1), 4326), created_at = created_at - interval '3 hours'
                    WHERE id % 17 = 5`);
  await pool.query(`INSERT INTO rollup_pending (request_id) SELECT id FROM requests WHERE id % 11 = 3 OR id % 17 = 5
                    ON CONFLICT (request_id) DO UPDATE SET marked_at = now()`);
}

async function incrementalBuild(pool: pg.Pool): Promise<number> {
  let n = 0;
  while ((await pendingCount(pool)) > 0) {
    n += (await applyPendingRollups(pool, 700)).requests;
  }
  return n;
}

const TABLES: Record<string, string> = { ...APPLIED_TABLE_KEYS, rollup_pending: 'request_id' };

async function assertSame(what: string): Promise<void> {
  for (const table of Object.keys(TABLES)) {
    const [a, b] = await Promise.all([
      rowsInKeyOrder(incremental.pool, table, TABLES),
      rowsInKeyOrder(bulk.pool, table, TABLES),
    ]);
    assert.equal(b.length, a.length, `${what}: ${table} has ${b.length} rows in bulk, ${a.length} incrementally`);
    if (table !== 'rollup_pending') {
      assert.ok(a.length > 0, `${what}: ${table} is empty`);
    }
    assert.deepEqual(b, a, `${what}: ${table} differs`);
  }
}

test('on an empty applied state the fresh build writes the same rollups, histograms, tile bins and state as the incremental job', async () => {
  const csv = historyFile('hist', 1800, 16);
  await load(incremental.pool, csv);
  await load(bulk.pool, csv);
  const pending = await pendingCount(bulk.pool);
  assert.equal(pending, await pendingCount(incremental.pool));
  assert.ok(pending > 3000, `pending ${pending}`);
  const applied = await incrementalBuild(incremental.pool);
  const phases = new Set<string>();
  const run = await buildRollupsInBulk(bulk.pool, { batchSize: 1500, onProgress: (p) => phases.add(p.phase) });
  assert.equal(run.path, 'fresh', run.freshSkipped);
  assert.equal(run.requests, applied);
  assert.equal(run.batches, 1);
  for (const phase of ['claim', 'hand-over', 'cube 16/16', 'side', 'swap']) {
    assert.ok(phases.has(phase), `${phase}: ${[...phases].join(', ')}`);
  }
  await assertSame('first build');
});

test('the bulk build adds to rows already there: changed requests (current − applied) and a second import', async () => {
  await change(incremental.pool);
  await change(bulk.pool);
  const csv = historyFile('more', 700, 17);
  for (const db of [incremental, bulk]) {
    await importRequests(db.pool, {
      file: csv,
      mapping: loadMapping('services360'),
      rejectsFile: `${csv}.rejects.csv`,
      chunkRows: 400,
      maxDescriptionChars: 4000,
      writers: 1,
    });
  }
  await incrementalBuild(incremental.pool);
  const run = await buildRollupsInBulk(bulk.pool, { batchSize: 300 });
  assert.equal(run.path, 'batches');
  assert.ok(run.batches >= 2, `batches ${run.batches}`);
  await assertSame('after changes');
});

/** What a change of zone does (backend/city/rezone.ts): the applied tables emptied, every request pending. */
async function emptyApplied(pool: pg.Pool): Promise<void> {
  await pool.query(sql('city/rezone_reset_rollups'));
  await pool.query(sql('city/rezone_mark_rollups'));
}

/** The applied tables as the migrations know them: columns, indexes, constraints, persistence. */
async function catalog(pool: pg.Pool): Promise<unknown[]> {
  const { rows } = await pool.query(
    `
    SELECT c.relname, c.relpersistence, c.reloptions,
      (SELECT json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull) ORDER BY a.attnum)
         FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
      (SELECT json_agg(json_build_array(i.indexname, i.indexdef) ORDER BY i.indexname) FROM pg_indexes i WHERE i.tablename = c.relname) AS indexes,
      (SELECT json_agg(json_build_array(k.conname, pg_get_constraintdef(k.oid)) ORDER BY k.conname)
        FROM pg_constraint k WHERE k.conrelid = c.oid) AS constraints
    FROM pg_class c WHERE c.relname = ANY($1::text[]) AND c.relkind = 'r' ORDER BY c.relname`,
    [Object.keys(TABLES).filter((t) => t !== 'rollup_pending')]
  );
  return rows;
}

test('after a change of zone empties the applied tables, the fresh build runs again and keeps their views, privileges, comment and names', async () => {
  await emptyApplied(incremental.pool);
  await incrementalBuild(incremental.pool);
  await emptyApplied(bulk.pool);
  await bulk.pool.query(
    `CREATE VIEW test_daily_received AS SELECT bucket, sum(received)::int AS n FROM rollups WHERE level = 'day' AND cube = 255 GROUP BY bucket`
  );
  await bulk.pool.query(`GRANT SELECT ON rollups TO PUBLIC`);
  await bulk.pool.query(`COMMENT ON TABLE rollup_hist IS 'histograms'`);
  const run = await buildRollupsInBulk(bulk.pool);
  assert.equal(run.path, 'fresh', run.freshSkipped);
  await assertSame('rebuilt after a change of zone');
  assert.deepEqual(await catalog(bulk.pool), await catalog(incremental.pool));
  const {
    rows: [v],
  } = await bulk.pool.query(
    `SELECT sum(n)::int AS n, (SELECT sum(received)::int FROM rollups WHERE level = 'day' AND cube = 255) AS direct FROM test_daily_received`
  );
  assert.ok(v.n > 0 && v.n === v.direct, JSON.stringify(v));
  const {
    rows: [k],
  } = await bulk.pool.query(
    `SELECT has_table_privilege('public', 'rollups', 'SELECT') AS granted, obj_description('rollup_hist'::regclass, 'pg_class') AS comment`
  );
  assert.deepEqual(k, { granted: true, comment: 'histograms' });
  await bulk.pool.query('SELECT * FROM alerting.zone_spikes, alerting.sla_by_department LIMIT 1');
  await bulk.pool.query('DROP VIEW test_daily_received');
});

/** The local midnights of the tile bins' days, as UTC clock times (one per UTC offset the days were cut at). */
async function dayCuts(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ cut: string }>(
    `SELECT DISTINCT to_char(bucket AT TIME ZONE 'UTC', 'HH24:MI') AS cut FROM tile_bin_counts WHERE span = 'd' ORDER BY 1`
  );
  return Array.from(rows, (r) => r.cut);
}

test('the fresh build cuts days and months as the incremental job in a zone 30 minutes off with daylight time and one 45 minutes off', async () => {
  // St. John's (−3:30, −2:30 in daylight time) and Kathmandu (+5:45).
  // The data runs from 11 October to 20 November 2026; St. John's leaves daylight time on 1 November.
  const zones: Array<[string, string[]]> = [
    ['America/St_Johns', ['02:30', '03:30']],
    ['Asia/Kathmandu', ['18:15']],
  ];
  for (const [zone, cuts] of zones) {
    for (const db of [incremental, bulk]) {
      await db.pool.query('UPDATE city_settings SET time_zone = $1', [zone]);
      await emptyApplied(db.pool);
    }
    await incrementalBuild(incremental.pool);
    const run = await buildRollupsInBulk(bulk.pool);
    assert.equal(run.path, 'fresh', run.freshSkipped);
    assert.deepEqual(await dayCuts(bulk.pool), cuts);
    await assertSame(`in ${zone}`);
  }
});

test('a dependent the swap cannot carry (a trigger) keeps the build on the batch path, with the same result', async () => {
  await emptyApplied(bulk.pool);
  await bulk.pool.query(`CREATE FUNCTION test_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`);
  await bulk.pool.query(
    `CREATE TRIGGER test_noop BEFORE INSERT ON rollup_hist FOR EACH ROW EXECUTE FUNCTION test_noop()`
  );
  try {
    const run = await buildRollupsInBulk(bulk.pool, { batchSize: 2000 });
    assert.equal(run.path, 'batches');
    assert.match(run.freshSkipped ?? '', /rollup_hist: trigger test_noop/);
    await assertSame('built in batches beside a trigger');
  } finally {
    await bulk.pool.query('DROP TRIGGER test_noop ON rollup_hist; DROP FUNCTION test_noop()');
  }
});

test('the bulk build waits for the rollup job (its advisory lock) or, if told, leaves at once', async () => {
  const holder = await bulk.pool.connect();
  try {
    await holder.query('SELECT pg_advisory_lock($1)', [jobLockKey('rollups')]);
    await bulk.pool.query(
      `INSERT INTO rollup_pending (request_id) SELECT id FROM requests ORDER BY id LIMIT 5 ON CONFLICT DO NOTHING`
    );
    const skipped = await buildRollupsInBulk(bulk.pool, { waitForLock: false });
    assert.equal(skipped.batches, 0);
    assert.equal(await pendingCount(bulk.pool), 5);
    const waiting = buildRollupsInBulk(bulk.pool);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await pendingCount(bulk.pool), 5, 'applied while the job held the lock');
    await holder.query('SELECT pg_advisory_unlock($1)', [jobLockKey('rollups')]);
    const run = await waiting;
    assert.equal(run.waitedForLock, true);
    assert.equal(run.requests, 5);
    assert.equal(await pendingCount(bulk.pool), 0);
  } finally {
    holder.release();
  }
});
