// The fresh build's sides (backend/rollups/bulk-fresh-side.ts: the histograms and the tile bins) never outlive a failed
// build and never leave what they committed behind: whichever part fails (the main build while the sides run, the
// main build after they committed, either side, the other still running or committed), the build throws, every mark
// stays pending, the applied tables stay empty and no new table is left; side tables left by a process that died
// before the swap are dropped by the next build.
import { test, beforeAll, afterAll, beforeEach, afterEach } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { generateDemo } from '../../backend/demo/generate.ts';
import { generatedCitySource } from '../../backend/demo/communities.ts';
import { buildFresh, type FreshOptions } from '../../backend/rollups/bulk-fresh.ts';
import { pendingCount } from '../../backend/rollups/bulk.ts';

const NEW_TABLES = [
  'rollups_fresh',
  'rollup_hist_fresh',
  'rollup_state_fresh',
  'tile_bin_counts_fresh',
  'tile_bin_state_fresh',
];

let db: TestDatabase;
let pending: number;
/** A second session, for what a test holds while the build runs. */
let other: pg.Client;

beforeAll(async () => {
  db = await freshDatabase();
  await generateDemo(db.pool, {
    months: 1,
    seed: 'side',
    requests: 400,
    perDay: 0,
    endAt: Date.parse('2026-11-20T12:00:00Z'),
    chunkRequests: 400,
    source: generatedCitySource(),
    subdivideVertices: 64,
    checkRows: true,
    bulkMinRequests: null,
  });
  pending = await pendingCount(db.pool);
  assert.ok(pending >= 400, `pending ${pending}`);
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  other = new pg.Client({ connectionString: db.url });
  await other.connect();
});
afterEach(async () => {
  await other.end();
});

const options = (beforeSwap?: () => Promise<void>): FreshOptions => ({
  workMemMb: 64,
  maintenanceWorkMemMb: 64,
  step: () => {},
  beforeSwap,
});

/** The new tables that exist (committed), by name. */
async function leftTables(): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relname = ANY($1::text[]) OR relname LIKE 'bulk\\_fresh\\_%' ORDER BY 1`,
    [NEW_TABLES]
  );
  return rows.map((r) => r.name);
}

async function assertNothingBuilt(what: string): Promise<void> {
  assert.equal(await pendingCount(db.pool), pending, `${what}: every mark stays`);
  const {
    rows: [n],
  } = await db.pool.query<{ rollups: number; hist: number }>(
    'SELECT (SELECT count(*) FROM rollups)::int AS rollups, (SELECT count(*) FROM rollup_hist)::int AS hist'
  );
  assert.deepEqual(n, { rollups: 0, hist: 0 }, `${what}: the applied tables stay empty`);
  assert.deepEqual(await leftTables(), [], `${what}: no new table is left`);
}

test('a build failing after its side committed drops what the side committed', async () => {
  let committedBeforeSwap: string[] = [];
  await assert.rejects(
    buildFresh(
      db.pool,
      options(async () => {
        committedBeforeSwap = await leftTables();
        throw new Error('stopped before the swap');
      })
    ),
    /stopped before the swap/
  );
  assert.deepEqual(
    committedBeforeSwap,
    ['rollup_hist_fresh', 'tile_bin_counts_fresh', 'tile_bin_state_fresh'],
    'the sides had committed their tables before the swap'
  );
  await assertNothingBuilt('failed before the swap');
});

test('a build whose main part fails while its side runs stops the side', async () => {
  // The side waits on this session's uncommitted table of the name it creates (its durations): it is surely running
  // when the main part fails, on a committed table of the name the main part creates first.
  await other.query('BEGIN');
  await other.query('CREATE TABLE bulk_fresh_hist_facts (x int)');
  await db.pool.query('CREATE TABLE rollups_fresh (x int)');
  try {
    await assert.rejects(buildFresh(db.pool, options()), /"rollups_fresh" already exists/);
  } finally {
    await other.query('ROLLBACK');
    await db.pool.query('DROP TABLE rollups_fresh');
  }
  const { rows } = await db.pool.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%bulk_fresh_hist_facts%' AND state = 'active'
       AND pid <> pg_backend_pid() AND pid <> $1`,
    [(await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid]
  );
  assert.deepEqual(rows, [], 'the side has stopped');
  await assertNothingBuilt('failed while the side ran');
});

test('a side that fails fails the build', async () => {
  await db.pool.query('CREATE TABLE bulk_fresh_hist_facts (x int)');
  try {
    await assert.rejects(buildFresh(db.pool, options()), /"bulk_fresh_hist_facts" already exists/);
  } finally {
    await db.pool.query('DROP TABLE bulk_fresh_hist_facts');
  }
  await assertNothingBuilt('the histogram side failed');
});

test('the tile side failing after the histogram side committed fails the build, and what that side committed is dropped', async () => {
  // The tile side waits on this session's uncommitted table of the name it stages its finest level in, until the
  // histogram side has committed; then that table is committed and the tile side fails on it.
  await other.query('BEGIN');
  await other.query('CREATE TABLE bulk_fresh_tile_days_18 (x int)');
  const build = buildFresh(db.pool, options());
  build.catch(() => {});
  try {
    // Up to the suite's half hour (jest.config.js), not a tighter guess: a loaded machine may take long.
    for (let tries = 0; !(await leftTables()).includes('rollup_hist_fresh'); tries++) {
      assert.ok(tries < 18_000, 'the histogram side commits');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await other.query('COMMIT');
  }
  try {
    // Created while it waited: PostgreSQL names the table's row type, not the table.
    await assert.rejects(build, /"bulk_fresh_tile_days_18" already exists|"pg_type_typname_nsp_index"/);
  } finally {
    await db.pool.query('DROP TABLE bulk_fresh_tile_days_18');
  }
  await assertNothingBuilt('the tile side failed');
});

test('side tables left by a process that died before the swap are dropped by the next build, which succeeds', async () => {
  await db.pool.query('CREATE TABLE rollup_hist_fresh (LIKE rollup_hist)');
  await db.pool.query('CREATE TABLE tile_bin_state_fresh (LIKE tile_bin_state)');
  await db.pool.query(
    `INSERT INTO rollup_hist_fresh (level, cube, bucket, kind, bin, n) VALUES ('day', 0, '2026-11-01', 'fr', 3, 999)`
  );
  const built = await buildFresh(db.pool, options());
  assert.ok(built.built && built.histRows > 0, JSON.stringify(built));
  assert.equal(await pendingCount(db.pool), 0);
  assert.deepEqual(await leftTables(), []);
  const {
    rows: [h],
  } = await db.pool.query<{ n: number; stale: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE n = 999)::int AS stale FROM rollup_hist`
  );
  assert.equal(h.n, built.histRows);
  assert.equal(h.stale, 0, 'nothing of the left table is swapped in');
});

test('two fresh builds at once: one builds, the other waits for it and then finds the tables filled', async () => {
  await db.pool.query('TRUNCATE rollups, rollup_hist, rollup_state, tile_bin_counts, tile_bin_state');
  await db.pool.query('INSERT INTO rollup_pending (request_id) SELECT id FROM requests ON CONFLICT DO NOTHING');
  const results = await Promise.all([buildFresh(db.pool, options()), buildFresh(db.pool, options())]);
  const built = results.filter((r) => r.built);
  assert.equal(built.length, 1, JSON.stringify(results));
  assert.deepEqual(
    results.filter((r) => !r.built),
    [{ built: false, reason: 'applied' }]
  );
  assert.equal(await pendingCount(db.pool), 0);
  assert.deepEqual(await leftTables(), []);
});
