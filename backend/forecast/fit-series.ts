// One series, fitted both ways: seasonal-naive always (the stated fallback), MSTL + ETS when the series has the
// history and the volume for it. Each with its rolling-origin accuracy; which one is used is decided per level
// (choose.ts), so the fits come first and the choice after.
import { mstlForecast, WEEK } from './augurs.ts';
import { rollingOrigin, MIN_TRAIN_DAYS } from './evaluate.ts';
import { replaceHolidays } from './holidays.ts';
import { seasonalNaiveForecast } from './seasonal-naive.ts';
import { extraSeasons } from './seasons.ts';
import type { Accuracy, DailySeries, Forecast } from './types.ts';

export type FitOptions = { horizon: number; minModelDays: number; minModelMean: number; holdoutWeeks: number };
export type Candidate = { forecast: Forecast; accuracy: Accuracy };
export type SeriesFit = {
  series: DailySeries;
  replaced: number;
  meanDaily: number;
  naive: Candidate;
  model: Candidate | null;
  /** the seasonal periods (days) of the model (seasons.ts); [] without one */
  seasons: number[];
  /** why there is no model candidate, or the model's failure (the series is then forecast seasonal-naive) */
  modelNote: string | null;
};

const RECENT_DAYS = 28;

/** null when the series is too short for any forecast (fewer than MIN_TRAIN_DAYS days). */
export function fitSeries(series: DailySeries, opts: FitOptions): SeriesFit | null {
  if (series.values.length < MIN_TRAIN_DAYS) {
    return null;
  }
  const { values: fitted, replaced } = replaceHolidays(series.values, series.holiday);
  const recent = fitted.slice(-RECENT_DAYS);
  const meanDaily = recent.reduce((a, b) => a + b, 0) / recent.length;
  const score = (m: (y: number[], h: number) => Forecast) =>
    rollingOrigin(fitted, series.values, series.holiday, opts.holdoutWeeks, m);
  const naive = { forecast: seasonalNaiveForecast(fitted, opts.horizon), accuracy: score(seasonalNaiveForecast) };
  let model: Candidate | null = null;
  let modelNote: string | null = null;
  let seasons: number[] = [];
  if (fitted.length < opts.minModelDays) {
    modelNote = `${fitted.length} days of history (the model needs ${opts.minModelDays})`;
  } else if (meanDaily < opts.minModelMean) {
    modelNote = `${meanDaily.toFixed(1)} requests a day (the model needs ${opts.minModelMean})`;
  } else {
    try {
      seasons = [WEEK];
      model = { forecast: mstlForecast(fitted, opts.horizon), accuracy: score(mstlForecast) };
      // Seasons detected beside the week compete on the holdout, each origin detecting on its own history (no
      // peeking at the days it forecasts); kept only when their errors are lower.
      const extra = extraSeasons(series.level, fitted);
      if (extra) {
        const accuracy = score((y, h) => mstlForecast(y, h, extraSeasons(series.level, y) ?? [WEEK]));
        if (accuracy.modelAbsErr < model.accuracy.modelAbsErr) {
          seasons = extra;
          model = { forecast: mstlForecast(fitted, opts.horizon, extra), accuracy };
        }
      }
    } catch (err) {
      modelNote = `the model failed: ${(err as Error).message}`;
    }
  }
  return { series, replaced, meanDaily, naive, model, modelNote, seasons: model ? seasons : [] };
}
