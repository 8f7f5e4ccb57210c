// On demand: `npm run bench:ingest [-- --runs 3 --single 20000 --batches 60 --csv-rows 500000 --jobs on|off --only csv --keep]`.
// --only csv runs the CSV part alone (its baseline included; the server still runs, with its jobs as --jobs says).
// Against a fresh database (on the S360_ADMIN_URL server, dropped at the end unless --keep) holding the
// Dubai communities (or a generated grid when the file is absent), with the aggregator started as a
// child process (`services360 serve`, so its peak memory can be read from /proc/<pid>/status):
//  - single-request ingest, POST /v1/requests: throughput and latency p50/p95/p99, keep-alive, 32 in
//    flight; baseline: a trivial route (GET /healthz) under the same load;
//  - batch ingest, POST /v1/requests/batch with 1,000 requests each: requests/s; baseline: the single
//    endpoint's requests/s;
//  - CSV import (`services360 import-requests`, a child process too) of N generated rows: rows/s;
//    baseline: the same rows written one by one through the API's own INSERT (one statement per row);
//    then the same files again with `--bulk` (one transaction, secondary indexes rebuilt: bulk-load.ts)
//    into a second fresh database holding the same zones, with its own server (jobs as --jobs): the runs
//    of each path go one after another into their database, so later runs land on the earlier runs'
//    rows (a bulk run rebuilds the indexes over them too); rows/s counts the rows that landed;
//  - the server's peak memory (VmHWM) after all of it;
//  - for each, the CPU it cost per request or row (server or importer, its PostgreSQL backends, the
//    load generator, from /proc) and the rate two idle cores could sustain at that cost: on a shared
//    machine the rates move with the other work, the CPU cost per operation hardly does.
// With the jobs on, each phase (single, batch, each CSV run) starts once the rollup job has applied what the
// phases before ingested (the wait is printed when over a second); the job keeps running beside the phase.
// The server runs as shipped, its scheduled jobs (rollups) included unless --jobs off; its stderr goes
// to bench/results/ingest-server-*.log. Each figure is the median of --runs runs. Targets (2-core machine): ≥ 1,000 requests/s single,
// ≥ 10,000/s batch, ≥ 50,000 rows/s CSV, < 250 MB. The load generator shares the machine's CPUs with
// the server and PostgreSQL, and other work on the machine moves the figures: read them with that in mind.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createToken } from '../backend/auth/tokens.ts';
import { loadConfig } from '../backend/config.ts';
import { createPool } from '../backend/db/pool.ts';
import { migrateWithCity } from '../backend/city/migrate-with-city.ts';
import { ReferenceCache } from '../backend/domain/reference.ts';
import { compileMapping, loadMapping } from '../backend/import/mapping.ts';
import { RowReader } from '../backend/import/row-input.ts';
import { writeRequests } from '../backend/ingest/write-requests.ts';
import { importZones } from '../backend/zones/import-zones.ts';
import { CSV_COLUMNS, historyRow, rng, writeHistoryCsv, type BBox } from './csv-history.ts';
import { median, runLoad, type LoadRequest, type LoadResult } from './load.ts';
import { peakMemoryMb, watchPeakMemory } from './proc-memory.ts';
import { CpuMeter } from './cpu.ts';
import { gridZones } from './grid-zones.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../..');
const DUBAI = join(ROOT, '../shared/data/dubai/dubai_communities.geojson');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    single: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '32' },
    batches: { type: 'string', default: '60' },
    'batch-concurrency': { type: 'string', default: '4' },
    'csv-rows': { type: 'string', default: '500000' },
    'baseline-rows': { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '30' },
    jobs: { type: 'string', default: 'on' },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
if (args.only !== undefined && args.only !== 'csv') {
  throw new Error('--only takes csv');
}
const CSV_ONLY = args.only === 'csv';
const RUNS = Number(args.runs);
const SINGLE = Number(args.single);
const CONCURRENCY = Number(args.concurrency);
const BATCHES = Number(args.batches);
const BATCH_CONCURRENCY = Number(args['batch-concurrency']);
const CSV_ROWS = Number(args['csv-rows']);
const BASELINE_ROWS = Number(args['baseline-rows']);
const SECONDS = Number(args.seconds);
const adminUrl = process.env.S360_ADMIN_URL ?? process.env.DATABASE_URL;
if (!adminUrl) {
  throw new Error('set S360_ADMIN_URL or DATABASE_URL (source scripts/bootstrap.sh)');
}

