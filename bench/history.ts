// On demand: `npm run bench:history [-- --rows 200000 --sla load|history|sweep --rollups bulk|incremental --bulk-load --keep --stop-after import]`.
// A history CSV of --rows requests (bench/csv-history.ts), from file to "every figure answers from rollups",
// in a fresh database (on the S360_ADMIN_URL server, migrated, the Dubai communities or a generated grid, as the
// demo starts; dropped at the end unless --keep). Phases, each timed with its rows/s and the machine's load
// (os.loadavg(): 1, 5, 15 min) when it ended:
//   import     services360 import-requests (chunks, S360_IMPORT_WRITERS writers; --bulk-load: one transaction), each
//              row's SLA clock computed as it is written (sla/clocks-at-load.ts), as the command does (--sla load,
//              the default); with --sla history or sweep, the clocks are left to the next phase
//   sla        the SLA sweep's first pass over the history at the same instant: sweepSlaHistory (as import-requests
//              runs it: batches of S360_SLA_HISTORY_BATCH, S360_SLA_HISTORY_WRITERS side by side; after --sla load it
//              finds nothing left) or, with --sla sweep, the scheduled sweep (sweepSla, batches of S360_SLA_SWEEP_BATCH)
//   rollups    the hour horizon moved as after a load, then every pending request into the rollups, histograms,
//              tile bin counts and applied state:
//              the bulk build (rollup-history, default) or the incremental job (applyPendingRollups, as the
//              scheduler runs it, until nothing is pending) with --rollups incremental
//   hot spots  the recurrence job (refreshHotspots) over the window ending at the newest request
// Under each phase, the CPU it cost: this process's (the importer, the jobs) and the database's server processes'
// (its backends, the build's sides and autovacuum; measured where the server runs on this machine), and how many of
// the machine's cores that kept busy. When they are all busy, only less work makes a phase faster, not more sessions.
// Writing the CSV is not timed. The machine is shared: read the rates with the load printed beside them.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../backend/config.ts';
import { createPool } from '../backend/db/pool.ts';
import { migrateWithCity } from '../backend/city/migrate-with-city.ts';
import { importRequests } from '../backend/import/import-requests.ts';
import { loadMapping } from '../backend/import/mapping.ts';
import { refreshHotspots } from '../backend/recurrence/hotspots.ts';
import { applyPendingRollups } from '../backend/rollups/apply.ts';
import { buildRollupsInBulk, pendingCount } from '../backend/rollups/bulk.ts';
import { advanceHourHorizon } from '../backend/rollups/hour-horizon.ts';
import { sweepSlaHistory } from '../backend/sla/history-sweep.ts';
import { sweepSla } from '../backend/sla/sweep.ts';
import { importZones } from '../backend/zones/import-zones.ts';
import { writeHistoryCsv, type BBox } from './csv-history.ts';
import { gridZones } from './grid-zones.ts';
import { benchDatabase, cpuText, load, n0, phaseTimer, totalCpu } from './bench-run.ts';
import { PhaseCpuMeter } from './cpu.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../..');
const DUBAI = join(ROOT, '../shared/data/dubai/dubai_communities.geojson');

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    sla: { type: 'string', default: 'load' },
    rollups: { type: 'string', default: 'bulk' },
    'bulk-load': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'stop-after': { type: 'string' },
  },
});
const ROWS = Number(args.rows);
if (!Number.isInteger(ROWS) || ROWS < 1) {
  throw new Error('--rows must be a positive whole number');
}
if (!['load', 'history', 'sweep'].includes(args.sla)) {
  throw new Error('--sla takes load, history or sweep');
}
if (args.rollups !== 'bulk' && args.rollups !== 'incremental') {
  throw new Error('--rollups takes bulk or incremental');
}
if (args['stop-after'] !== undefined && args['stop-after'] !== 'import') {
  throw new Error('--stop-after takes import');
}
/** thrown after the import phase with --stop-after import: the later phases are skipped */
const STOPPED = Symbol('stopped after import');

const config = loadConfig();
const log = (s: string) => console.log(s);

const db = await benchDatabase('s360_bench_history');
const dbName = db.name;
const pool = createPool(db.url, {
  ...config,
  poolSize: Math.max(config.importWriters, config.slaHistoryWriters) + 2,
  statementTimeoutMs: 0,
});
const workDir = mkdtempSync(join(tmpdir(), 's360-bench-history-'));
let meter: PhaseCpuMeter | undefined;

