// Interval calibration: the factor is the quantile of the holdout's relative errors; the honest coverage learns
// each origin's factor from the older origins only.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { calibratedCoverage, NO_SCALE, scaleOf, widen } from './calibrate.ts';
import type { RelativeError } from './types.ts';

/** Errors twice the interval's half-width on one day in four, within it otherwise: the 95 % interval is too narrow. */
const errors = (origins: number): RelativeError[] =>
  Array.from({ length: origins * 7 }, (_, i) => ({
    origin: origins - Math.floor(i / 7),
    r80: i % 4 === 0 ? 2 : 0.5,
    r95: i % 4 === 0 ? 2 : 0.5,
  }));

test('too few holdout days: no calibration', () => {
  assert.deepEqual(scaleOf(errors(1)), NO_SCALE);
});

test('the factor widens the intervals until they cover their share of the holdout days', () => {
  const s = scaleOf(errors(8));
  assert.equal(s.s95, 2);
  const f = widen({ point: [10], lower80: [8], upper80: [12], lower95: [6], upper95: [14] }, s);
  assert.deepEqual([f.lower95[0], f.upper95[0]], [2, 18]);
  assert.deepEqual(
    widen({ point: [1], lower80: [0], upper80: [2], lower95: [0], upper95: [3] }, { s80: 3, s95: 3 }).lower80,
    [0]
  );
});

test('calibrated coverage scores each origin with the factor of the older origins only', () => {
  const c = calibratedCoverage(errors(8));
  assert.equal(c.c95, 1);
  // Learnt from a tighter past, the same days are covered less.
  const tight: RelativeError[] = errors(8).map((e) => ({ ...e, r95: 0.5 }));
  assert.ok(calibratedCoverage(errors(8), tight).c95! < 1);
});
