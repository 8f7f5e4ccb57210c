import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { buildOrder, canDerive, freshSource, type StagedCube } from './bulk-fresh-cubes.ts';
import { CUBES, cubeId, HIST_CUBES } from './cubes.ts';

test('a cube is derived only from a strict superset of its dimensions', () => {
  assert.ok(canDerive('cube', ['zone'], ['zone', 'channel']));
  assert.ok(!canDerive('cube', ['zone'], ['zone']));
  assert.ok(!canDerive('cube', ['zone'], ['channel', 'category']));
  assert.ok(canDerive('hist', [], ['zone']));
});

test('a lean cube (hours for the whole history) is never derived from a wide one (hours from hour_from on)', () => {
  assert.ok(!canDerive('cube', ['channel'], ['zone', 'channel']));
  assert.ok(canDerive('cube', ['channel'], ['channel', 'category']));
  assert.ok(!canDerive('cube', [], ['zone']));
  // The histograms all keep hours from hist_hour_from: any finer one will do.
  assert.ok(canDerive('hist', [], ['zone']));
});

test('the finest cubes are built first', () => {
  const order = buildOrder(CUBES);
  assert.equal(order.length, CUBES.length);
  for (let i = 1; i < order.length; i++) {
    assert.ok(order[i - 1].length >= order[i].length, JSON.stringify(order));
  }
  assert.deepEqual(order[order.length - 1], []);
});

test('a cube is grouped from the staged cube with the fewest rows that holds it, else from the facts', () => {
  const staged: StagedCube[] = [
    { dims: ['zone', 'channel'], rows: 900 },
    { dims: ['zone', 'status_class'], rows: 400 },
    { dims: ['channel', 'category'], rows: 5000 },
  ];
  assert.equal(freshSource('cube', ['zone'], staged), `bulk_fresh_cube_${cubeId(['zone', 'status_class'])}`);
  assert.equal(freshSource('cube', ['channel'], staged), `bulk_fresh_cube_${cubeId(['channel', 'category'])}`);
  assert.equal(freshSource('cube', ['advisor'], staged), 'bulk_fresh_facts');
  assert.equal(freshSource('hist', ['zone'], []), 'bulk_fresh_hist_facts');
});

test('built in that order, only the cubes nothing finer holds read the facts', () => {
  for (const [kind, cubes, fromFacts] of [
    ['cube', CUBES, 9],
    ['hist', HIST_CUBES, 8],
  ] as const) {
    const staged: StagedCube[] = [];
    let facts = 0;
    for (const dims of buildOrder(cubes)) {
      if (freshSource(kind, dims, staged).endsWith('_facts')) {
        facts++;
      }
      staged.push({ dims, rows: 100 });
    }
    assert.equal(facts, fromFacts, kind);
  }
});