try {
  meter = await PhaseCpuMeter.open(db.url);
  const { phase, phases } = phaseTimer(log, meter);
  log(
    `bench:history — ${n0(ROWS)} requests, sla ${args.sla}, rollups ` +
      `${args.rollups}${args['bulk-load'] ? ', import --bulk' : ''}; ${cpus().length} CPUs, load ${load()} at start`
  );
  await migrateWithCity(pool);
  const zones = await (existsSync(DUBAI)
    ? importZones(pool, JSON.parse(readFileSync(DUBAI, 'utf8')), {
        codeProperty: 'COMM_NUM',
        nameEnProperty: 'CNAME_E',
        nameArProperty: 'CNAME_A',
        kind: 'community',
        subdivideVertices: 64,
      })
    : importZones(pool, gridZones(), {
        codeProperty: 'code',
        nameEnProperty: 'name_en',
        nameArProperty: 'name_ar',
        kind: 'community',
        subdivideVertices: 64,
      }));
  const {
    rows: [ext],
  } = await pool.query(
    'SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1 FROM (SELECT ST_Extent(geom) AS e FROM zones) z'
  );
  const bbox: BBox = [ext.x0, ext.y0, ext.x1, ext.y1];
  const file = join(workDir, 'history.csv');
  const bytes = await writeHistoryCsv(file, ROWS, 16, bbox);
  log(
    `database ${dbName}: ${zones.inserted} zones (${existsSync(DUBAI) ? 'Dubai communities' : 'generated grid'}); CSV ${(bytes / 1_048_576).toFixed(1)} MB`
  );
  const now = new Date();
  const total = performance.now();
  await phase(
    'import',
    'rows',
    async () =>
      (
        await importRequests(pool, {
          file,
          mapping: loadMapping('services360'),
          rejectsFile: join(workDir, 'rejects.csv'),
          chunkRows: config.importChunkRows,
          writers: args['bulk-load'] ? 1 : config.importWriters,
          bulkLoad: args['bulk-load'],
          maxDescriptionChars: config.maxDescriptionChars,
          ...(args.sla === 'load' ? { slaAt: now } : {}),
        })
      ).loaded
  );
  if (args['stop-after'] === 'import') {
    throw STOPPED;
  }
  await phase(
    'sla',
    'requests',
    async () =>
      (args.sla !== 'sweep'
        ? await sweepSlaHistory(pool, now, { batchSize: config.slaHistoryBatchSize, writers: config.slaHistoryWriters })
        : await sweepSla(pool, now, { batchSize: config.slaSweepBatchSize })
      ).evaluated
  );
  log(`           pending rollups: ${n0(await pendingCount(pool))}`);
  await phase('rollups', 'requests', async () => {
    // As after-load.ts (and the rollup job) do first: hour rows only for the last S360_ROLLUP_HOUR_DAYS days.
    await advanceHourHorizon(pool, now, config.rollupHourDays);
    if (args.rollups === 'bulk') {
      // Where the bulk build's time goes: seconds per step (the cubes summed), printed after.
      const steps = new Map<string, number>();
      let last = performance.now();
      let step = 'claim';
      const r = await buildRollupsInBulk(pool, {
        batchSize: config.rollupBulkBatchSize,
        workMemMb: config.rollupWorkMemMb,
        onProgress: (p) => {
          const t = performance.now();
          const key = step.replace(/ \d+\/\d+$/, 's');
          steps.set(key, (steps.get(key) ?? 0) + (t - last) / 1000);
          last = t;
          step = p.phase === 'committed' ? 'claim' : p.phase;
        },
      });
      log(`           bulk steps: ${[...steps].map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}`);
      return r.requests;
    }
    let applied = 0;
    while ((await pendingCount(pool)) > 0) {
      applied += (
        await applyPendingRollups(pool, config.rollupBatchSize, config.rollupMaxBatchesPerRun, config.rollupWorkMemMb)
      ).requests;
    }
    return applied;
  });
  // The hot spots of the history's last window (the CSV's requests end months before now).
  const {
    rows: [last],
  } = await pool.query<{ t: Date }>('SELECT max(created_at) AS t FROM requests');
  await phase('hot spots', 'spots', async () => (await refreshHotspots(pool, last.t)).hotspots);
  const seconds = (performance.now() - total) / 1000;
  const left = await pendingCount(pool);
  log(
    `total      ${seconds.toFixed(1).padStart(7)} s  ${n0(ROWS).padStart(9)} rows      ${n0(ROWS / seconds).padStart(8)}/s   load ${load()}` +
      `; ${left ? `${n0(left)} still pending` : 'every figure answers from rollups (nothing pending)'}`
  );
  log(`           ${cpuText(totalCpu(phases), seconds)}`);
  const {
    rows: [sizes],
  } =
    await pool.query(`SELECT (SELECT count(*) FROM rollups)::int AS rollups, (SELECT count(*) FROM rollup_hist)::int AS hist,
    (SELECT count(*) FROM tile_bin_counts)::int AS tiles`);
  log(`rows: ${n0(sizes.rollups)} rollups, ${n0(sizes.hist)} histogram, ${n0(sizes.tiles)} tile bin counts`);
} catch (err) {
  if (err !== STOPPED) {
    throw err;
  }
} finally {
  await pool.end().catch(() => {});
  await meter?.close();
  rmSync(workDir, { recursive: true, force: true });
  if (!args.keep) {
    await db.drop().catch(() => {});
  } else {
    log(`kept database ${dbName}`);
  }
}