const log = (s: string) => console.log(s);
const n0 = (x: number) => Math.round(x).toLocaleString('en-US');

// --- A fresh database ---------------------------------------------------------------------------
const dbName = `s360_bench_ingest_${randomBytes(4).toString('hex')}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
async function admin(statement: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
await admin(`CREATE DATABASE "${dbName}"`);
const pool = createPool(dbUrl, { ...loadConfig(), statementTimeoutMs: 0 });
let server: ChildProcess | null = null;
const workDir = mkdtempSync(join(tmpdir(), 's360-bench-ingest-'));
const serverLog = join(ROOT, 'bench/results', `ingest-server-${Date.now()}.log`);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });

// The bulk path's own database (same zones), and its server.
const bulkDbName = `${dbName}_bulk`;
const bulkDbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${bulkDbName}`;
  return u.toString();
})();
let bulkServer: ChildProcess | null = null;

async function stopServer(child: ChildProcess | null) {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
}

async function cleanup() {
  await stopServer(server);
  await stopServer(bulkServer);
  await pool.end().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
  if (!args.keep) {
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    await admin(`DROP DATABASE IF EXISTS "${bulkDbName}" WITH (FORCE)`).catch(() => {});
  } else {
    log(`kept databases ${dbName}, ${bulkDbName}`);
  }
}

/** Starts `services360 serve` as a child process; resolves with its URL. */
function startServerProcess(databaseUrl = dbUrl, logFile = serverLog): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/services360.js'), 'serve'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', S360_JOBS: args.jobs! },
      stdio: ['ignore', 'pipe', openSync(logFile, 'w')],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        resolve({ child, url: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
  });
}

