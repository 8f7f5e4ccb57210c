import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { blend, parseColor, withAlpha } from './colors.ts';

describe('colours', () => {
  test('parses the forms Grafana returns', () => {
    assert.deepEqual(parseColor('#73BF69'), [115, 191, 105, 1]);
    assert.deepEqual(parseColor('#fff'), [255, 255, 255, 1]);
    assert.deepEqual(parseColor('#00000080'), [0, 0, 0, 128 / 255]);
    assert.deepEqual(parseColor('rgb(226, 135, 98)'), [226, 135, 98, 1]);
    assert.deepEqual(parseColor('rgba(1, 2, 3, 0.5)'), [1, 2, 3, 0.5]);
    assert.equal(parseColor('green'), null);
  });

  test('withAlpha multiplies the alpha', () => {
    assert.equal(withAlpha('#73BF69', 0.8), 'rgba(115, 191, 105, 0.8)');
    assert.equal(withAlpha('rgba(1, 2, 3, 0.5)', 0.5), 'rgba(1, 2, 3, 0.25)');
  });

  test('blend paints a translucent colour over an opaque one', () => {
    assert.deepEqual(blend('rgba(255, 0, 0, 0.5)', '#000000'), [128, 0, 0, 1]);
  });
});
