// Which seasons a series' model may use: the week always (the city's working rhythm), plus the periods augurs'
// seasonality detection (a periodogram, `@bsull/augurs/seasons`) finds in a whole-city series — as a candidate
// only: fit-series.ts keeps them when the holdout says they forecast better than the week alone, since a periodogram
// also "finds" a period in white noise. On a zone or zone × topic series (tens of requests a day or fewer) it finds
// mostly noise (on the 6-month demo: periods 4, 5, 6, 31 … in half the zone × topic series): those keep the week.
import { initSync, seasonalities } from '@bsull/augurs/seasons';
import { WEEK } from './augurs.ts';
import { augursModule } from './augurs-wasm.ts';
import { CITY_WIDE, type ForecastLevel } from './types.ts';

const init = augursModule('seasons', initSync);

/** Shortest and longest period looked for (days); the longest also at most a third of the series, so that three
 *  cycles are seen. */
const MIN_PERIOD = 4;
const MAX_PERIOD = 366;

/** The seasonal periods (days) augurs detects in `y`, ascending. */
export function detectSeasons(y: number[]): number[] {
  const maxPeriod = Math.min(MAX_PERIOD, Math.floor(y.length / 3));
  if (maxPeriod < MIN_PERIOD) {
    return [];
  }
  init();
  return [...seasonalities(y, { minPeriod: MIN_PERIOD, maxPeriod, threshold: undefined })].sort((a, b) => a - b);
}

/** The periods a model of this level may fit on `y` beside the week alone: the week and what detection adds at
 *  whole-city levels; null when that is the week alone. */
export function extraSeasons(level: ForecastLevel, y: number[]): number[] | null {
  if (!CITY_WIDE.includes(level)) {
    return null;
  }
  const found = detectSeasons(y).filter((p) => p !== WEEK);
  return found.length ? [WEEK, ...found].sort((a, b) => a - b) : null;
}
