// The forecast pipeline's pure parts on synthetic series with a known weekly pattern.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { fitSeries } from './fit-series.ts';
import { replaceHolidays } from './holidays.ts';
import { seasonalNaiveForecast } from './seasonal-naive.ts';
import { scoreLevels, methodFor } from './choose.ts';
import type { DailySeries } from './types.ts';

const PATTERN = [40, 60, 55, 58, 62, 20, 15];
/** Deterministic noise, uniform in [-amp, amp] (a linear congruential generator, the same every run). */
function noise(days: number, amp: number): number[] {
  let x = 12345;
  return Array.from({ length: days }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x / 2147483648) * 2 * amp - amp;
  });
}
const weekly = (days: number, level: DailySeries['level'] = 'city', amp = 3): DailySeries => {
  const e = noise(days, amp);
  return {
    level,
    key: level === 'city' ? '' : 'x',
    zoneId: null,
    code: null,
    start: '2026-01-05',
    values: Array.from({ length: days }, (_, i) => Math.round(PATTERN[i % 7] + e[i])),
    holiday: Array(days).fill(false),
  };
};
const OPTS = { horizon: 14, minModelDays: 56, minModelMean: 3, holdoutWeeks: 3 };

test('the model forecasts a weekly pattern within a few requests, its 95 % interval holding the pattern', () => {
  const fit = fitSeries(weekly(140), OPTS)!;
  assert.ok(fit.model, fit.modelNote ?? '');
  const n = 140;
  fit.model.forecast.point.forEach((p, h) => {
    const expected = PATTERN[(n + h) % 7];
    assert.ok(Math.abs(p - expected) < 5, `day ${h}: ${p.toFixed(1)} against ${expected}`);
    assert.ok(
      fit.model!.forecast.lower95[h] <= expected && expected <= fit.model!.forecast.upper95[h],
      `day ${h} inside the 95 % interval`
    );
    assert.ok(
      fit.model!.forecast.lower95[h] <= fit.model!.forecast.lower80[h] &&
        fit.model!.forecast.upper80[h] <= fit.model!.forecast.upper95[h]
    );
  });
});

test('seasonal-naive repeats the last week, two weeks ahead too, and widens its interval for the second week', () => {
  const y = weekly(28).values;
  const f = seasonalNaiveForecast(y, 14);
  assert.deepEqual(f.point, [...y.slice(21), ...y.slice(21)]);
  assert.ok(f.upper95[7] - f.lower95[7] >= f.upper95[0] - f.lower95[0]);
});

test('a short or quiet series has no model, and says why', () => {
  assert.match(fitSeries(weekly(30), OPTS)!.modelNote!, /30 days of history/);
  assert.match(fitSeries({ ...weekly(140), values: Array(140).fill(1) }, OPTS)!.modelNote!, /1\.0 requests a day/);
  assert.equal(fitSeries(weekly(10), OPTS), null);
});

test('a holiday is replaced by the same weekday a week earlier (or later in the first week), skipping holidays', () => {
  const values = Array.from({ length: 21 }, (_, i) => i * 10);
  const holiday = values.map((_, i) => i === 2 || i === 9 || i === 14);
  const r = replaceHolidays(values, holiday);
  assert.equal(r.replaced, 3);
  assert.equal(r.values[14], 70); // a week earlier
  assert.equal(r.values[9], 160); // a week earlier is a holiday too, and none before: a week later
  assert.equal(r.values[2], 160); // the first week: a week later is a holiday, two weeks later is not
  assert.deepEqual(
    values.filter((_, i) => !holiday[i]),
    r.values.filter((_, i) => !holiday[i])
  );
});

test('a level uses the model only where it beats seasonal-naive on the holdout', () => {
  const good = fitSeries(weekly(140, 'department', 10), OPTS)!;
  const levels = scoreLevels([good]);
  assert.ok(levels.get('department')!.mase! < 1, `MASE ${levels.get('department')!.mase}`);
  assert.equal(methodFor(good, levels), 'mstl_ets');
  // Pure weekly repetition: seasonal-naive is exact, the model cannot beat it.
  const exact: DailySeries = {
    ...weekly(140, 'channel'),
    values: Array.from({ length: 140 }, (_, i) => PATTERN[i % 7]),
  };
  const fit = fitSeries(exact, OPTS)!;
  const l2 = scoreLevels([fit]);
  assert.equal(l2.get('channel')!.useModel, false);
  assert.equal(methodFor(fit, l2), 'seasonal_naive');
});
