// On demand (as root: it makes two throwaway PostgreSQL clusters): `npm run bench:scale [-- --requests 100000
// --months 12 --screens 20,60,120 --seconds 30]`.
// Wall screens: N executive dashboards (bench/executive-panels.ts), each refreshing every 10 s and asking every
// panel once per refresh (the panels at once, as Grafana sends them), the screens spread over the 10 s. Run
// against (A) one aggregator reading the primary, and (B) two aggregators reading a streaming replica (the
// client takes them in turn, as the compose profile's nginx does), side by side in one run: per query p50/p95,
// per refresh p95 (the slowest panel), throughput, and the CPU each part used per query (aggregators, primary,
// replica: /proc), from which a model of growth with more cores and replicas is printed.
// Data: the demo city (generate-demo) at a known size in a throwaway primary (tests/support/pg-cluster.ts), SLA
// clocks and rollups computed, then a hot standby of it (pg_basebackup -R). Also prints each table's size and
// bytes per row (docs/scaling.md). Bounded: at most --max-queries queries, each given 30 s; 127.0.0.1 only.
import { performance } from 'node:perf_hooks';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createToken } from '../backend/auth/tokens.ts';
import { createPool } from '../backend/db/pool.ts';
import { migrateWithCity } from '../backend/city/migrate-with-city.ts';
import { loadConfig } from '../backend/config.ts';
import { backfillLeanHours } from '../backend/rollups/lean-hours.ts';
import { clusterUnavailable, createCluster, createStandby, type PgCluster } from '../tests/support/pg-cluster.ts';
import { startAggregatorProcess, type AggregatorProcess } from './aggregator-process.ts';
import { executivePanels } from './executive-panels.ts';
import { generateDemoHistory, readyHistory } from './prepare-history.ts';
import { CpuMeter } from './cpu.ts';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    months: { type: 'string', default: '12' },
    screens: { type: 'string', default: '20,60,120' },
    seconds: { type: 'string', default: '30' },
    'refresh-s': { type: 'string', default: '10' },
    'max-queries': { type: 'string', default: '60000' },
  },
});
const REQUESTS = Number(args.requests),
  MONTHS = Number(args.months),
  SECONDS = Number(args.seconds);
const SCREENS = args.screens.split(',').map(Number),
  REFRESH_MS = Number(args['refresh-s']) * 1000,
  MAX_QUERIES = Number(args['max-queries']);
const CALL_TIMEOUT_MS = 30_000;
const END = '2026-11-29T12:00:00+04:00';
const log = (s: string) => console.log(s);
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const quantile = (xs: number[], q: number) => {
  if (!xs.length) {
    return NaN;
  }
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};

const why = clusterUnavailable();
if (why) {
  console.error(`bench:scale needs its own PostgreSQL clusters: ${why}`);
  process.exit(1);
}

/** The processes of a cluster: its postmaster (from its pid file) and every process it started. */
function clusterPids(c: PgCluster): () => Promise<number[]> {
  const postmaster = Number(
    readFileSync(`/var/lib/postgresql/${c.version}/${c.name}/postmaster.pid`, 'utf8').split('\n')[0]
  );
  return async () => {
    const out = [postmaster];
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) {
        continue;
      }
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) {
          out.push(Number(d));
        }
      } catch {
        /* gone */
      }
    }
    return out;
  };
}

