// On demand: `npm run bench:forecast [-- --months 6 --runs 30 --keep]` makes a database of its own on the
// S360_ADMIN_URL server and fills it as the demo does (`services360 migrate`, `config apply` of the Dubai file,
// `generate-demo --months N`, which builds the rollups in bulk, then `run-jobs`) — from a fresh clone, nothing else needed; or
// `-- --database URL` measures a demo city already there. Measures, on this machine:
//  1. the nightly fit: reading the daily series, fitting every series both ways with its rolling-origin holdout
//     (MSTL + ETS and seasonal-naive), and the whole run with its writes — with the number of series;
//  2. POST /v1/query p50 / p95 of forecast_received (the Proactive dashboard's three shapes) against `received`
//     by department over the last 7 days (a rollup query) measured in the same run, through an in-process aggregator.
// Prints the load average before and after: the machine is shared. Writes the forecasts (as `forecast run` does).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createToken } from '../backend/auth/tokens.ts';
import { createPool } from '../backend/db/pool.ts';
import { loadConfig } from '../backend/config.ts';
import { evaluateAll, cityDay } from '../backend/forecast/evaluate-all.ts';
import { extractSeries } from '../backend/forecast/series.ts';
import { runForecasts } from '../backend/forecast/run.ts';
import { startServer } from '../backend/server.ts';
import { benchDatabase, load, type BenchDatabase } from './bench-run.ts';
import { quantile } from './load.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    months: { type: 'string', default: '6' },
    database: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const MONTHS = Number(args.months);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  throw new Error('--runs must be a positive whole number');
}
if (!Number.isInteger(MONTHS) || MONTHS < 1) {
  throw new Error('--months must be a positive whole number');
}
const config = { ...loadConfig(), statementTimeoutMs: 0 };
const log = (s: string) => console.log(s);
log(`load average before: ${load()}`);

let own: BenchDatabase | null = null;
let url = args.database;
if (!url) {
  own = await benchDatabase('s360_bench_forecast');
  url = own.url;
  const cli = (...argv: string[]) =>
    execFileSync(process.execPath, [join(ROOT, 'bin/services360.js'), ...argv], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const t = performance.now();
  cli('migrate');
  cli('config', 'apply', 'config/cities/dubai.yaml');
  cli('generate-demo', '--months', String(MONTHS), '--seed', 'bench-forecast', '--quiet');
  cli('run-jobs');
  log(
    `demo city of ${MONTHS} months in ${own.name} (migrate, config apply, generate-demo with its bulk ` +
      `rollups, run-jobs): ${((performance.now() - t) / 1000).toFixed(1)} s, load ${load()}`
  );
}
try {
  // 1. The nightly fit ------------------------------------------------------------------------------------
  const pool = createPool(url, { ...config, poolSize: 4 });
  const { timeZone, today } = await cityDay(pool, new Date());
  let t0 = performance.now();
  const series = await extractSeries(pool, {
    timeZone,
    today,
    historyDays: config.forecastHistoryDays,
    zoneTopicMinMean: config.forecastZoneTopicMinMean,
  });
  const readS = (performance.now() - t0) / 1000;
  const byLevel = new Map<string, number>();
  for (const s of series) {
    byLevel.set(s.level, (byLevel.get(s.level) ?? 0) + 1);
  }
  log(
    `series read: ${series.length} (${[...byLevel].map(([l, n]) => `${l} ${n}`).join(', ')}) in ${readS.toFixed(1)} s`
  );
  t0 = performance.now();
  const ev = await evaluateAll(pool, config, new Date(), config.forecastHoldoutWeeks);
  const evalS = (performance.now() - t0) / 1000;
  const modelled = ev.fits.filter((f) => f.model).length;
  log(
    `read + fit both ways with a ${config.forecastHoldoutWeeks}-week holdout: ${ev.fits.length} series ` +
      `(${modelled} with MSTL + ETS) in ${evalS.toFixed(1)} s ` +
      `(fitting alone ≈ ${(evalS - readS).toFixed(1)} s, ${(((evalS - readS) * 1000) / Math.max(ev.fits.length, 1)).toFixed(1)} ms a series)`
  );
  const run = await runForecasts(pool, config, new Date(), { force: true });
  log(
    `nightly run (read, fit, choose, write ${run.rows} rows in one transaction): ${run.series} series in ${run.seconds.toFixed(1)} s`
  );
  await pool.end();

  // 2. Query p50 --------------------------------------------------------------------------------------------
  const server = await startServer({ port: 0, host: '127.0.0.1', jobs: 'off' }, url);
  const token = (await createToken(server.ctx.pool, `bench-forecast-${Date.now()}`, ['read'])).token;
  const DAY = 86_400_000;
  // zone × topic for the busiest topic (all pairs would pass S360_QUERY_MAX_SERIES: refused, as it should be).
  const topic = (
    await server.ctx.pool.query(
      `SELECT code FROM forecasts WHERE level = 'topic' GROUP BY code ORDER BY sum(point) DESC LIMIT 1`
    )
  ).rows[0]?.code;
  const now = Date.now();
  const shapes: Record<string, { from: number; to: number; maxDataPoints?: number; targets: unknown[] }> = {
    'forecast_received by department (7 days)': {
      from: now,
      to: now + 7 * DAY,
      targets: [{ refId: 'A', metric: 'forecast_received', groupBy: ['department'] }],
    },
    'forecast_received by zone (table, map)': {
      from: now,
      to: now + 7 * DAY,
      targets: [{ refId: 'A', metric: 'forecast_received', groupBy: ['zone'], format: 'table' }],
    },
    'forecast_received zone × topic, one topic (table)': {
      from: now,
      to: now + 7 * DAY,
      targets: [
        {
          refId: 'A',
          metric: 'forecast_received',
          groupBy: ['zone', 'topic'],
          filters: { topic: [topic] },
          format: 'table',
        },
      ],
    },
    // As a time series panel asks it (Grafana sends maxDataPoints: about a point per pixel, hours over 7 days), so
    // the rollups answer it; without it the default is a 15-min step, finer than the rollups, read from raw state.
    'baseline: received by department (last 7 days)': {
      from: now - 7 * DAY,
      to: now,
      maxDataPoints: 168,
      targets: [{ refId: 'A', metric: 'received', groupBy: ['department'] }],
    },
  };
  for (const [name, body] of Object.entries(shapes)) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const t = performance.now();
      const res = await fetch(`${server.url}/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (res.status !== 200) {
        throw new Error(`${name}: ${res.status} ${await res.text()}`);
      }
      await res.arrayBuffer();
      if (i >= 2) {
        times.push(performance.now() - t);
      } // two warm-up calls (prepared statements, caches)
    }
    times.sort((a, b) => a - b);
    log(
      `${name}: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms (${RUNS} calls)`
    );
  }
  await server.close();
  log(`load average after: ${load()}`);
} finally {
  if (own && !args.keep) {
    await own.drop().catch(() => {});
  } else if (own) {
    log(`kept database ${own.name}`);
  }
}
