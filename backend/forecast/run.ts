// The nightly fit: every series evaluated and forecast (evaluate-all.ts), each level's method chosen by its
// holdout, and the forecasts, each series' accuracy, each level's and the intraday profile written in one
// transaction, replacing the previous fit. Once per city-local day unless forced.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Config } from '../config.ts';
import { cubeId } from '../rollups/cubes.ts';
import { widen } from './calibrate.ts';
import { methodFor, type LevelScore } from './choose.ts';
import { addDays } from './days.ts';
import { cityDay, evaluateAll, type Evaluation, type ForecastSettings } from './evaluate-all.ts';
import { coverageOf, maseOf, type Accuracy } from './types.ts';
import { lookup } from '../domain/lookup.ts';

export type RunSettings = ForecastSettings & Pick<Config, 'forecastHoldoutWeeks'>;
export type ForecastRun = {
  ran: boolean;
  series: number;
  modelled: number;
  skipped: number;
  rows: number;
  seconds: number;
  today: string;
  levels: LevelScore[];
};

const mae = (a: Accuracy, which: 'model' | 'naive') =>
  a.days ? (which === 'model' ? a.modelAbsErr : a.naiveAbsErr) / a.days : null;

export async function runForecasts(
  pool: pg.Pool,
  config: RunSettings,
  now: Date,
  opts: { force?: boolean } = {}
): Promise<ForecastRun> {
  const started = Date.now();
  if (!opts.force) {
    const {
      rows: [last],
    } = await pool.query<{ fitted_at: Date | null }>(sql('forecast/last_fit'));
    const { today } = await cityDay(pool, now);
    if (last.fitted_at && (await cityDay(pool, last.fitted_at)).today === today) {
      return { ran: false, series: 0, modelled: 0, skipped: 0, rows: 0, seconds: 0, today, levels: [] };
    }
  }
  const ev = await evaluateAll(pool, config, now, config.forecastHoldoutWeeks);
  const rows = await store(pool, ev, now);
  const levels = [...ev.levels.values()];
  return {
    ran: true,
    series: ev.fits.length,
    modelled: ev.fits.filter((f) => methodFor(f, ev.levels) === 'mstl_ets').length,
    skipped: ev.skipped,
    rows,
    seconds: (Date.now() - started) / 1000,
    today: ev.today,
    levels,
  };
}

/** Writes a level's score (also what `forecast backtest` records). */
export async function storeLevel(
  db: pg.Pool | pg.PoolClient,
  s: LevelScore,
  weeks: number,
  source: 'backtest' | 'nightly',
  at: Date
): Promise<void> {
  // The coverage of the calibrated intervals the forecasts carry (the raw one while too few origins to calibrate).
  await db.query(sql('forecast/upsert_level'), [
    s.level,
    s.series,
    weeks,
    mae(s.accuracy, 'model'),
    mae(s.accuracy, 'naive'),
    s.mase,
    s.calibrated80 ?? s.coverage80,
    s.calibrated95 ?? s.coverage95,
    s.useModel,
    source,
    at,
  ]);
}

async function store(pool: pg.Pool, ev: Evaluation, now: Date): Promise<number> {
  const f = {
    level: [] as string[],
    key: [] as string[],
    zone: [] as Array<number | null>,
    code: [] as Array<string | null>,
    day: [] as string[],
    point: [] as number[],
    l80: [] as number[],
    u80: [] as number[],
    l95: [] as number[],
    u95: [] as number[],
    method: [] as string[],
  };
  const m = {
    level: [] as string[],
    key: [] as string[],
    zone: [] as Array<number | null>,
    code: [] as Array<string | null>,
    method: [] as string[],
    history: [] as number[],
    replaced: [] as number[],
    mean: [] as number[],
    modelMae: [] as Array<number | null>,
    naiveMae: [] as Array<number | null>,
    mase: [] as Array<number | null>,
    c80: [] as Array<number | null>,
    c95: [] as Array<number | null>,
  };
  for (const fit of ev.fits) {
    const method = methodFor(fit, ev.levels);
    const s = fit.series;
    const raw = method === 'mstl_ets' && fit.model ? fit.model : fit.naive;
    // The intervals as calibrated at the series' level for its method (calibrate.ts).
    const chosen = { ...raw, forecast: widen(raw.forecast, lookup(ev.levels, s.level, 'ev.levels').scale[method]) };
    chosen.forecast.point.forEach((p, h) => {
      f.level.push(s.level);
      f.key.push(s.key);
      f.zone.push(s.zoneId);
      f.code.push(s.code);
      f.day.push(addDays(ev.today, h));
      f.point.push(p);
      f.l80.push(chosen.forecast.lower80[h]);
      f.u80.push(chosen.forecast.upper80[h]);
      f.l95.push(chosen.forecast.lower95[h]);
      f.u95.push(chosen.forecast.upper95[h]);
      f.method.push(method);
    });
    // A series' accuracy is its model's where it has one (even at a level that does not use it), else seasonal-naive's.
    const acc = (fit.model ?? fit.naive).accuracy;
    m.level.push(s.level);
    m.key.push(s.key);
    m.zone.push(s.zoneId);
    m.code.push(s.code);
    m.method.push(method);
    m.history.push(s.values.length);
    m.replaced.push(fit.replaced);
    m.mean.push(fit.meanDaily);
    m.modelMae.push(mae(acc, 'model'));
    m.naiveMae.push(mae(acc, 'naive'));
    m.mase.push(maseOf(acc));
    m.c80.push(coverageOf(acc, 80));
    m.c95.push(coverageOf(acc, 95));
  }
  await inTransaction(pool, async (c) => {
    await c.query(sql('forecast/clear'));
    await c.query(sql('forecast/insert_forecasts'), [
      f.level,
      f.key,
      f.zone,
      f.code,
      f.day,
      f.point,
      f.l80,
      f.u80,
      f.l95,
      f.u95,
      f.method,
      now,
    ]);
    await c.query(sql('forecast/insert_models'), [
      m.level,
      m.key,
      m.zone,
      m.code,
      m.method,
      m.history,
      m.replaced,
      m.mean,
      m.modelMae,
      m.naiveMae,
      m.mase,
      m.c80,
      m.c95,
      now,
    ]);
    for (const s of ev.levels.values()) {
      await storeLevel(c, s, ev.weeks, 'nightly', now);
    }
    await c.query(sql('forecast/intraday_profile'), [cubeId([]), ev.timeZone, ev.today]);
  });
  return f.day.length;
}
