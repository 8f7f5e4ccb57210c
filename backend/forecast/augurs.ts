// Grafana's augurs (WASM) in Node: MSTL decomposition with the given seasons (seasons.ts) and an AutoETS trend, with
// prediction intervals.
import { initSync, MSTL } from '@bsull/augurs/mstl';
import { augursModule } from './augurs-wasm.ts';
import { floorAtZero, type Forecast } from './types.ts';

const init = augursModule('mstl', initSync);

/** The weekly period (days); MSTL takes one or more. */
export const WEEK = 7;

/** MSTL + ETS fitted on `y` with the seasonal `periods` (days), `horizon` days ahead, 80 % and 95 % intervals
 *  (two predictions of one fit). */
export function mstlForecast(y: number[], horizon: number, periods: number[] = [WEEK]): Forecast {
  init();
  const model = MSTL.ets(periods);
  try {
    model.fit(y);
    const p95 = model.predict(horizon, 0.95);
    const p80 = model.predict(horizon, 0.8);
    if (!p95.intervals || !p80.intervals) {
      throw new Error('augurs returned no prediction intervals');
    }
    const f = {
      point: p95.point,
      lower80: p80.intervals.lower,
      upper80: p80.intervals.upper,
      lower95: p95.intervals.lower,
      upper95: p95.intervals.upper,
    };
    if (f.point.some((x) => !Number.isFinite(x))) {
      throw new Error('augurs returned a non-finite forecast');
    }
    return floorAtZero(f);
  } finally {
    model.free();
  }
}
