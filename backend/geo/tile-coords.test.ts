import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ValidationError } from '../http/errors.ts';
import { parseTileCoords, tileOf } from './tile-coords.ts';

test('reads z, x and y.mvt', () => {
  assert.deepEqual(parseTileCoords('14', '10707', '7006.mvt'), { z: 14, x: 10707, y: 7006 });
  assert.deepEqual(parseTileCoords('0', '0', '0.mvt'), { z: 0, x: 0, y: 0 });
});

const rejects = (z: string, x: string, y: string, path: string) => {
  assert.throws(
    () => parseTileCoords(z, x, y),
    (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.ok(
        err.details.some((d) => d.path === path),
        JSON.stringify(err.details)
      );
      return true;
    }
  );
};

test('rejects x or y outside 0..2^z-1', () => {
  rejects('1', '2', '0.mvt', 'path.x');
  rejects('1', '0', '2.mvt', 'path.y');
  rejects('0', '1', '0.mvt', 'path.x');
});

test('rejects zoom above 22, negatives, fractions, signs and text', () => {
  rejects('23', '0', '0.mvt', 'path.z');
  rejects('-1', '0', '0.mvt', 'path.z');
  rejects('1.5', '0', '0.mvt', 'path.z');
  rejects('1', '+1', '0.mvt', 'path.x');
  rejects('1', '0', '0e0.mvt', 'path.y');
  rejects("1'; DROP TABLE requests;--", '0', '0.mvt', 'path.z');
  rejects('01', '0', '0.mvt', 'path.z');
});

test('the tile must end in .mvt', () => {
  rejects('1', '0', '0.pbf', 'path.y');
});

test('tileOf finds the tile of a point (Dubai at zoom 14)', () => {
  assert.deepEqual(tileOf(55.27, 25.2, 14), { z: 14, x: 10707, y: 7006 });
  assert.deepEqual(tileOf(0, 0, 1), { z: 1, x: 1, y: 1 });
});
