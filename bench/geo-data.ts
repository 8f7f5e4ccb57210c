// Bench data for the geo API: a database of its own (s360_bench_geo on the S360_ADMIN_URL server),
// migrated, with the Dubai communities and N generated requests spread over M months ending now.
// Points: ST_GeneratePoints inside each community, denser in small (urban) communities, plus a few
// tight "hot" blobs. Reused when it already holds the asked number of requests (delete it to regenerate).
import pg from 'pg';
import { createPool } from '../backend/db/pool.ts';
import { MigrationError } from '../backend/db/migrate.ts';
import { migrateWithCity } from '../backend/city/migrate-with-city.ts';
import { loadConfig } from '../backend/config.ts';
import { importDubai, hasDubai } from '../tests/support/fixtures.ts';

export const BENCH_DB = 's360_bench_geo';

function urlFor(admin: string, database: string): string {
  const u = new URL(admin);
  u.pathname = `/${database}`;
  return u.toString();
}

export type BenchData = { url: string; pool: pg.Pool; requests: number; from: Date; to: Date };

const GENERATE = `
WITH w AS (SELECT id, geom, 1 / sqrt(area_km2 + 1) AS w FROM zones),
n AS (SELECT id, geom, ceil($1::int * w / sum(w) OVER ())::int + 1 AS n FROM w),
pts AS (SELECT n.id AS zone_id, (ST_Dump(ST_GeneratePoints(n.geom, n.n, $4::int))).geom AS location FROM n WHERE n.n > 0),
numbered AS (SELECT row_number() OVER () AS i, zone_id, location FROM pts LIMIT $1),
codes AS (
  SELECT (SELECT array_agg(code ORDER BY code) FROM channels) AS channels,
         (SELECT array_agg(code ORDER BY code) FROM categories) AS categories,
         (SELECT array_agg(code ORDER BY code) FROM topics) AS topics,
         (SELECT array_agg(code ORDER BY sort) FROM statuses) AS statuses,
         ARRAY['in_progress','warning','breached','met','paused','cancelled'] AS sla_states
)
INSERT INTO requests (source, external_id, channel_code, category_code, topic_code, department_code, priority,
                      zone_id, location, status, stage, created_at, sla_state)
SELECT 'bench', 'b' || x.i, x.channel, x.category, x.topic, t.department_code, 'normal',
       x.zone_id, x.location, x.status, x.status, x.created_at, x.sla_state
FROM (
  SELECT nb.i, nb.zone_id, nb.location,
         c.channels[1 + floor(random() * cardinality(c.channels))::int] AS channel,
         c.categories[1 + floor(random() * cardinality(c.categories))::int] AS category,
         c.topics[1 + floor(random() * cardinality(c.topics))::int] AS topic,
         c.statuses[1 + floor(random() * cardinality(c.statuses))::int] AS status,
         c.sla_states[1 + floor(random() * cardinality(c.sla_states))::int] AS sla_state,
         $3::timestamptz - random() * ($2::int * interval '30 days') AS created_at
  FROM numbered nb, codes c
) x JOIN topics t ON t.code = x.topic
ORDER BY x.created_at  -- rows arrive in time order, as they do in production`;

export async function prepareBenchData(
  adminUrl: string,
  requests: number,
  months: number,
  log: (s: string) => void
): Promise<BenchData> {
  if (!hasDubai()) {
    throw new Error('the Dubai communities file is missing (../shared/data/dubai)');
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DB])).rowCount === 1;
  if (!exists) {
    await admin.query(`CREATE DATABASE "${BENCH_DB}"`);
  }
  const url = urlFor(adminUrl, BENCH_DB);
  let pool = createPool(url, { ...loadConfig(), statementTimeoutMs: 0 });
  try {
    await migrateWithCity(pool);
  } catch (err) {
    if (!(err instanceof MigrationError)) {
      throw err;
    }
    // An applied migration changed (a schema still in flux): the bench data is generated, start again.
    log(`${(err as Error).message}: recreating ${BENCH_DB}`);
    await pool.end();
    await admin.query(`DROP DATABASE "${BENCH_DB}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${BENCH_DB}"`);
    pool = createPool(url, { ...loadConfig(), statementTimeoutMs: 0 });
    await migrateWithCity(pool);
  }
  await admin.end();
  const zones = (await pool.query('SELECT count(*)::int AS n FROM zones')).rows[0].n;
  if (zones === 0) {
    await importDubai(pool);
    log('imported the Dubai communities');
  }
  const have = (
    await pool.query(`SELECT count(*)::int AS n, max(created_at) AS to FROM requests WHERE source = 'bench'`)
  ).rows[0];
  if (have.n !== requests || process.env.S360_BENCH_REGENERATE) {
    log(`generating ${requests.toLocaleString('en')} requests over ${months} months…`);
    const t0 = Date.now();
    await pool.query('TRUNCATE requests CASCADE');
    await pool.query(GENERATE, [requests, months, new Date(), 20261129]);
    await pool.query('VACUUM ANALYZE requests');
    // The rows were written without rollup marks: count the tile bins afresh (what migration 0022 does).
    await pool.query('SELECT tile_bins_rebuild()');
    await pool.query('VACUUM ANALYZE tile_bin_state, tile_bin_counts');
    log(`generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const range = (
    await pool.query(
      `SELECT count(*)::int AS n, min(created_at) AS from, max(created_at) AS to FROM requests WHERE source = 'bench'`
    )
  ).rows[0];
  return { url, pool, requests: range.n, from: range.from, to: range.to };
}
