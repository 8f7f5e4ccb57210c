import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { typeScale } from './type-scale.ts';

describe('type scale', () => {
  test('a reference panel draws at 1×; twice the width and height (an unscaled 4K screen) at 2×', () => {
    assert.equal(typeScale({ width: 1000, height: 600 }, false).factor, 1);
    assert.equal(typeScale({ width: 2000, height: 1200 }, false).factor, 2);
    assert.equal(typeScale({ width: 2000, height: 1200 }, false).label(12), 24);
  });

  test('TV mode doubles; small panels keep a floor, huge ones a ceiling', () => {
    assert.equal(typeScale({ width: 1000, height: 600 }, true).ui, 24);
    assert.equal(typeScale({ width: 200, height: 100 }, false).factor, 0.8);
    assert.equal(typeScale({ width: 20000, height: 12000 }, false).factor, 4);
  });

  test('css px: a 200 % screen needs nothing more; a zoomed-out page (ratio below 1) is made up for', () => {
    assert.equal(typeScale({ width: 1000, height: 600 }, false, 2).factor, 1);
    assert.equal(typeScale({ width: 1000, height: 600 }, false, 0.5).factor, 2);
  });

  test('the executive map at 1080p (1120 × 650 css px, TV) draws labels of at least 24 px; at 4K unscaled 48 px', () => {
    assert.ok(typeScale({ width: 1120, height: 650 }, true).label(12) >= 24);
    assert.ok(typeScale({ width: 2240, height: 1300 }, true).label(12) >= 48);
  });
});
