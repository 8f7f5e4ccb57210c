// Holidays do not teach the model: before fitting, each of the city's holidays (from its calendars) is replaced by
// the seasonal-naive value — the same weekday a week earlier (or later, in the first week), skipping other
// holidays. Ramadan-style shifts of hours are not modelled apart: MSTL's trend (ETS) follows a level change
// within days, and the holdout accuracy says how well.
import { WEEK } from './augurs.ts';

export function replaceHolidays(values: number[], holiday: boolean[]): { values: number[]; replaced: number } {
  const out = values.slice();
  let replaced = 0;
  for (let i = 0; i < out.length; i++) {
    if (!holiday[i]) {
      continue;
    }
    let j = i - WEEK;
    while (j >= 0 && holiday[j]) {
      j -= WEEK;
    }
    if (j < 0) {
      j = i + WEEK;
      while (j < out.length && holiday[j]) {
        j += WEEK;
      }
    }
    if (j >= 0 && j < out.length) {
      out[i] = j < i ? out[j] : values[j];
      replaced++;
    }
  }
  return { values: out, replaced };
}
