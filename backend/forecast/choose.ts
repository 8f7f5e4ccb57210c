// Which method each level uses: the model where, summed over the level's series that have a model, its errors
// are below seasonal-naive's on the same holdout days (MASE < 1); seasonal-naive elsewhere, and for every
// series without a model.
import { calibratedCoverage, scaleOf, type Scale } from './calibrate.ts';
import type { SeriesFit } from './fit-series.ts';
import {
  addAccuracy,
  CITY_WIDE,
  coverageOf,
  maseOf,
  NO_ACCURACY,
  type Accuracy,
  type ForecastLevel,
  type ForecastMethod,
} from './types.ts';

export type LevelScore = {
  level: ForecastLevel;
  series: number;
  modelled: number;
  accuracy: Accuracy;
  mase: number | null;
  /** the model's raw interval coverage, and with the calibration learnt from older origins (calibrate.ts) */
  coverage80: number | null;
  coverage95: number | null;
  calibrated80: number | null;
  calibrated95: number | null;
  useModel: boolean;
  /** the interval calibration of each method at this level, from all its holdout days */
  scale: Record<ForecastMethod, Scale>;
  naive: Accuracy;
};

/** Holdout days a level needs to calibrate its intervals on its own errors. */
const MIN_OWN_DAYS = 100;

/** The model's accuracy per level over its series with a model (MASE against seasonal-naive, interval coverage). */
export function scoreLevels(fits: SeriesFit[]): Map<ForecastLevel, LevelScore> {
  const out = new Map<ForecastLevel, LevelScore>();
  for (const fit of fits) {
    const level = fit.series.level;
    let s = out.get(level);
    if (!s) {
      s = {
        level,
        series: 0,
        modelled: 0,
        accuracy: NO_ACCURACY,
        mase: null,
        coverage80: null,
        coverage95: null,
        calibrated80: null,
        calibrated95: null,
        useModel: false,
        scale: { mstl_ets: scaleOf([]), seasonal_naive: scaleOf([]) },
        naive: NO_ACCURACY,
      };
      out.set(level, s);
    }
    s.series++;
    s.naive = addAccuracy(s.naive, fit.naive.accuracy);
    if (fit.model) {
      s.modelled++;
      s.accuracy = addAccuracy(s.accuracy, fit.model.accuracy);
    }
  }
  for (const s of out.values()) {
    s.mase = maseOf(s.accuracy);
    s.coverage80 = coverageOf(s.accuracy, 80);
    s.coverage95 = coverageOf(s.accuracy, 95);
    s.useModel = s.mase !== null && s.mase < 1;
  }
  // A level with few holdout days (the city: one series) borrows the errors of all the whole-city levels, whose
  // relative errors behave alike, rather than learn a factor from a handful of days.
  const pooled = (pick: (l: LevelScore) => Accuracy) =>
    [...out.values()].filter((l) => CITY_WIDE.includes(l.level)).flatMap((l) => pick(l).errors);
  const [pooledModel, pooledNaive] = [pooled((l) => l.accuracy), pooled((l) => l.naive)];
  for (const s of out.values()) {
    const own = s.accuracy.errors.length >= MIN_OWN_DAYS;
    const model = own ? s.accuracy.errors : pooledModel;
    const calibrated = calibratedCoverage(s.accuracy.errors, own ? undefined : pooledModel);
    s.calibrated80 = calibrated.c80;
    s.calibrated95 = calibrated.c95;
    s.scale = {
      mstl_ets: scaleOf(model),
      seasonal_naive: scaleOf(s.naive.errors.length >= MIN_OWN_DAYS ? s.naive.errors : pooledNaive),
    };
  }
  return out;
}

export function methodFor(fit: SeriesFit, levels: Map<ForecastLevel, LevelScore>): ForecastMethod {
  return fit.model && levels.get(fit.series.level)?.useModel ? 'mstl_ets' : 'seasonal_naive';
}
