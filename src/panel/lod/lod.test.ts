import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { binPoints, binRadius, binsInExtent } from './binning.ts';
import { binsForView, cellSizeFor, chooseDetail, zoomOf } from './detail.ts';
import { countInExtent, indicesInExtent, pointSet, toMercator, type Extent } from './points.ts';

/** n points on a deterministic spiral around Dubai, class = i % 3. */
function spiral(n: number, spreadDeg = 0.2) {
  const lon: number[] = [],
    lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = i * 2.399963,
      r = spreadDeg * Math.sqrt(i / n);
    lon.push(55.27 + r * Math.cos(a));
    lat.push(25.2 + r * Math.sin(a));
  }
  return pointSet(lon, lat, (i) => i % 3);
}
const around = (lon: number, lat: number, halfMetres: number): Extent => {
  const [x, y] = toMercator(lon, lat);
  return [x - halfMetres, y - halfMetres, x + halfMetres, y + halfMetres];
};

describe('point sets', () => {
  test('project like OpenLayers and skip missing or impossible coordinates', () => {
    const ps = pointSet([55, null, 200, 55.1], [25, 25, 25, 25.1], () => 1);
    assert.equal(ps.n, 2);
    assert.deepEqual([...ps.row], [0, 3]);
    assert.ok(Math.abs(ps.x[0] - 6122571.993630046) < 1e-6);
    assert.ok(Math.abs(ps.y[0] - 2875744.6243522423) < 1e-6);
  });

  test('counting stops early once past the limit', () => {
    const ps = spiral(1000);
    const all: Extent = [-Infinity, -Infinity, Infinity, Infinity];
    assert.equal(countInExtent(ps, all), 1000);
    assert.equal(countInExtent(ps, all, 10), 11);
    assert.equal(indicesInExtent(ps, around(55.27, 25.2, 1)).length, 1);
  });
});

describe('binning', () => {
  test('every point lands in exactly one bin', () => {
    const ps = spiral(10_000);
    const bins = binPoints(ps, 2000, 3);
    assert.equal(
      bins.reduce((a, b) => a + b.count, 0),
      10_000
    );
    assert.ok(bins.length > 10 && bins.length < 10_000);
  });

  test('a bin takes its most frequent class and sits at the mean of its points', () => {
    const ps = pointSet([55, 55.0001, 55.0002], [25, 25, 25], (i) => (i === 0 ? 0 : 2));
    const [bin] = binPoints(ps, 1_000_000, 3);
    assert.equal(bin.count, 3);
    assert.equal(bin.cls, 2);
    assert.ok(Math.abs(bin.x - (ps.x[0] + ps.x[1] + ps.x[2]) / 3) < 1e-6);
  });

  test('bins are filtered to an extent', () => {
    const bins = binPoints(spiral(5000), 1000, 3);
    assert.ok(binsInExtent(bins, around(55.27, 25.2, 3000)).length < bins.length);
  });

  test('bin radius grows with the square root of the count, within bounds', () => {
    assert.equal(binRadius(1, 100, 4, 20), 4);
    assert.equal(binRadius(100, 100, 4, 20), 20);
    assert.ok(binRadius(25, 100, 4, 20) > 4 + 16 * 0.24);
  });
});

describe('level of detail', () => {
  const opts = { maxFeatures: 3000, pointsMinZoom: 13, binPixels: 40 };
  const ps = spiral(100_000);
  const view = (z: number, lon = 55.27, lat = 25.2): [Extent, number] => {
    const res = 156543.03392804097 / 2 ** z;
    return [around(lon, lat, res * 600), res];
  };

  test('city zoom shows bins even when points would fit', () => {
    const few = spiral(100);
    const [e, res] = view(11);
    assert.equal(chooseDetail(few, e, res, opts).mode, 'bins');
  });

  test('zoomed in with few points in view: raw points', () => {
    const [e, res] = view(18);
    const d = chooseDetail(ps, e, res, opts);
    assert.equal(d.mode, 'points');
    assert.ok(countInExtent(ps, d.extent) <= opts.maxFeatures);
  });

  test('zoomed in but crowded: still bins', () => {
    const [e, res] = view(13);
    assert.equal(chooseDetail(ps, e, res, opts).mode, 'bins');
  });

  test('bins in view stay under the feature limit at every zoom', () => {
    for (let z = 9; z <= 18; z++) {
      const [e, res] = view(z);
      const d = chooseDetail(ps, e, res, opts);
      const n =
        d.mode === 'points'
          ? countInExtent(ps, d.extent)
          : binsForView((cell) => binPoints(ps, cell, 3), d, opts.maxFeatures).bins.length;
      assert.ok(n <= opts.maxFeatures, `zoom ${z}: ${n} features`);
    }
  });

  test('cell size is fixed within a zoom step and halves per step', () => {
    const r = 156543.03392804097 / 2 ** 12;
    assert.equal(cellSizeFor(r, 40), cellSizeFor(r * 0.8, 40));
    assert.equal(cellSizeFor(r / 2, 40), cellSizeFor(r, 40) / 2);
    assert.ok(Math.abs(zoomOf(r) - 12) < 1e-9);
  });
});
