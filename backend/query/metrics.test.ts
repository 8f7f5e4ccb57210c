import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { binValue, HIST_RATIO, METRICS, quantileFromBins, withinHistogramBound, ZERO_SUMS } from './metrics.ts';

const binOf = (s: number) => (s < 1 ? 0 : 1 + Math.floor(Math.log(s) / Math.log(HIST_RATIO)));

test('a bin reports a value inside the bin, within the stated bound of every value it holds', () => {
  for (const seconds of [1, 59, 60, 3600, 86_399, 2_000_000]) {
    assert.ok(withinHistogramBound(binValue(binOf(seconds)), seconds), `${seconds}`);
  }
});

test('quantiles follow percentile_disc ranks', () => {
  const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const bins = new Map<number, number>();
  for (const v of values) {
    bins.set(binOf(v), (bins.get(binOf(v)) ?? 0) + 1);
  }
  assert.ok(withinHistogramBound(quantileFromBins(bins, 0.5)!, 50));
  assert.ok(withinHistogramBound(quantileFromBins(bins, 0.9)!, 90));
  assert.equal(quantileFromBins(new Map(), 0.5), null);
});

test('on-time % is undefined without finished or late requests', () => {
  assert.equal(METRICS.on_time_pct.value(ZERO_SUMS), null);
  assert.equal(METRICS.on_time_pct.value({ ...ZERO_SUMS, res_met: 3, res_breached: 1 }), 75);
});
