// On demand: `npm run bench:query [-- --requests 10000000 --months 36 --runs 15 --prepare-only]`.
// The executive dashboard's query set through the API (HTTP, auth, planning, rollups + pending delta) against
// the same figures computed by plain SQL GROUP BY over the requests table — the way a Grafana PostgreSQL
// panel would — in one run, p50 and p95 each, and their ratio: per panel, over all the set's queries, and per
// dashboard refresh (each panel once, one after another: the sum). Also the rollup job's cost: the time to apply
// a batch of changed requests, per 1,000 requests and per minute of new data at the bench's own rate.
// Data: a database of its own (s360_bench_query), the demo city with N requests over M months (the demo
// generator), SLA clocks computed, rollups applied; reused when it already holds N requests.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createToken } from '../backend/auth/tokens.ts';
import { createPool } from '../backend/db/pool.ts';
import { migrateWithCity } from '../backend/city/migrate-with-city.ts';
import { loadConfig } from '../backend/config.ts';
import { applyPendingRollups } from '../backend/rollups/apply.ts';
import { backfillLeanHours } from '../backend/rollups/lean-hours.ts';
import { startAggregatorProcess } from './aggregator-process.ts';
import { executivePanels } from './executive-panels.ts';
import { generateDemoHistory, readyHistory } from './prepare-history.ts';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000000' },
    months: { type: 'string', default: '36' },
    runs: { type: 'string', default: '15' },
    'prepare-only': { type: 'boolean', default: false },
  },
});
const REQUESTS = Number(args.requests),
  MONTHS = Number(args.months),
  RUNS = Number(args.runs);
const adminUrl = process.env.S360_ADMIN_URL ?? process.env.DATABASE_URL;
if (!adminUrl) {
  throw new Error('set S360_ADMIN_URL or DATABASE_URL (source scripts/bootstrap.sh)');
}
const DB = 's360_bench_query';
const url = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${DB}`;
  return u.toString();
})();
const END = '2026-11-29T12:00:00+04:00';
const log = (s: string) => console.log(s);
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

// 1. Data ---------------------------------------------------------------------------------------------
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
if (!(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount) {
  await admin.query(`CREATE DATABASE "${DB}"`);
}
await admin.end();
const pool = createPool(url, { ...loadConfig(), statementTimeoutMs: 0, poolSize: 10 });
await migrateWithCity(pool);
const have = (await pool.query('SELECT count(*)::int AS n FROM requests')).rows[0].n;
// Each step is skipped when done, so an interrupted preparation resumes where it stopped.
if (have !== REQUESTS) {
  if (have > 0) {
    throw new Error(`${DB} holds ${have} requests, not ${REQUESTS}: drop it (DROP DATABASE ${DB}) to regenerate`);
  }
  log(`generating the demo city with ${REQUESTS.toLocaleString('en')} requests over ${MONTHS} months…`);
  const t0 = performance.now();
  generateDemoHistory(url, MONTHS, REQUESTS, END);
  log(`  generated in ${secs(t0)} s`);
}
if (
  (await pool.query('SELECT 1 FROM requests WHERE sla_policy_id IS NOT NULL AND sla_evaluated_at IS NULL LIMIT 1'))
    .rowCount ||
  (await pool.query('SELECT 1 FROM rollup_pending LIMIT 1')).rowCount
) {
  const t0 = performance.now();
  // as after a load: the SLA first pass, the hour horizon moved, then the bulk build
  await readyHistory(pool, new Date(END), (line) => log(`  ${line}`));
  log(`  SLA clocks and rollups ready in ${secs(t0)} s`);
  await pool.query('VACUUM ANALYZE');
}

// A database whose rollups predate migration 0030: the lean cubes' hour rows rebuilt for the whole history
// (what the rollup job does a few days a run).
if ((await pool.query(`SELECT 1 FROM rollup_hour_horizon WHERE lean_hour_from > '-infinity'`)).rowCount) {
  const t0 = performance.now();
  const done = await backfillLeanHours(pool, Infinity);
  log(`  lean cubes' hour rows of ${done.days} days (${done.rows.toLocaleString('en')} rows) rebuilt in ${secs(t0)} s`);
  await pool.query('VACUUM ANALYZE rollups');
}

if (args['prepare-only']) {
  log('prepared; measure with the same arguments, without --prepare-only');
  await pool.end();
  process.exit(0);
}

