// `services360 forecast run | backtest [--weeks N]`: the nightly fit now, or the rolling-origin evaluation.
import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { withClient } from '../db/transaction.ts';
import { jobLockKey } from '../jobs/run-once.ts';
import { evaluateAll } from '../forecast/evaluate-all.ts';
import { backtestTable } from '../forecast/report.ts';
import { runForecasts, storeLevel } from '../forecast/run.ts';

const HELP = `usage: services360 forecast <run | backtest> [options]
  run                 fit every series now (what the nightly job does once a day) and store the forecasts
  backtest            rolling-origin evaluation over history: per level, the MASE of MSTL + ETS against
                      seasonal-naive (same weekday last week) and the 80 % / 95 % interval coverage; recorded in
                      forecast_levels (a level where the model does not beat seasonal-naive is forecast seasonal-naive)
  --weeks N           backtest: weekly origins (default 8)`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { weeks: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (command !== 'run' && command !== 'backtest') {
    console.error(`unknown forecast command "${command}"\n\n${HELP}`);
    return 2;
  }
  const weeks = values.weeks === undefined ? 8 : Number(values.weeks);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
    console.error('--weeks must be a whole number from 1 to 52');
    return 2;
  }
  const config = { ...loadConfig(), statementTimeoutMs: 0 };
  const pool = createPool(databaseUrl(), { ...config, poolSize: 3 });
  try {
    const now = new Date();
    if (command === 'backtest') {
      const ev = await evaluateAll(pool, config, now, weeks);
      for (const s of ev.levels.values()) {
        await storeLevel(pool, s, weeks, 'backtest', now);
      }
      console.log(backtestTable(ev));
      return 0;
    }
    // Holds the job's lock, as run-jobs does: never alongside a scheduled run.
    const r = await withClient(pool, async (lock) => {
      await lock.query('SELECT pg_advisory_lock($1)', [jobLockKey('forecast')]);
      try {
        return await runForecasts(pool, config, now, { force: true });
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [jobLockKey('forecast')]);
      }
    });
    console.log(
      `forecast: ${r.series} series (${r.modelled} MSTL + ETS, the rest seasonal-naive; ${r.skipped} too short), ` +
        `${r.rows} rows from ${r.today}, in ${r.seconds.toFixed(1)} s`
    );
    for (const l of r.levels) {
      console.log(
        `  ${l.level}: ${l.series} series, holdout MASE ${l.mase === null ? '—' : l.mase.toFixed(3)} → ${l.useModel ? 'MSTL + ETS' : 'seasonal-naive'}`
      );
    }
    return 0;
  } finally {
    await pool.end();
  }
}
