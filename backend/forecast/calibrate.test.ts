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

test('the 95 % interval holds the 80 % one even when the 80 % factor is the larger', () => {
  // Half-widths 4 (80 %) and 5 (95 %) around 48, factors 1.3 and 0.95: 53.2 against 52.75 before they were nested.
  const f = widen({ point: [48], lower80: [44], upper80: [52], lower95: [43], upper95: [53] }, { s80: 1.3, s95: 0.95 });
  assert.deepEqual(f.upper95, f.upper80);
  assert.deepEqual(f.lower95, f.lower80);
  assert.ok(f.upper80[0] > 53, String(f.upper80));
  // Where the 95 % factor reaches further, it decides.
  const g = widen({ point: [48], lower80: [44], upper80: [52], lower95: [43], upper95: [53] }, { s80: 1, s95: 2 });
  assert.deepEqual([g.lower95[0], g.upper95[0]], [38, 58]);
});

test('a day inside the widened 80 % interval counts as covered at 95 % too', () => {
  const wide80: RelativeError[] = errors(8).map((e) => ({ ...e, r80: 0.5, r95: 3 }));
  assert.equal(calibratedCoverage(wide80, errors(8)).c95, 1);
});

test('calibrated coverage scores each origin with the factor of the older origins only', () => {
  const c = calibratedCoverage(errors(8));
  assert.equal(c.c95, 1);
  // Learnt from a tighter past, the same days are covered less.
  const tight: RelativeError[] = errors(8).map((e) => ({ ...e, r80: 0.5, r95: 0.5 }));
  assert.ok(calibratedCoverage(errors(8), tight).c95! < 1);
});
