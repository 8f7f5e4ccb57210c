// Rolling-origin evaluation: from each of the last `weeks` week starts, fit on the days before, forecast the
// week, and score against what came (holidays left out of the score, since they were replaced for fitting).
// Seasonal-naive from the same origin (the same weekday of the week before) is the yardstick on the same days.
import { WEEK } from './augurs.ts';
import { NO_ACCURACY, type Accuracy, type Forecast } from './types.ts';

export type Method = (train: number[], horizon: number) => Forecast;

/** The fewest days a fit is made on. */
export const MIN_TRAIN_DAYS = 2 * WEEK;

/** |y − point| over the interval's half-width on y's side (0 when exact, a large number for a zero width). */
function relative(y: number, point: number, lower: number, upper: number): number {
  const gap = Math.abs(y - point);
  const half = y >= point ? upper - point : point - lower;
  return gap === 0 ? 0 : half > 0 ? gap / half : 1e9;
}

/** `fitted`: the values fitted on (holidays replaced); `actual`: as received. */
export function rollingOrigin(
  fitted: number[],
  actual: number[],
  holiday: boolean[],
  weeks: number,
  method: Method
): Accuracy {
  const n = fitted.length;
  const acc: Accuracy = { ...NO_ACCURACY, errors: [] };
  for (let k = weeks; k >= 1; k--) {
    const origin = n - k * WEEK;
    if (origin < MIN_TRAIN_DAYS) {
      continue;
    }
    const f = method(fitted.slice(0, origin), WEEK);
    for (let h = 0; h < WEEK; h++) {
      const t = origin + h;
      if (holiday[t]) {
        continue;
      }
      const y = actual[t];
      acc.days++;
      acc.modelAbsErr += Math.abs(f.point[h] - y);
      acc.naiveAbsErr += Math.abs(fitted[t - WEEK] - y);
      if (y >= f.lower80[h] && y <= f.upper80[h]) {
        acc.in80++;
      }
      if (y >= f.lower95[h] && y <= f.upper95[h]) {
        acc.in95++;
      }
      acc.errors.push({
        origin: k,
        r80: relative(y, f.point[h], f.lower80[h], f.upper80[h]),
        r95: relative(y, f.point[h], f.lower95[h], f.upper95[h]),
      });
    }
  }
  return acc;
}
