// Seasonality detection (augurs' periodogram) on series with known periods, and how detected seasons earn their
// place in a model (fit-series.ts: only when the holdout says they forecast better than the week alone).
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { detectSeasons, extraSeasons } from './seasons.ts';
import { fitSeries } from './fit-series.ts';
import type { DailySeries } from './types.ts';

/** Deterministic noise, uniform in [-amp, amp]. */
function noise(days: number, amp: number): number[] {
  let x = 777;
  return Array.from({ length: days }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x / 2147483648) * 2 * amp - amp;
  });
}
const WEEKLY = [400, 600, 550, 580, 620, 200, 150];
const weekly = (days: number) => noise(days, 10).map((x, i) => WEEKLY[i % 7] + x);
const monthly = (days: number) => noise(days, 10).map((x, i) => 500 + x + 300 * Math.sin((2 * Math.PI * i) / 30));
const series = (level: DailySeries['level'], values: number[]): DailySeries => ({
  level,
  key: 'x',
  zoneId: null,
  code: 'x',
  start: '2026-01-05',
  values: values.map(Math.round),
  holiday: values.map(() => false),
});
const OPTS = { horizon: 14, minModelDays: 56, minModelMean: 3, holdoutWeeks: 4 };

test('a weekly rhythm is found as 7 days, a monthly cycle as about 30', () => {
  assert.deepEqual(detectSeasons(weekly(180)), [7]);
  const m = detectSeasons(monthly(180));
  assert.ok(
    m.some((p) => p >= 29 && p <= 31),
    `found ${m}`
  );
});

test('a series shorter than three of the shortest cycle is not searched; zone levels never add a season', () => {
  assert.deepEqual(detectSeasons([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), []);
  assert.equal(extraSeasons('zone_topic', monthly(180)), null);
  assert.equal(extraSeasons('department', weekly(180)), null);
  assert.deepEqual(extraSeasons('department', monthly(180))?.[0], 7);
});

test('a detected monthly cycle joins the week when it forecasts better; a weekly series keeps the week alone', () => {
  const both = weekly(182).map((x, i) => x + 250 * Math.sin((2 * Math.PI * i) / 30));
  const fit = fitSeries(series('department', both), OPTS)!;
  assert.equal(fit.seasons.length, 2, `seasons ${fit.seasons}`);
  assert.ok(fit.seasons[1] >= 29 && fit.seasons[1] <= 31);
  assert.deepEqual(fitSeries(series('department', weekly(182)), OPTS)!.seasons, [7]);
  assert.deepEqual(fitSeries(series('zone', both), OPTS)!.seasons, [7]);
});
