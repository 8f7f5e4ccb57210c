import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coveringCube, cubeId, DIMENSIONS, groupingSetsSql } from './cubes.ts';

test('the cube of no dimension sums over all of them', () => {
  assert.equal(cubeId([]), 0b11111111);
});

test('a grouped dimension clears its bit, zone being the most significant', () => {
  assert.equal(cubeId(['zone']), 0b01111111);
  assert.equal(cubeId(['priority']), 0b11111110);
  assert.equal(cubeId([...DIMENSIONS]), 0);
});

test('the smallest covering cube is chosen', () => {
  assert.deepEqual(coveringCube(['channel'])?.dims, ['channel']);
  assert.deepEqual(coveringCube(['channel', 'zone'])?.dims, ['zone', 'channel']);
  assert.deepEqual(coveringCube([])?.dims, []);
});

test('no cube covers an unusual combination: the raw rows answer', () => {
  assert.equal(coveringCube(['advisor', 'zone']), null);
  assert.equal(coveringCube(['topic', 'zone']), null);
});

test('grouping sets are written from whitelisted columns only', () => {
  assert.match(groupingSetsSql(), /^\(\),\n\s+\(zone_id\),/);
});