// 2. Rollup job cost: re-apply a batch of recent requests (as if each had changed) -----------------------
{
  const perMinute = REQUESTS / (MONTHS * 30 * 24 * 60);
  const costs: number[] = [];
  for (let i = 0; i < 5; i++) {
    await pool.query(
      `INSERT INTO rollup_pending (request_id) SELECT id FROM requests ORDER BY id DESC OFFSET $1 LIMIT 1000
      ON CONFLICT (request_id) DO UPDATE SET marked_at = now()`,
      [i * 1000]
    );
    const t0 = performance.now();
    await applyPendingRollups(pool, 5000, Infinity, 256);
    costs.push(performance.now() - t0);
  }
  const med = [...costs].sort((a, b) => a - b)[2];
  // The 5,000 marks just deleted: what autovacuum clears within its naptime on a live system (migration 0031).
  await pool.query('VACUUM rollup_pending');
  log(
    `\nrollup job: ${med.toFixed(0)} ms per 1,000 changed requests (median of 5); the bench's rate is ` +
      `${perMinute.toFixed(1)} new requests a minute → ${((med * perMinute) / 1000).toFixed(1)} ms of ` +
      `job time per minute of new data; at 1,000 requests a minute, ${med.toFixed(0)} ms`
  );
}

// 3. The executive dashboard's query set ------------------------------------------------------------------
const PANELS = executivePanels(END, MONTHS);

// The aggregator as shipped, in a process of its own (jobs off: the data holds still), over one keep-alive
// connection (bench/aggregator-process.ts); plain SQL goes to PostgreSQL's own process the same way. (Until
// 2026-11-29 the server ran inside this process and was asked with fetch(): the load generator's work then
// shared the server's one thread and was counted in every API time.)
const server = await startAggregatorProcess(url, { S360_JOBS: 'off' });
const postQuery = async (body: string) =>
  (
    await server.request(
      'POST',
      '/v1/query',
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body
    )
  ).status;
const { token } = await createToken(pool, `bench-query-${Date.now()}`, ['read']);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};
const pad = (s: string, n: number) => s.padEnd(n);
const f = (x: number) => x.toFixed(1).padStart(8);

log(`\n${REQUESTS.toLocaleString('en')} requests; ${RUNS} runs each (after one warm-up); ms\n`);
log(
  `${pad('panel', 42)}${'API p50'.padStart(8)}${'p95'.padStart(8)}${'SQL p50'.padStart(9)}${'p95'.padStart(8)}${'ratio'.padStart(8)}`
);
const apiAll: number[] = [],
  sqlAll: number[] = [];
// A dashboard refresh asks every panel once: per run, the sum over the panels (the panels one after another).
const apiRefresh: number[] = Array(RUNS).fill(0),
  sqlRefresh: number[] = Array(RUNS).fill(0);
for (const p of PANELS) {
  const apiTimes: number[] = [],
    sqlTimes: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    let t0 = performance.now();
    const status = await postQuery(JSON.stringify(p.body));
    if (status !== 200) {
      throw new Error(`${p.name}: ${status}`);
    }
    if (i > 0) {
      apiTimes.push(performance.now() - t0);
    }
    t0 = performance.now();
    await pool.query(p.sql, p.params);
    if (i > 0) {
      sqlTimes.push(performance.now() - t0);
    }
  }
  apiAll.push(...apiTimes);
  sqlAll.push(...sqlTimes);
  apiTimes.forEach((t, i) => {
    apiRefresh[i] += t;
  });
  sqlTimes.forEach((t, i) => {
    sqlRefresh[i] += t;
  });
  log(
    `${pad(p.name, 42)}${f(quantile(apiTimes, 0.5))}${f(quantile(apiTimes, 0.95))} ` +
      `${f(quantile(sqlTimes, 0.5))}${f(quantile(sqlTimes, 0.95))}${(quantile(sqlTimes, 0.5) / quantile(apiTimes, 0.5)).toFixed(1).padStart(7)}×`
  );
}
log(
  `${pad('whole set (all runs)', 42)}${f(quantile(apiAll, 0.5))}${f(quantile(apiAll, 0.95))} ` +
    `${f(quantile(sqlAll, 0.5))}${f(quantile(sqlAll, 0.95))}${(quantile(sqlAll, 0.5) / quantile(apiAll, 0.5)).toFixed(1).padStart(7)}×`
);
log(
  `${pad('whole set, one dashboard refresh (sum)', 42)}${f(quantile(apiRefresh, 0.5))}${f(quantile(apiRefresh, 0.95))} ` +
    `${f(quantile(sqlRefresh, 0.5))}${f(quantile(sqlRefresh, 0.95))}${(quantile(sqlRefresh, 0.5) / quantile(apiRefresh, 0.5)).toFixed(1).padStart(7)}×`
);
log('\ntargets: API p50 ≤ 20 ms and ≥ 100× faster than plain SQL at p50');
await server.stop();
await pool.end();
