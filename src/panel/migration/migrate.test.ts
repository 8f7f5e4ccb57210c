import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { migrateOptions, renameOption, versionOf, type OptionsStep } from './migrate.ts';

/** Steps as a later release could add them: version 2 renames the bin size, version 3 moves the renderer into view. */
const STEPS: OptionsStep[] = [
  { to: 1, about: 'versions', migrate: (o) => o },
  {
    to: 2,
    about: 'points.binSize is points.binPixels',
    migrate: (o) => renameOption(o, 'points.binSize', 'points.binPixels'),
  },
  { to: 3, about: 'renderer moves under view', migrate: (o) => renameOption(o, 'renderer', 'view.renderer') },
];

/** A panel saved before versions (v0) with the old names. */
const savedV0 = () => ({
  datasourceUid: 'services360-requests',
  renderer: 'webgl',
  points: { enabled: true, binSize: 25, colorBy: 'sla_state' },
});

describe('options migration, step by step', () => {
  test('a v0 panel goes through every step: each renamed option keeps its saved value', () => {
    assert.deepEqual(migrateOptions(savedV0(), STEPS), {
      optionsVersion: 3,
      datasourceUid: 'services360-requests',
      view: { renderer: 'webgl' },
      points: { enabled: true, binPixels: 25, colorBy: 'sla_state' },
    });
  });

  test('a panel saved at version 2 takes only the steps above it', () => {
    const v2 = { optionsVersion: 2, renderer: 'canvas', points: { binSize: 99, binPixels: 40 } };
    assert.deepEqual(migrateOptions(v2, STEPS), {
      optionsVersion: 3,
      view: { renderer: 'canvas' },
      points: { binSize: 99, binPixels: 40 },
    });
  });

  test('a panel at the current version comes back equal', () => {
    const current = { optionsVersion: 3, view: { renderer: 'webgl' }, points: { binPixels: 25 } };
    assert.deepEqual(migrateOptions(current, STEPS), current);
  });

  test('a panel from a newer version is left alone, unknown options and all', () => {
    const future = { optionsVersion: 7, renderer: 'webgl', points: { binSize: 25 }, shinyNewOption: { on: true } };
    assert.deepEqual(migrateOptions(future, STEPS), future);
  });

  test('the saved options are not changed in place', () => {
    const saved = savedV0();
    migrateOptions(saved, STEPS);
    assert.deepEqual(saved, savedV0());
  });

  test('nothing saved (a new panel) or not an object: the current version and nothing else', () => {
    for (const saved of [undefined, null, 'x', [1]]) {
      assert.deepEqual(migrateOptions(saved, STEPS), { optionsVersion: 3 });
    }
  });

  test('a version that is no whole number ≥ 0 counts as none (v0)', () => {
    for (const optionsVersion of ['2', -1, 1.5, null]) {
      assert.equal(versionOf({ optionsVersion }), 0);
    }
    assert.equal(versionOf({ optionsVersion: 2 }), 2);
  });
});

describe('renameOption', () => {
  test('moves a nested value, making the parents it needs, and drops the old key', () => {
    assert.deepEqual(renameOption({ a: { b: 1, keep: true } }, 'a.b', 'c.d.e'), {
      a: { keep: true },
      c: { d: { e: 1 } },
    });
  });

  test('a value already at the new name wins; the old one is dropped', () => {
    assert.deepEqual(renameOption({ old: 1, now: 2 }, 'old', 'now'), { now: 2 });
  });

  test('nothing at the old name (or a parent that is no object): unchanged', () => {
    assert.deepEqual(renameOption({ a: 1 }, 'x.y', 'z'), { a: 1 });
    assert.deepEqual(renameOption({ a: 'text' }, 'a.b', 'z'), { a: 'text' });
  });

  test('a saved false, zero or empty string is a value to keep', () => {
    assert.deepEqual(renameOption({ p: { on: false, n: 0, s: '' } }, 'p.on', 'q'), { p: { n: 0, s: '' }, q: false });
  });
});
