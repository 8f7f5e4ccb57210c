// Which method each level uses: the model where, summed over the level's series that have a model, its errors
// are below seasonal-naive's on the same holdout days (MASE < 1); seasonal-naive elsewhere, and for every
// series without a model.
import type { SeriesFit } from './fit-series.ts';
import { addAccuracy, coverageOf, maseOf, NO_ACCURACY, type Accuracy, type ForecastLevel, type ForecastMethod } from './types.ts';

export type LevelScore = {
  level: ForecastLevel; series: number; modelled: number; accuracy: Accuracy; mase: number | null;
  coverage80: number | null; coverage95: number | null; useModel: boolean;
};

/** The model's accuracy per level over its series with a model (MASE against seasonal-naive, interval coverage). */
export function scoreLevels(fits: SeriesFit[]): Map<ForecastLevel, LevelScore> {
  const out = new Map<ForecastLevel, LevelScore>();
  for (const fit of fits) {
    const level = fit.series.level;
    let s = out.get(level);
    if (!s) { s = { level, series: 0, modelled: 0, accuracy: NO_ACCURACY, mase: null, coverage80: null, coverage95: null, useModel: false }; out.set(level, s); }
    s.series++;
    if (fit.model) { s.modelled++; s.accuracy = addAccuracy(s.accuracy, fit.model.accuracy); }
  }
  for (const s of out.values()) {
    s.mase = maseOf(s.accuracy);
    s.coverage80 = coverageOf(s.accuracy, 80);
    s.coverage95 = coverageOf(s.accuracy, 95);
    s.useModel = s.mase !== null && s.mase < 1;
  }
  return out;
}

export function methodFor(fit: SeriesFit, levels: Map<ForecastLevel, LevelScore>): ForecastMethod {
  return fit.model && levels.get(fit.series.level)?.useModel ? 'mstl_ets' : 'seasonal_naive';
}
