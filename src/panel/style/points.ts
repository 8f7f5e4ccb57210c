// Flat styles (OpenLayers style-as-data) for the request points: the same object drives the canvas and the
// WebGL renderer. Points are coloured by class; bins are density circles sized by their count. Pure.
import type { CategoryPalette } from './palette.ts';
import { withAlpha } from './colors.ts';
import { FRAME_FEATURE_KIND, TILE_LAYER } from '../layers/points/kinds.ts';

export interface PointStyleOptions {
  pointRadius: number;
  binMinRadius: number;
  binMaxRadius: number;
  opacity: number;
  binColor: string;
  strokeColor: string;
}

type Expr = unknown[];

function classColor(
  input: Expr,
  palette: CategoryPalette,
  opacity: number,
  keys: Array<string | number>
): Expr | string {
  if (!palette.colors.length) {
    return withAlpha(palette.other, opacity);
  }
  return [
    'match',
    input,
    ...palette.colors.flatMap((c, i) => [keys[i], withAlpha(c, opacity)]),
    withAlpha(palette.other, opacity),
  ];
}

/** For features built from a frame: `kind` a request or a bin (FRAME_FEATURE_KIND); `cls` = colour class; `r` = bin radius (px). */
export function framePointsStyle(palette: CategoryPalette, o: PointStyleOptions): Record<string, unknown> {
  const isBin: Expr = ['==', ['get', 'kind'], FRAME_FEATURE_KIND.bin];
  return {
    'circle-radius': ['case', isBin, ['get', 'r'], o.pointRadius],
    'circle-fill-color': [
      'case',
      isBin,
      withAlpha(o.binColor, o.opacity * 0.55),
      classColor(
        ['get', 'cls'],
        palette,
        o.opacity,
        palette.colors.map((_, i) => i)
      ),
    ],
    'circle-stroke-color': ['case', isBin, withAlpha(o.binColor, 0.9), o.strokeColor],
    'circle-stroke-width': ['case', isBin, 1, 0.75],
  };
}

/** For the aggregator's vector tiles: layer `bins` (property `count`) at low zoom, layer `requests` otherwise (TILE_LAYER). */
export function tilePointsStyle(palette: CategoryPalette, o: PointStyleOptions): Record<string, unknown> {
  const isBin: Expr = ['==', ['get', 'layer'], TILE_LAYER.bins];
  const mid = (f: number) => o.binMinRadius + (o.binMaxRadius - o.binMinRadius) * f;
  return {
    'circle-radius': [
      'case',
      isBin,
      [
        'interpolate',
        ['linear'],
        ['get', 'count'],
        1,
        o.binMinRadius,
        10,
        mid(0.3),
        100,
        mid(0.6),
        1000,
        o.binMaxRadius,
      ],
      o.pointRadius,
    ],
    'circle-fill-color': [
      'case',
      isBin,
      withAlpha(o.binColor, o.opacity * 0.55),
      classColor(['get', palette.property], palette, o.opacity, palette.values),
    ],
    'circle-stroke-color': ['case', isBin, withAlpha(o.binColor, 0.9), o.strokeColor],
    'circle-stroke-width': ['case', isBin, 1, 0.75],
  };
}
