import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { flatStylesToStyleFunction } from 'ol/render/canvas/style.js';
import { newParsingContext } from 'ol/expr/expression.js';
import CircleStyle from 'ol/style/Circle.js';
import { categoryPalette } from './palette.ts';
import { framePointsStyle, tilePointsStyle } from './points.ts';
import { FRAME_FEATURE_KIND } from '../layers/points/kinds.ts';

const o = {
  pointRadius: 4,
  binMinRadius: 4,
  binMaxRadius: 18,
  opacity: 1,
  binColor: '#3274d9',
  strokeColor: '#ffffff',
};
const NAMED: Record<string, string> = {
  red: '#ff0000',
  green: '#00ff00',
  blue: '#0000ff',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
};
const palette = categoryPalette('sla_state', [], ['#c0', '#c1', '#c2', '#c3', '#c4', '#c5'], (c) => NAMED[c] ?? c);

/** Evaluates a flat style on a feature the way the canvas renderer does. */
function circleOf(style: Record<string, unknown>, props: Record<string, unknown>) {
  const f = new Feature({ geometry: new Point([0, 0]), ...props });
  const s = flatStylesToStyleFunction([style as never], newParsingContext())(f, 1);
  const image = (Array.isArray(s) ? s[0] : s)!.getImage() as CircleStyle;
  return { radius: image.getRadius(), fill: image.getFill()?.getColor() };
}

describe('point flat styles', () => {
  test('a frame point is coloured by its class', () => {
    const c = circleOf(framePointsStyle(palette, o), {
      kind: FRAME_FEATURE_KIND.request,
      cls: palette.classOf('breached'),
    });
    assert.equal(c.radius, 4);
    assert.deepEqual(c.fill, [255, 0, 0, 1]);
  });

  test('a frame bin takes its radius from the feature and the density colour', () => {
    const c = circleOf(framePointsStyle(palette, o), { kind: FRAME_FEATURE_KIND.bin, cls: 0, r: 11 });
    assert.equal(c.radius, 11);
    assert.deepEqual(c.fill, [50, 116, 217, 0.55]);
  });

  test('a tile request is coloured by its property value; unknown values get "other"', () => {
    const style = tilePointsStyle(palette, o);
    assert.deepEqual(circleOf(style, { layer: 'requests', sla_state: 'met' }).fill, [0, 255, 0, 1]);
    assert.deepEqual(circleOf(style, { layer: 'requests', sla_state: 'nonsense' }).fill, [142, 142, 142, 1]);
  });

  test('a tile bin grows with its count', () => {
    const style = tilePointsStyle(palette, o);
    assert.equal(circleOf(style, { layer: 'bins', count: 1 }).radius, 4);
    assert.equal(circleOf(style, { layer: 'bins', count: 5000 }).radius, 18);
    assert.ok(
      circleOf(style, { layer: 'bins', count: 50 }).radius > circleOf(style, { layer: 'bins', count: 5 }).radius
    );
  });
});