let primary: PgCluster | undefined, standby: PgCluster | undefined;
const servers: AggregatorProcess[] = [];
try {
  // 1. Data ----------------------------------------------------------------------------------------------
  let t0 = performance.now();
  primary = await createCluster('s360scale', { replication: true });
  const pool = createPool(primary.url, { ...loadConfig(), statementTimeoutMs: 0, poolSize: 4 });
  await migrateWithCity(pool);
  log(
    `generating the demo city with ${REQUESTS.toLocaleString('en')} requests over ${MONTHS} months in a throwaway primary…`
  );
  generateDemoHistory(primary.url, MONTHS, REQUESTS, END);
  await readyHistory(pool, new Date(END), (line) => log(`  ${line}`));
  await backfillLeanHours(pool, Infinity);
  await pool.query('VACUUM ANALYZE');
  log(`  prepared in ${secs(t0)} s`);

  // Sizes (docs/scaling.md): rows, total size with indexes and TOAST, bytes per row.
  const { rows: sizes } = await pool.query<{
    table: string;
    rows: number;
    total: number;
    heap: number;
    indexes: number;
  }>(`
    SELECT c.relname AS table, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS total,
           pg_relation_size(c.oid) AS heap, pg_indexes_size(c.oid) AS indexes
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND pg_total_relation_size(c.oid) > 1000000 ORDER BY total DESC`);
  log(`\ntable sizes at ${REQUESTS.toLocaleString('en')} requests (${MONTHS} months):`);
  log(
    `${'table'.padEnd(28)}${'rows'.padStart(12)}${'total MB'.padStart(10)}${'heap MB'.padStart(9)}${'index MB'.padStart(10)}${'B/row'.padStart(8)}`
  );
  for (const s of sizes) {
    const mb = (b: number) => (b / 1048576).toFixed(1).padStart(9);
    log(
      `${s.table.padEnd(28)}${s.rows.toLocaleString('en').padStart(12)} ${mb(s.total)}${mb(s.heap)} ` +
        `${mb(s.indexes)}${(s.rows > 0 ? Math.round(s.total / s.rows) : 0).toString().padStart(8)}`
    );
  }
  const { token } = await createToken(pool, `bench-scale-${Date.now()}`, ['read']);
  await pool.end();

  t0 = performance.now();
  standby = await createStandby(primary, 's360scalerep');
  log(`\nhot standby made with pg_basebackup -R in ${secs(t0)} s`);

  // 2. The two shapes ---------------------------------------------------------------------------------------
  const panels = executivePanels(END, MONTHS).map((p) => JSON.stringify(p.body));
  const env = { S360_JOBS: 'off', S360_POOL_SIZE: '10' };
  const single = [await startAggregatorProcess(primary.url, env, 64)];
  servers.push(...single);
  const pair = [
    await startAggregatorProcess(primary.url, { ...env, S360_READ_DATABASE_URL: standby.url }, 64),
    await startAggregatorProcess(primary.url, { ...env, S360_READ_DATABASE_URL: standby.url }, 64),
  ];
  servers.push(...pair);
  const primaryPids = clusterPids(primary),
    standbyPids = clusterPids(standby);

  type Result = {
    shape: string;
    screens: number;
    queries: number;
    errors: number;
    qps: number;
    p50: number;
    p95: number;
    refresh95: number;
    cpuNode: number;
    cpuPrimary: number;
    cpuReplica: number;
  };
  let issued = 0;
  async function measure(shape: string, targets: AggregatorProcess[], screens: number): Promise<Result> {
    const times: number[] = [],
      refreshes: number[] = [];
    let errors = 0,
      next = 0;
    const meters = [
      new CpuMeter(async () => targets.map((t) => t.child.pid!)),
      new CpuMeter(primaryPids),
      new CpuMeter(standbyPids),
    ];
    for (const m of meters) {
      await m.start();
    }
    const ask = async (body: string) => {
      const target = targets[next++ % targets.length];
      const t = performance.now();
      const res = await Promise.race([
        target.request(
          'POST',
          '/v1/query',
          { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body
        ),
        new Promise<null>((r) => setTimeout(() => r(null), CALL_TIMEOUT_MS).unref()),
      ]).catch(() => null);
      if (!res || res.status !== 200) {
        errors++;
      }
      const ms = performance.now() - t;
      times.push(ms);
      return ms;
    };
    const start = performance.now();
    const stopAt = start + SECONDS * 1000;
    const screen = async (i: number) => {
      // Spread over the refresh interval, then every REFRESH_MS (a slow refresh does not shift the next one).
      let due = start + (i * REFRESH_MS) / screens;
      for (;;) {
        const wait = due - performance.now();
        if (wait > 0) {
          await new Promise((r) => setTimeout(r, wait));
        }
        if (performance.now() >= stopAt || issued + panels.length > MAX_QUERIES) {
          return;
        }
        issued += panels.length;
        const all = await Promise.all(panels.map(ask));
        refreshes.push(Math.max(...all));
        due += REFRESH_MS;
      }
    };
    await Promise.all(Array.from({ length: screens }, (_, i) => screen(i)));
    const elapsed = (performance.now() - start) / 1000;
    const [cpuNode, cpuPrimary, cpuReplica] = await Promise.all(meters.map((m) => m.stop()));
    const n = times.length;
    return {
      shape,
      screens,
      queries: n,
      errors,
      qps: n / elapsed,
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      refresh95: quantile(refreshes, 0.95),
      cpuNode: cpuNode / n,
      cpuPrimary: cpuPrimary / n,
      cpuReplica: cpuReplica / n,
    };
  }

  // Warm both shapes (plans, connections, and each database's pages: the replica's files are a copy of their
  // own, cold after pg_basebackup), unmeasured: a step of the smallest load on each.
  for (const t of [...single, ...pair]) {
    for (const body of panels) {
      await t.request(
        'POST',
        '/v1/query',
        { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body
      );
    }
  }
  await measure('warm-up', single, SCREENS[0]);
  await measure('warm-up', pair, SCREENS[0]);
  const results: Result[] = [];
  // The shapes take turns, and which goes first alternates, so that the machine's other work drifting over
  // the run does not favour one.
  for (const [i, screens] of SCREENS.entries()) {
    const a = () => measure('A: 1 aggregator, primary', single, screens),
      b = () => measure('B: 2 aggregators + replica', pair, screens);
    if (i % 2 === 0) {
      results.push(await a());
      results.push(await b());
    } else {
      const rb = await b();
      results.push(await a(), rb);
    }
  }
  // Where shape B's reads went (its aggregators' own count, /metrics).
  const targets = new Map<string, number>();
  for (const t of pair) {
    const text = (await t.request('GET', '/metrics')).body.toString();
    for (const m of text.matchAll(/^s360_reads_total\{target="([^"]+)"\} (\d+)/gm)) {
      targets.set(m[1], (targets.get(m[1]) ?? 0) + Number(m[2]));
    }
  }

  // 3. Figures ------------------------------------------------------------------------------------------------
  const ms = (x: number) => x.toFixed(1).padStart(8);
  log(
    `\n${cpus().length} cores; ${panels.length} panels a refresh, every ${REFRESH_MS / 1000} s a screen ` +
      `(${((panels.length * 1000) / REFRESH_MS).toFixed(1)} queries/s a screen); ${SECONDS} s a step; ms`
  );
  log(
    `${'shape'.padEnd(30)}${'screens'.padStart(8)}${'queries'.padStart(9)}${'err'.padStart(5)}` +
      `${'q/s'.padStart(8)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'refr p95'.padStart(9)}` +
      `${'CPU ms/q: node'.padStart(16)}${'primary'.padStart(9)}${'replica'.padStart(9)}`
  );
  for (const r of results) {
    log(
      `${r.shape.padEnd(30)}${String(r.screens).padStart(8)}${String(r.queries).padStart(9)}` +
        `${String(r.errors).padStart(5)}${r.qps.toFixed(1).padStart(8)}${ms(r.p50)}${ms(r.p95)} ` +
        `${ms(r.refresh95)}${(r.cpuNode * 1000).toFixed(2).padStart(16)}` +
        `${(r.cpuPrimary * 1000).toFixed(2).padStart(9)}${(r.cpuReplica * 1000).toFixed(2).padStart(9)}`
    );
  }

  log(
    `shape B's reads by database (s360_reads_total): ${[...targets].map(([t, n]) => `${t === 'primary' ? 'primary' : 'replica'} ${n}`).join(', ')}`
  );

  // 4. The model --------------------------------------------------------------------------------------------
  // CPU per query from shape B at its largest step: c_node in the aggregators (one core each at most: Node's
  // one thread), c_db in the database that served the reads. With A aggregators, R replicas of C cores each
  // (the primary keeps the writes and the jobs), reads sustain T = min(A / c_node, R·C / c_db) queries/s, and a
  // wall screen asks panels/refresh queries/s. On one machine of C cores everything shares: T = C / (c_node + c_db).
  const b = results.filter((r) => r.shape.startsWith('B')).at(-1)!;
  const cNode = b.cpuNode,
    cDb = b.cpuReplica + b.cpuPrimary;
  const perScreen = (panels.length * 1000) / REFRESH_MS;
  log(
    `\nmodel (from B at ${b.screens} screens: ${(cNode * 1000).toFixed(2)} ms of aggregator CPU and ${(cDb * 1000).toFixed(2)} ms of database CPU a query):`
  );
  log(
    `  one machine of C cores: T ≈ C / (c_node + c_db); separate machines: T ≈ min(A / c_node, R × ` +
      `C_replica / c_db); screens ≈ T / ${perScreen.toFixed(1)}`
  );
  log(`${'shape'.padEnd(44)}${'queries/s'.padStart(11)}${'screens'.padStart(9)}`);
  const row = (name: string, t: number) =>
    log(
      `${name.padEnd(44)}${Math.round(t).toString().padStart(11)}${Math.round(t / perScreen)
        .toString()
        .padStart(9)}`
    );
  row('this machine, 2 cores, all shared', 2 / (cNode + cDb));
  for (const [a, r, c] of [
    [2, 1, 4],
    [2, 1, 8],
    [4, 2, 8],
    [8, 4, 8],
  ]) {
    row(`${a} aggregators, ${r} replica(s) of ${c} cores`, Math.min(a / cNode, (r * c) / cDb));
  }
  log(
    "  (an estimate: queries that hit the same rollup rows stay cached; the load generator shared these cores; the primary's ingest and jobs are not in it)"
  );
} finally {
  await Promise.all(servers.map((s) => s.stop().catch(() => {})));
  await standby?.drop();
  await primary?.drop();
}
