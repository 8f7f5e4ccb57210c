// How the request points look, from the theme and the layer's options: the same for tiles and a frame.
import type { GrafanaTheme2 } from '@grafana/data';
import type { PointStyleOptions } from '../../style/points.ts';
import { categoryPalette, type CategoryPalette } from '../../style/palette.ts';

export interface PointsLook {
  style: PointStyleOptions;
  /** Draw with WebGL (the panel's renderer option) rather than canvas. */
  webgl: boolean;
  /** The colours of the values the points are coloured by, in the order they come. */
  palette(colorBy: string, values: unknown[]): CategoryPalette;
}

export function pointsLook(
  theme: GrafanaTheme2,
  sizes: Pick<PointStyleOptions, 'pointRadius' | 'binMinRadius' | 'binMaxRadius' | 'opacity'>,
  webgl: boolean
): PointsLook {
  const resolve = (c: string) => theme.visualization.getColorByName(c);
  const style: PointStyleOptions = {
    pointRadius: sizes.pointRadius,
    binMinRadius: sizes.binMinRadius,
    binMaxRadius: sizes.binMaxRadius,
    opacity: sizes.opacity,
    binColor: resolve('blue'),
    strokeColor: theme.isDark ? 'rgba(0, 0, 0, 0.6)' : 'rgba(255, 255, 255, 0.9)',
  };
  return {
    style,
    webgl,
    palette: (colorBy, values) => categoryPalette(colorBy, values, theme.visualization.palette, resolve),
  };
}
