import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { isPlaceholder, parsePlaceholder, PlaceholderPointError } from './placeholder-point.ts';

test('LAT,LON is read latitude first', () => {
  assert.deepEqual(parsePlaceholder('41.8837,-87.6319'), { lat: 41.8837, lon: -87.6319 });
  assert.deepEqual(parsePlaceholder(' 0 , 0 '), { lat: 0, lon: 0 });
  assert.throws(() => parsePlaceholder('-87.6319'), PlaceholderPointError);
  assert.throws(() => parsePlaceholder('91,0'), PlaceholderPointError);
});

test('a point within 10 m of the placeholder is it; 20 m away is a real point', () => {
  const hall = parsePlaceholder('41.8837,-87.6319');
  assert.ok(isPlaceholder(hall, -87.6319, 41.8837));
  assert.ok(isPlaceholder(hall, -87.6319, 41.88375)); // ~5.6 m north
  assert.ok(!isPlaceholder(hall, -87.6319, 41.88388)); // ~20 m north
  assert.ok(!isPlaceholder(hall, -87.63165, 41.8837)); // ~21 m east (cos 41.9° ≈ 0.744)
  const nowhere = parsePlaceholder('0,0');
  assert.ok(isPlaceholder(nowhere, 0, 0));
  assert.ok(isPlaceholder(nowhere, 0.00005, -0.00005));
  assert.ok(!isPlaceholder(nowhere, 0.001, 0));
});
