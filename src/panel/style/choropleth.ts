// Style rules of the choropleth: a zone's fill from Grafana's display processor (thresholds, colour
// schemes, value mappings of the field config); zones without data hatched with a dashed border. Pure.
import type { DisplayProcessor, DisplayValue } from '@grafana/data';
import type { ZoneValue } from '../data/join.ts';
import { withAlpha } from './colors.ts';

export interface ChoroplethStyle {
  fillOpacity: number;
  /** Colour of the hatching and dashed border of zones without data. */
  noDataColor: string;
  /** Zone border colour; '' = from the theme. */
  borderColor: string;
  borderWidth: number;
}

export interface ZonePaint {
  hasData: boolean;
  /** The fill as drawn (translucent when fillOpacity < 1); for no data the hatching colour. */
  fill: string;
  /** The opaque colour of the value, as the legend shows it. */
  color: string;
  hatch: boolean;
  stroke: string;
  strokeWidth: number;
  lineDash: number[] | null;
  /** The value as text with unit ('' without data). */
  text: string;
}

export function formatDisplay(d: Pick<DisplayValue, 'text' | 'prefix' | 'suffix'>): string {
  return `${d.prefix ?? ''}${d.text}${d.suffix ?? ''}`;
}

export function zonePaint(
  value: ZoneValue | undefined,
  display: DisplayProcessor | null,
  style: ChoroplethStyle,
  themeBorder: string
): ZonePaint {
  const stroke = style.borderColor || themeBorder;
  if (!value || value.value === null || !display) {
    return {
      hasData: false,
      fill: withAlpha(style.noDataColor, 0.55),
      color: style.noDataColor,
      hatch: true,
      stroke: withAlpha(style.noDataColor, 0.9),
      strokeWidth: style.borderWidth,
      lineDash: [4, 3],
      text: '',
    };
  }
  const d = display(value.value);
  const color = d.color ?? style.noDataColor;
  return {
    hasData: true,
    fill: withAlpha(color, style.fillOpacity),
    color,
    hatch: false,
    stroke,
    strokeWidth: style.borderWidth,
    lineDash: null,
    text: formatDisplay(d),
  };
}

/** The zone border for a theme: light lines on a dark map, dark lines on a light one. */
export const themeBorderColor = (isDark: boolean) => (isDark ? 'rgba(255, 255, 255, 0.45)' : 'rgba(0, 0, 0, 0.35)');

/** The paint of every zone for the current join. */
export function paintZones(
  codes: Iterable<string>,
  join: { byCode: Map<string, ZoneValue>; display: DisplayProcessor | null },
  style: ChoroplethStyle,
  themeBorder: string
): Map<string, ZonePaint> {
  const out = new Map<string, ZonePaint>();
  for (const code of codes) {
    out.set(code, zonePaint(join.byCode.get(code), join.display, style, themeBorder));
  }
  return out;
}
