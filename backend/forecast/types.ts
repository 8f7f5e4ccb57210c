// The shapes shared by the forecast modules: a daily series of requests received and a forecast of it.

/** The levels a forecast is kept at (forecasts.level). */
export const FORECAST_LEVELS = ['city', 'department', 'channel', 'category', 'topic', 'zone', 'zone_topic'] as const;
export type ForecastLevel = (typeof FORECAST_LEVELS)[number];
export type ForecastMethod = 'mstl_ets' | 'seasonal_naive';
/** The levels of whole-city series (large counts): they may borrow each other's errors, and detect their seasons. */
export const CITY_WIDE: readonly ForecastLevel[] = ['city', 'department', 'channel', 'category', 'topic'];

/**
 * One daily series: `values[i]` requests received on city-local day `start + i`, up to yesterday. `holiday[i]`: that
 * day is one of the city's holidays. key: '' (city), a code, a zone's code, or "zone|topic".
 */
export type DailySeries = {
  level: ForecastLevel;
  key: string;
  zoneId: number | null;
  code: string | null;
  start: string;
  values: number[];
  holiday: boolean[];
};

/** A forecast of `point.length` days: the point and the 80 % and 95 % prediction intervals (never below 0). */
export type Forecast = { point: number[]; lower80: number[]; upper80: number[]; lower95: number[]; upper95: number[] };

/**
 * A holdout day's error relative to the interval's half-width on its side (≤ 1: inside), for each level; `origin`:
 * weeks before the end (larger: older), so a calibration can use only the origins before the one it scores.
 */
export type RelativeError = { origin: number; r80: number; r95: number };

/** Errors of a method over holdout days, and how many of them its intervals covered. */
export type Accuracy = {
  days: number;
  modelAbsErr: number;
  naiveAbsErr: number;
  in80: number;
  in95: number;
  errors: RelativeError[];
};

export const NO_ACCURACY: Accuracy = { days: 0, modelAbsErr: 0, naiveAbsErr: 0, in80: 0, in95: 0, errors: [] };

export function addAccuracy(a: Accuracy, b: Accuracy): Accuracy {
  return {
    days: a.days + b.days,
    modelAbsErr: a.modelAbsErr + b.modelAbsErr,
    naiveAbsErr: a.naiveAbsErr + b.naiveAbsErr,
    in80: a.in80 + b.in80,
    in95: a.in95 + b.in95,
    errors: a.errors.concat(b.errors),
  };
}

/** MASE in the sense: the model's mean absolute error over the seasonal-naive one on the same days (< 1 beats it). */
export function maseOf(a: Accuracy): number | null {
  return a.days > 0 && a.naiveAbsErr > 0 ? a.modelAbsErr / a.naiveAbsErr : null;
}

export const coverageOf = (a: Accuracy, level: 80 | 95) =>
  a.days > 0 ? (level === 80 ? a.in80 : a.in95) / a.days : null;

/** Forecast values are counts: nothing below zero. */
export function floorAtZero(f: Forecast): Forecast {
  const z = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? Math.max(0, x) : 0));
  return {
    point: z(f.point),
    lower80: z(f.lower80),
    upper80: z(f.upper80),
    lower95: z(f.lower95),
    upper95: z(f.upper95),
  };
}
