// On demand: `npm run bench:rezone [-- --rows 1000000 --months 12 --keep]`. How long a change of the city's zone
// takes on a database that holds --rows requests (`config apply --rebuild-time-zone`, backend/city/rezone.ts).
// In a fresh database (bench-run.ts): Lakeport's file applied with its zone set to America/New_York, the demo
// generator's history of --rows requests in that zone (generated city, journeys, SLA policies), made ready as after a
// load: the SLA first pass, then the bulk build (bench/prepare-history.ts; the set-up, timed too; the hour horizon
// first moved to S360_ROLLUP_HOUR_DAYS before the end, as the rollup job keeps it on a live system); then the file
// applied as it is (America/Chicago) with the flag — the phases measured:
//   apply      the change and the marks, one transaction (rollups emptied, every request pending, SLA clocks due)
//   sla        the SLA sweep re-evaluating every clock on a calendar that moved with the city
//   rollups    the bulk build of every request again (rollup-history)
// The machine is shared: read the rates with the load printed beside them.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../backend/config.ts';
import { createPool } from '../backend/db/pool.ts';
import { migrate } from '../backend/db/migrate.ts';
import { applyCityFile } from '../backend/city/apply.ts';
import { loadCityFile } from '../backend/city/load-file.ts';
import { rebuildAfterZoneChange } from '../backend/city/rezone.ts';
import { generatedCitySource } from '../backend/demo/communities.ts';
import { generateDemo } from '../backend/demo/generate.ts';
import { pendingCount } from '../backend/rollups/bulk.ts';
import { advanceHourHorizon } from '../backend/rollups/hour-horizon.ts';
import { benchDatabase, load, n0, phaseTimer } from './bench-run.ts';
import { readyHistory } from './prepare-history.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../..');
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    months: { type: 'string', default: '12' },
    keep: { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const MONTHS = Number(args.months);
if (!Number.isInteger(ROWS) || ROWS < 1) {
  throw new Error('--rows must be a positive whole number');
}
if (!Number.isInteger(MONTHS) || MONTHS < 1) {
  throw new Error('--months must be a positive whole number');
}

const config = loadConfig();
const log = (s: string) => console.log(s);
const lakeport = (zone: string) => {
  const f = loadCityFile(join(ROOT, 'config/cities/lakeport.yaml'));
  f.city.time_zone = zone;
  return f;
};
const END = Date.parse('2026-11-29T18:00:00Z');

const db = await benchDatabase('s360_bench_rezone');
const pool = createPool(db.url, { ...config, statementTimeoutMs: 0 });
const { phase } = phaseTimer(log);
try {
  log(
    `bench:rezone — ${n0(ROWS)} requests over ${MONTHS} months, America/New_York → America/Chicago; ${cpus().length} CPUs, load ${load()} at start`
  );
  await migrate(pool);
  await applyCityFile(pool, lakeport('America/New_York'), 'lakeport (New York)');
  const now = new Date(END);
  await phase(
    'generate',
    'requests',
    async () =>
      (
        await generateDemo(pool, {
          months: MONTHS,
          seed: 'rezone',
          requests: ROWS,
          perDay: 0,
          endAt: END,
          chunkRequests: config.demoChunkRows,
          source: generatedCitySource(),
          subdivideVertices: config.zoneSubdivideVertices,
          checkRows: false,
        })
      ).requests
  );
  await advanceHourHorizon(pool, now, config.rollupHourDays);
  await phase(
    'set-up',
    'requests',
    async () => (await readyHistory(pool, now, (line) => log(`           ${line}`))).sla.evaluated
  );
  log('--- the change of zone ---');
  const t0 = performance.now();
  let rezone = { requests: 0, calendars: [] as string[] };
  await phase('apply', 'requests', async () => {
    const r = await applyCityFile(pool, lakeport('America/Chicago'), 'lakeport.yaml', { rebuildTimeZone: true });
    rezone = r.plan.rezone!;
    return rezone.requests;
  });
  let rebuilt: Awaited<ReturnType<typeof rebuildAfterZoneChange>> | null = null;
  await phase('rebuild', 'requests', async () => {
    rebuilt = await rebuildAfterZoneChange(pool, now, (line) => log(`           ${line}`));
    return ROWS;
  });
  const seconds = (performance.now() - t0) / 1000;
  const left = await pendingCount(pool);
  log(
    `total      ${seconds.toFixed(1).padStart(7)} s  ${n0(ROWS).padStart(9)} requests  ${n0(ROWS / seconds).padStart(8)}/s   load ${load()}` +
      `; calendars moved: ${rezone.calendars.join(', ')}; SLA clocks re-evaluated ` +
      `${n0(rebuilt!.sla.evaluated)}; ${left ? `${n0(left)} still pending` : 'nothing pending'}`
  );
  const {
    rows: [sizes],
  } =
    await pool.query(`SELECT (SELECT count(*) FROM rollups)::int AS rollups, (SELECT count(*) FROM rollup_hist)::int AS hist,
    (SELECT count(*) FROM tile_bin_counts)::int AS tiles`);
  log(`rows rebuilt: ${n0(sizes.rollups)} rollups, ${n0(sizes.hist)} histogram, ${n0(sizes.tiles)} tile bin counts`);
} finally {
  await pool.end().catch(() => {});
  if (!args.keep) {
    await db.drop().catch(() => {});
  } else {
    log(`kept database ${db.name}`);
  }
}
