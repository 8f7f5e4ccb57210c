import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { PolygonShape, distanceMetres, ellipse, offset, type MultiPolygonCoords } from './polygons.ts';
import { Prng } from './prng.ts';

// a 0.1° square with a 0.02° square hole, plus a separate small square
const shape: MultiPolygonCoords = [
  [
    [
      [55, 25],
      [55.1, 25],
      [55.1, 25.1],
      [55, 25.1],
      [55, 25],
    ],
    [
      [55.04, 25.04],
      [55.06, 25.04],
      [55.06, 25.06],
      [55.04, 25.06],
      [55.04, 25.04],
    ],
  ],
  [
    [
      [55.2, 25],
      [55.21, 25],
      [55.21, 25.01],
      [55.2, 25.01],
      [55.2, 25],
    ],
  ],
];

test('contains follows the even-odd rule over holes and parts', () => {
  const s = new PolygonShape(shape);
  assert.equal(s.contains(55.01, 25.01), true);
  assert.equal(s.contains(55.05, 25.05), false, 'in the hole');
  assert.equal(s.contains(55.205, 25.005), true, 'in the second part');
  assert.equal(s.contains(55.15, 25.05), false, 'between the parts');
  assert.equal(s.contains(54.9, 25.05), false);
});

test('samples land inside, spread over the whole shape', () => {
  const s = new PolygonShape(shape);
  const p = new Prng('sample');
  let inHoleRegion = 0;
  for (let i = 0; i < 5000; i++) {
    const pt = s.sample(p)!;
    assert.ok(s.contains(pt[0], pt[1]));
    if (pt[0] > 55.03 && pt[0] < 55.07 && pt[1] > 25.03 && pt[1] < 25.07) {
      inHoleRegion++;
    }
  }
  assert.ok(inHoleRegion > 0);
});

test('distances in metres: to an edge, between points, and offsets', () => {
  const s = new PolygonShape(shape);
  const d = s.distanceToEdge([55.01, 25.05]);
  assert.ok(Math.abs(d - 0.01 * 111_320 * Math.cos((25.05 * Math.PI) / 180)) < 5, `${d}`);
  const moved = offset([55, 25], 1000, Math.PI / 2);
  assert.ok(Math.abs(distanceMetres([55, 25], moved) - 1000) < 0.5);
  assert.ok(moved[1] > 25 && moved[0] === 55);
});

test('an ellipse is a closed ring within its radius of the centre', () => {
  const ring = ellipse([55.05, 25.02], 300, 100, 0.5, 16);
  assert.equal(ring.length, 17);
  assert.deepEqual(ring[0], ring[16]);
  for (const p of ring) {
    assert.ok(distanceMetres([55.05, 25.02], p) <= 300.5);
  }
});
