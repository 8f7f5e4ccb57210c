import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { checkZoneGeometry } from './geometry.ts';

const square = [
  [
    [55, 25],
    [55.1, 25],
    [55.1, 25.1],
    [55, 25.1],
    [55, 25],
  ],
];

describe('checkZoneGeometry', () => {
  test('accepts a Polygon, a MultiPolygon, a Feature and JSON text', () => {
    assert.equal(checkZoneGeometry({ type: 'Polygon', coordinates: square }).ok, true);
    assert.equal(checkZoneGeometry({ type: 'MultiPolygon', coordinates: [square, square] }).ok, true);
    assert.equal(
      checkZoneGeometry({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square } }).ok,
      true
    );
    assert.equal(checkZoneGeometry(JSON.stringify({ type: 'Polygon', coordinates: square })).ok, true);
  });

  test('closes an unclosed ring', () => {
    const r = checkZoneGeometry({ type: 'Polygon', coordinates: [square[0].slice(0, 4)] });
    assert.ok(r.ok);
    assert.deepEqual(r.geometry.coordinates[0][4], [55, 25]);
  });

  test('names what is wrong with a broken geometry', () => {
    const reason = (v: unknown) => {
      const r = checkZoneGeometry(v);
      assert.equal(r.ok, false);
      return (r as { reason: string }).reason;
    };
    assert.equal(reason(null), 'missing geometry');
    assert.equal(reason(''), 'missing geometry');
    assert.equal(reason('{"type": "Polygon", '), 'geometry is not valid JSON');
    assert.equal(reason({ type: 'Point', coordinates: [55, 25] }), 'unsupported geometry type "Point"');
    assert.equal(reason({ type: 'Polygon', coordinates: [] }), 'polygon without rings');
    assert.equal(
      reason({
        type: 'Polygon',
        coordinates: [
          [
            [55, 25],
            [55, 'x'],
            [55.1, 25],
            [55, 25],
          ],
        ],
      }),
      'non-numeric coordinate'
    );
    assert.equal(
      reason({
        type: 'Polygon',
        coordinates: [
          [
            [55, 25],
            [255, 25],
            [55.1, 25],
            [55, 25],
          ],
        ],
      }),
      'coordinate outside lon/lat range'
    );
    assert.equal(
      reason({
        type: 'Polygon',
        coordinates: [
          [
            [55, 25],
            [55.1, 25],
            [55, 25],
          ],
        ],
      }),
      'ring with fewer than 4 positions'
    );
    assert.equal(
      reason({ type: 'MultiPolygon', coordinates: [square, [[[1, 1]]]] }),
      'ring with fewer than 4 positions'
    );
    assert.equal(
      reason({
        type: 'Polygon',
        coordinates: [
          [55, 25],
          [55.1, 25],
        ],
      }),
      'position is not [lon, lat]'
    );
  });
});
