import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { coordinateDecimals, metresPerPixel, simplifyTolerance, zoomBucket } from './zoom.ts';

test('metres per pixel halve with each zoom level (156 km at zoom 0)', () => {
  assert.equal(Math.round(metresPerPixel(0)), 156543);
  assert.equal(metresPerPixel(10), metresPerPixel(9) / 2);
});

test('zooms are floored and clamped to the full-detail level', () => {
  assert.equal(zoomBucket(10.7, 16), 10);
  assert.equal(zoomBucket(-3, 16), 0);
  assert.equal(zoomBucket(21, 16), 16);
});

test('the tolerance is the given pixels at the zoom, and zero at full detail', () => {
  assert.equal(simplifyTolerance(8, 0.5, 16), metresPerPixel(8) / 2);
  assert.equal(simplifyTolerance(16, 0.5, 16), 0);
});

test('decimals grow with zoom and stay under a tenth of a pixel', () => {
  for (let z = 0; z < 16; z++) {
    const d = coordinateDecimals(z, 16);
    assert.ok(10 ** -d <= 360 / (256 * 2 ** z) / 5, `zoom ${z}: ${d} decimals`);
    if (z > 0) {
      assert.ok(d >= coordinateDecimals(z - 1, 16));
    }
  }
  assert.equal(coordinateDecimals(16, 16), 7);
});
