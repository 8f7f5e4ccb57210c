import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import {
  coveringCube,
  cubeId,
  cubeIdSql,
  CUBES,
  DIMENSIONS,
  groupingSetsSql,
  LEAN_CUBE_IDS,
  LEAN_CUBES,
} from './cubes.ts';

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
  assert.match(groupingSetsSql().text, /^\(\),\n\s+\(zone_id\),/);
});

test('the lean cubes are those without zone or advisor, ten of the sixteen', () => {
  assert.equal(LEAN_CUBES.length, 10);
  for (const c of CUBES) {
    assert.equal(LEAN_CUBES.includes(c), !c.includes('zone') && !c.includes('advisor'), JSON.stringify(c));
  }
  assert.ok(LEAN_CUBE_IDS.includes(cubeId(['topic'])) && LEAN_CUBE_IDS.includes(cubeId([])));
  assert.ok(!LEAN_CUBE_IDS.includes(cubeId(['zone'])) && !LEAN_CUBE_IDS.includes(cubeId(['advisor'])));
});

test('a cube id over some dimensions sets the bits of the others', () => {
  assert.equal(
    cubeIdSql(['channel', 'priority']).text,
    '128 | (GROUPING(channel) << 6) | 32 | 16 | 8 | 4 | 2 | (GROUPING(priority) << 0)'
  );
});