try {
  await migrateWithCity(pool);
  const loadZones = (p: pg.Pool) =>
    existsSync(DUBAI)
      ? importZones(p, JSON.parse(readFileSync(DUBAI, 'utf8')), {
          codeProperty: 'COMM_NUM',
          nameEnProperty: 'CNAME_E',
          nameArProperty: 'CNAME_A',
          kind: 'community',
          subdivideVertices: 64,
        })
      : importZones(p, gridZones(), {
          codeProperty: 'code',
          nameEnProperty: 'name_en',
          nameArProperty: 'name_ar',
          kind: 'community',
          subdivideVertices: 64,
        });
  const zones = await loadZones(pool);
  const {
    rows: [ext],
  } = await pool.query(
    'SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1 FROM (SELECT ST_Extent(geom) AS e FROM zones) z'
  );
  const bbox: BBox = [ext.x0, ext.y0, ext.x1, ext.y1];
  log(`database ${dbName}: ${zones.inserted} zones (${existsSync(DUBAI) ? 'Dubai communities' : 'generated grid'})`);
  const { token } = await createToken(pool, 'bench-ingest', ['ingest']);
  const auth = { authorization: `Bearer ${token}` };

  const started = await startServerProcess();
  server = started.child;
  const url = started.url;
  log(
    `aggregator pid ${server.pid} at ${url} (jobs ${args.jobs}); ${RUNS} runs; single: ${n0(SINGLE)} ` +
      `requests, ${CONCURRENCY} in flight; batch: ${BATCHES} × 1,000, ${BATCH_CONCURRENCY} in flight`
  );

  const random = rng(20261129);
  const CHANNELS = ['website', 'social_media', 'call_centre', 'whatsapp', 'virtual_assistant'];
  const CATEGORIES = ['inquiry', 'report', 'observation', 'complaint', 'service_request', 'suggestion'];
  const TOPICS = [
    'waste.overflowing_bin',
    'food_safety.hygiene',
    'buildings.violation',
    'drainage.blocked_drain',
    'environment.noise',
  ];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const now = Date.now();
  const apiRequest = (source: string, id: string) => ({
    source,
    external_id: id,
    channel: pick(CHANNELS),
    category: pick(CATEGORIES),
    topic: pick(TOPICS),
    description: random() < 0.5 ? 'Bin overflowing since yesterday' : 'حاوية النفايات ممتلئة منذ الأمس',
    location: {
      lon: +(bbox[0] + random() * (bbox[2] - bbox[0])).toFixed(6),
      lat: +(bbox[1] + random() * (bbox[3] - bbox[1])).toFixed(6),
    },
    ...(random() < 0.5 ? { customer: { name: 'Fatima Al Mansoori', phone: '+971 50 123 4567' } } : {}),
    created_at: new Date(now - Math.floor(random() * 30 * 86_400_000)).toISOString(),
  });
  const post = (path: string, body: unknown): LoadRequest => ({
    method: 'POST',
    path,
    headers: auth,
    body: Buffer.from(JSON.stringify(body)),
  });
  const check = (what: string, r: LoadResult, ok: number[]) => {
    const bad = Object.entries(r.statuses).filter(([s]) => !ok.includes(Number(s)));
    if (bad.length || r.errors) {
      throw new Error(`${what}: unexpected answers ${JSON.stringify(r.statuses)}, ${r.errors} connection errors`);
    }
  };

  // CPU accounting: the server (or importer) process, the database backends of this database, and this
  // process (the load generator). Background PostgreSQL processes (WAL writer, checkpointer) are left out.
  const poller = new pg.Client({ connectionString: dbUrl });
  poller.on('error', (err) => log(`CPU poller lost its connection: ${err.message}`));
  await poller.connect();
  const pollerPid = (await poller.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const backendsOf = (database: string) => async () =>
    (
      await poller.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> $2', [
        database,
        pollerPid,
      ])
    ).rows.map((r) => r.pid);
  const backends = backendsOf(dbName);
  type Cpu = { node: number; db: number; client: number };
  async function metered<T>(
    nodePid: () => number | undefined,
    fn: () => Promise<T>,
    database = dbName
  ): Promise<{ result: T; cpu: Cpu }> {
    const node = new CpuMeter(async () => {
      const p = nodePid();
      return p ? [p] : [];
    });
    const db = new CpuMeter(database === dbName ? backends : backendsOf(database));
    await node.start();
    await db.start();
    const c0 = process.cpuUsage();
    const result = await fn();
    const c = process.cpuUsage(c0);
    return { result, cpu: { node: await node.stop(), db: await db.stop(), client: (c.user + c.system) / 1e6 } };
  }
  /** CPU milliseconds per operation, and what 2 idle cores could do at that cost. */
  const perOp = (cpu: Cpu, ops: number) => {
    const ms = { node: (cpu.node / ops) * 1000, db: (cpu.db / ops) * 1000, client: (cpu.client / ops) * 1000 };
    return { ...ms, total: ms.node + ms.db + ms.client, idleEstimate: 2000 / (ms.node + ms.db + ms.client) };
  };
  type Cost = ReturnType<typeof perOp>;
  const fmtCost = (c: Cost) =>
    `CPU ${c.total.toFixed(3)} ms/op (node ${c.node.toFixed(3)}, db ${c.db.toFixed(3)}, client ${c.client.toFixed(3)})`;

  // Warm-up: JIT, pools, caches.
  const warm = Array.from({ length: 500 }, (_, i) => post('/v1/requests', apiRequest('bench-warm', `w-${i}`)));
  check(
    'warm-up',
    await runLoad(url, (i) => warm[i], { count: warm.length, concurrency: 8, maxSeconds: SECONDS }),
    [201]
  );

  const serverPid = () => server!.pid;
  /**
   * Each phase starts on a settled system: with the jobs on, the rollup job has applied what the phase before
   * ingested (else a phase pays for the previous one's 60,000 batch requests being rolled up beside it). The
   * job still runs beside the phase, on what the phase itself ingests. Says how long the settling took.
   */
  async function settled(db: pg.Pool, what: string): Promise<void> {
    if (args.jobs !== 'on') {
      return;
    }
    const t0 = performance.now();
    for (let i = 0; i < 4800; i++) {
      if (!(await db.query('SELECT 1 FROM rollup_pending LIMIT 1')).rowCount) {
        if (performance.now() - t0 > 1000) {
          log(`  (the rollup job settled before ${what} in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
        }
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the rollup job did not settle before ${what} in 20 minutes`);
  }
  const trivial: LoadResult[] = [],
    single: LoadResult[] = [],
    batch: LoadResult[] = [];
  const trivialCost: Cost[] = [],
    singleCost: Cost[] = [],
    batchCost: Cost[] = [];
  for (let run = 1; run <= RUNS && !CSV_ONLY; run++) {
    const t = await metered(serverPid, () =>
      runLoad(url, () => ({ method: 'GET', path: '/healthz' }), {
        count: SINGLE,
        concurrency: CONCURRENCY,
        maxSeconds: SECONDS,
      })
    );
    check('GET /healthz', t.result, [200]);
    trivial.push(t.result);
    trivialCost.push(perOp(t.cpu, t.result.sent));
    const bodies = Array.from({ length: SINGLE }, (_, i) =>
      post('/v1/requests', apiRequest('bench-single', `s${run}-${i}`))
    );
    await settled(pool, `single run ${run}`);
    const s = await metered(serverPid, () =>
      runLoad(url, (i) => bodies[i], { count: SINGLE, concurrency: CONCURRENCY, maxSeconds: SECONDS })
    );
    check('POST /v1/requests', s.result, [201]);
    single.push(s.result);
    singleCost.push(perOp(s.cpu, s.result.sent));
    const batches = Array.from({ length: BATCHES }, (_, b) =>
      post('/v1/requests/batch', {
        requests: Array.from({ length: 1000 }, (_, i) => apiRequest('bench-batch', `b${run}-${b}-${i}`)),
      })
    );
    await settled(pool, `batch run ${run}`);
    const b = await metered(serverPid, () =>
      runLoad(url, (i) => batches[i], { count: BATCHES, concurrency: BATCH_CONCURRENCY, maxSeconds: SECONDS })
    );
    check('POST /v1/requests/batch', b.result, [201]);
    batch.push(b.result);
    batchCost.push(perOp(b.cpu, b.result.sent * 1000));
    const peakNow = peakMemoryMb(server.pid!);
    log(
      `run ${run}: server peak so far ${peakNow?.toFixed(0)} MB · /healthz ${n0(t.result.perSecond)}/s · ` +
        `single ${n0(s.result.perSecond)}/s (p50 ${s.result.p50.toFixed(1)} ms, p95 ` +
        `${s.result.p95.toFixed(1)}, p99 ${s.result.p99.toFixed(1)}; ${fmtCost(singleCost[run - 1])}) · ` +
        `batch ${n0(b.result.perSecond * 1000)} requests/s (${b.result.p50.toFixed(0)} ms per batch; ${fmtCost(batchCost[run - 1])} per request)`
    );
  }
  const serverPeak = peakMemoryMb(server.pid!);

  // CSV: baseline (row by row through the API's INSERT), then the import CLI on N generated rows.
  const ref = await new ReferenceCache(pool, Number.MAX_SAFE_INTEGER).get();
  const reader = new RowReader(compileMapping(loadMapping('services360'), CSV_COLUMNS, 'baseline.csv'), ref, 4000);
  const baselineRandom = rng(7);
  const baseline: number[] = [];
  const baselineCost: Cost[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const t0 = process.hrtime.bigint();
    const limit = t0 + BigInt(SECONDS * 1e9);
    let written = 0;
    const m = await metered(
      () => undefined,
      async () => {
        while (written < BASELINE_ROWS && process.hrtime.bigint() < limit) {
          const r = reader.read(historyRow(written, baselineRandom, bbox, `baseline-${run}`));
          if (r.row) {
            await writeRequests(pool, [r.row.request]);
          }
          written++;
        }
      }
    );
    baseline.push(written / (Number(process.hrtime.bigint() - t0) / 1e9));
    baselineCost.push(perOp({ node: 0, db: m.cpu.db, client: m.cpu.client }, written));
  }
  log(`row-by-row INSERT baseline: ${baseline.map(n0).join(', ')} rows/s; ${fmtCost(baselineCost[0])}`);

  type CsvRun = { rowsPerSecond: number; loaded: number; peakMb: number | null; cost: Cost; indexSeconds: number };
  /** Imports a generated file per run into `database`; `extra`: more CLI arguments (--bulk). */
  async function csvRuns(label: string, database: string, databaseUrl: string, extra: string[]): Promise<CsvRun[]> {
    const out: CsvRun[] = [];
    const target = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    for (let run = 1; run <= RUNS; run++) {
      const file = join(workDir, `history-${run}.csv`);
      const bytes = await writeHistoryCsv(file, CSV_ROWS, 1000 + run, bbox, `bench-csv-${run}`);
      await settled(target, `${label} run ${run}`);
      let child: ChildProcess | null = null;
      const m = await metered(
        () => child?.pid,
        async () => {
          child = spawn(
            process.execPath,
            [join(ROOT, 'bin/services360.js'), 'import-requests', file, '--quiet', ...extra],
            {
              env: { ...process.env, DATABASE_URL: databaseUrl },
              stdio: ['ignore', 'pipe', 'inherit'],
            }
          );
          const memory = watchPeakMemory(child.pid!);
          let out = '';
          child.stdout!.on('data', (d) => {
            out += d;
          });
          const code = await new Promise<number | null>((resolve) => child!.on('exit', resolve));
          return { code, out, peakMb: memory.stop() };
        },
        database
      );
      const { code, out: text, peakMb } = m.result;
      const parsed = /loaded ([\d,]+),.* — ([\d,]+) rows in ([\d.]+) s/.exec(text);
      if (code !== 0 || !parsed) {
        throw new Error(`import-requests exited ${code}: ${text}`);
      }
      const loaded = Number(parsed[1].replaceAll(',', '')),
        rows = Number(parsed[2].replaceAll(',', '')),
        seconds = Number(parsed[3]);
      // Only rows that landed count (every generated row is new and good: all of them must have).
      if (loaded !== rows) {
        throw new Error(`${label} run ${run}: ${loaded} of ${rows} rows loaded: ${text}`);
      }
      const indexSeconds = Number(/indexes built again in ([\d.]+) s/.exec(text)?.[1] ?? 0);
      const cost = perOp({ ...m.cpu, client: 0 }, loaded);
      out.push({ rowsPerSecond: loaded / seconds, loaded, peakMb, cost, indexSeconds });
      rmSync(file);
      log(
        `${label} run ${run}: ${n0(loaded)} rows (${(bytes / 1_048_576).toFixed(0)} MB) in ` +
          `${seconds.toFixed(1)} s = ${n0(loaded / seconds)} ` +
          `rows/s${indexSeconds ? ` (indexes rebuilt in ${indexSeconds.toFixed(1)} s)` : ''}; importer peak ${peakMb?.toFixed(0)} MB; ${fmtCost(cost)}`
      );
    }
    await target.end();
    return out;
  }
  const csv = await csvRuns('csv', dbName, dbUrl, []);

  // The bulk path: a second fresh database with the same zones and its own server (jobs as --jobs).
  await admin(`CREATE DATABASE "${bulkDbName}"`);
  const bulkPool = createPool(bulkDbUrl, { ...loadConfig(), statementTimeoutMs: 0 });
  try {
    await migrateWithCity(bulkPool);
    await loadZones(bulkPool);
  } finally {
    await bulkPool.end();
  }
  bulkServer = (await startServerProcess(bulkDbUrl, serverLog.replace(/\.log$/, '-bulk.log'))).child;
  const csvBulk = await csvRuns('csv --bulk', bulkDbName, bulkDbUrl, ['--bulk']);
  await poller.end();

  // --- Report ---------------------------------------------------------------------------------
  const med = (xs: LoadResult[], f: (r: LoadResult) => number) => median(xs.map(f));
  const medianCost = (xs: Cost[]): Cost => ({
    node: median(xs.map((x) => x.node)),
    db: median(xs.map((x) => x.db)),
    client: median(xs.map((x) => x.client)),
    total: median(xs.map((x) => x.total)),
    idleEstimate: median(xs.map((x) => x.idleEstimate)),
  });
  const figures = {
    single: {
      perSecond: med(single, (r) => r.perSecond),
      p50: med(single, (r) => r.p50),
      p95: med(single, (r) => r.p95),
      p99: med(single, (r) => r.p99),
    },
    trivial: {
      perSecond: med(trivial, (r) => r.perSecond),
      p50: med(trivial, (r) => r.p50),
      p95: med(trivial, (r) => r.p95),
      p99: med(trivial, (r) => r.p99),
    },
    batch: { requestsPerSecond: med(batch, (r) => r.perSecond * 1000), p50BatchMs: med(batch, (r) => r.p50) },
    csv: {
      rowsPerSecond: median(csv.map((c) => c.rowsPerSecond)),
      baselineRowsPerSecond: median(baseline),
      importerPeakMb: median(csv.map((c) => c.peakMb ?? NaN)),
    },
    csvBulk: {
      rowsPerSecond: median(csvBulk.map((c) => c.rowsPerSecond)),
      indexSeconds: median(csvBulk.map((c) => c.indexSeconds)),
      importerPeakMb: median(csvBulk.map((c) => c.peakMb ?? NaN)),
    },
    serverPeakMb: serverPeak,
    /** CPU ms per request / row (median) and the rate 2 idle cores could sustain at that cost */
    cpu: {
      trivial: medianCost(trivialCost),
      single: medianCost(singleCost),
      batch: medianCost(batchCost),
      csv: medianCost(csv.map((c) => c.cost)),
      csvBulk: medianCost(csvBulk.map((c) => c.cost)),
      baseline: medianCost(baselineCost),
    },
  };
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const allLines = [
    '',
    `figure (median of ${RUNS})                 measured          target       baseline (same run)                   ratio`,
    `single POST /v1/requests           ${n0(figures.single.perSecond).padStart(8)} req/s   ≥ 1,000/s    ` +
      `GET /healthz ${n0(figures.trivial.perSecond).padStart(7)} req/s           ` +
      `${(figures.single.perSecond / figures.trivial.perSecond).toFixed(2)}×  ${verdict(figures.single.perSecond >= 1000)}`,
    `  latency p50 / p95 / p99          ${figures.single.p50.toFixed(1)} / ` +
      `${figures.single.p95.toFixed(1)} / ${figures.single.p99.toFixed(1)} ms             /healthz ` +
      `${figures.trivial.p50.toFixed(1)} / ${figures.trivial.p95.toFixed(1)} / ${figures.trivial.p99.toFixed(1)} ms`,
    `batch POST /v1/requests/batch      ${n0(figures.batch.requestsPerSecond).padStart(8)} req/s   ≥ ` +
      `10,000/s   single endpoint ${n0(figures.single.perSecond).padStart(7)} req/s        ` +
      `${(figures.batch.requestsPerSecond / figures.single.perSecond).toFixed(1)}×  ${verdict(figures.batch.requestsPerSecond >= 10_000)}`,
    `CSV import-requests                ${n0(figures.csv.rowsPerSecond).padStart(8)} rows/s  ≥ 50,000/s  ` +
      ` row-by-row INSERT ${n0(figures.csv.baselineRowsPerSecond).padStart(6)} rows/s      ` +
      `${(figures.csv.rowsPerSecond / figures.csv.baselineRowsPerSecond).toFixed(1)}×  ${verdict(figures.csv.rowsPerSecond >= 50_000)}`,
    `CSV import-requests --bulk         ${n0(figures.csvBulk.rowsPerSecond).padStart(8)} rows/s  ≥ ` +
      `50,000/s   row-by-row INSERT ${n0(figures.csv.baselineRowsPerSecond).padStart(6)} rows/s      ` +
      `${(figures.csvBulk.rowsPerSecond / figures.csv.baselineRowsPerSecond).toFixed(1)}×  ${verdict(figures.csvBulk.rowsPerSecond >= 50_000)}`,
    `  (--bulk: one transaction; index rebuild ${figures.csvBulk.indexSeconds.toFixed(1)} s of each run, ` +
      `median; importer peak ${figures.csvBulk.importerPeakMb.toFixed(0)} MB)`,
    `server peak memory (VmHWM)         ${figures.serverPeakMb?.toFixed(0).padStart(8)} MB      < 250 MB   ` +
      `  (importer process peak ${figures.csv.importerPeakMb.toFixed(0)} MB)              ${verdict((figures.serverPeakMb ?? Infinity) < 250)}`,
    '',
    'CPU cost per operation (median; node = server or importer process, db = its PostgreSQL backends, client = load generator)',
    'and the rate two idle cores could sustain at that cost (an estimate: it leaves out WAL writing, fsync waits and the rest):',
    ...(['trivial', 'single', 'batch', 'csv', 'csvBulk', 'baseline'] as const).map(
      (k) => `  ${k.padEnd(9)} ${fmtCost(figures.cpu[k])}  →  ~${n0(figures.cpu[k].idleEstimate)}/s`
    ),
    '',
    `load average now: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores; the load generator runs on them too)`,
  ];
  // --only csv: the CSV lines, the CPU header and load (the API figures were not measured).
  const lines = CSV_ONLY
    ? allLines.filter(
        (l, i) =>
          i <= 1 ||
          l.startsWith('CSV') ||
          l.startsWith('CPU') ||
          l.startsWith('and the') ||
          /^  (csv|csvBulk|baseline) |^  \(--bulk/.test(l) ||
          l.startsWith('load') ||
          l === ''
      )
    : allLines;
  log(lines.join('\n'));
  const resultsDir = join(ROOT, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `ingest-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        runs: RUNS,
        args,
        figures,
        raw: { trivial, single, batch, baseline, csv, csvBulk, trivialCost, singleCost, batchCost, baselineCost },
      },
      null,
      2
    )
  );
  log(`results: ${file}`);
} finally {
  await cleanup();
}
