// The request points' legend section, the same for points from tiles and from a frame. Pure.
import { humanize, type CategoryPalette } from '../../style/palette.ts';
import type { PointStyleOptions } from '../../style/points.ts';
import type { Translate } from '../../i18n.ts';
import { NO_NAMES, type ValueNames } from '../../data/value-names.ts';
import type { LegendSection } from '../../style/legend.ts';
import { valueName } from './request-tooltip.ts';

/** The legend of the points layer: the colour of each value it colours by (named from the catalogue), and the bins. */
export function pointsLegend(
  palette: CategoryPalette,
  style: PointStyleOptions,
  t: Translate,
  names: ValueNames = NO_NAMES
): LegendSection {
  return {
    title: `${t('zonemap.legend-requests')} (${names.property(palette.property) ?? humanize(palette.property)})`,
    items: [
      ...palette.values.map((v, i) => ({
        color: palette.colorOf(i),
        label: valueName(names, palette.property, v),
        shape: 'dot' as const,
      })),
      { color: style.binColor, label: t('zonemap.legend-bin'), shape: 'bin' as const },
    ],
  };
}
