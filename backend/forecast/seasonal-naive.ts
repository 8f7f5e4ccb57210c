// The simple method, stated: seasonal-naive (the same weekday of the last week seen) with an empirical interval
// (the quantiles of the week-on-week changes of the last 8 weeks, widened by √k for k weeks ahead).
import { WEEK } from './augurs.ts';
import { floorAtZero, type Forecast } from './types.ts';

const RESIDUAL_WEEKS = 8;

/** The q-quantile (linear interpolation) of sorted values. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) {
    return 0;
  }
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Needs at least one week of `y`. */
export function seasonalNaiveForecast(y: number[], horizon: number): Forecast {
  const n = y.length;
  if (n < WEEK) {
    throw new Error(`seasonal-naive needs ${WEEK} days, got ${n}`);
  }
  const residuals: number[] = [];
  for (let t = Math.max(WEEK, n - RESIDUAL_WEEKS * WEEK); t < n; t++) {
    residuals.push(y[t] - y[t - WEEK]);
  }
  residuals.sort((a, b) => a - b);
  const q = (p: number) => quantile(residuals, p);
  const [q025, q10, q90, q975] = [q(0.025), q(0.1), q(0.9), q(0.975)];
  const f: Forecast = { point: [], lower80: [], upper80: [], lower95: [], upper95: [] };
  for (let h = 1; h <= horizon; h++) {
    const k = Math.ceil(h / WEEK);
    const point = y[n + h - 1 - k * WEEK];
    const widen = Math.sqrt(k);
    f.point.push(point);
    f.lower80.push(point + q10 * widen);
    f.upper80.push(point + q90 * widen);
    f.lower95.push(point + q025 * widen);
    f.upper95.push(point + q975 * widen);
  }
  return floorAtZero(f);
}
