// Every series fitted both ways with its rolling-origin accuracy, and each level's choice: the common first half
// of the nightly run (run.ts) and of `services360 forecast backtest`.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import type { Config } from '../config.ts';
import { yieldToLoop } from '../query/aggregate.ts';
import { scoreLevels, type LevelScore } from './choose.ts';
import { fitSeries, type SeriesFit } from './fit-series.ts';
import { extractSeries } from './series.ts';
import type { ForecastLevel } from './types.ts';

export type Evaluation = {
  timeZone: string;
  today: string;
  weeks: number;
  fits: SeriesFit[];
  skipped: number;
  levels: Map<ForecastLevel, LevelScore>;
};

export type ForecastSettings = Pick<
  Config,
  | 'forecastHistoryDays'
  | 'forecastHorizonDays'
  | 'forecastMinModelDays'
  | 'forecastMinModelMean'
  | 'forecastZoneTopicMinMean'
>;

export async function cityDay(db: pg.Pool | pg.PoolClient, at: Date): Promise<{ timeZone: string; today: string }> {
  const {
    rows: [r],
  } = await db.query<{ time_zone: string; today: string }>(sql('forecast/today'), [at]);
  return { timeZone: r.time_zone, today: r.today };
}

export async function evaluateAll(
  pool: pg.Pool,
  config: ForecastSettings,
  now: Date,
  weeks: number
): Promise<Evaluation> {
  const { timeZone, today } = await cityDay(pool, now);
  const series = await extractSeries(pool, {
    timeZone,
    today,
    historyDays: config.forecastHistoryDays,
    zoneTopicMinMean: config.forecastZoneTopicMinMean,
  });
  const opts = {
    horizon: config.forecastHorizonDays,
    minModelDays: config.forecastMinModelDays,
    minModelMean: config.forecastMinModelMean,
    holdoutWeeks: weeks,
  };
  const fits: SeriesFit[] = [];
  let skipped = 0;
  for (const s of series) {
    // The fits are synchronous (WASM): the event loop answers other work between series.
    await yieldToLoop();
    const fit = fitSeries(s, opts);
    if (fit) {
      fits.push(fit);
    } else {
      skipped++;
    }
  }
  return { timeZone, today, weeks, fits, skipped, levels: scoreLevels(fits) };
}
