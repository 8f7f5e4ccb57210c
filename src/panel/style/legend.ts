// The choropleth legend, read from the same field config that colours the zones: threshold steps,
// a gradient for continuous schemes, value mappings with a colour, and "No data". Pure.
import type {
  DisplayProcessor,
  Field,
  RangeMap,
  RegexMap,
  SpecialValueMap,
  Threshold,
  ValueMap,
  ValueMapping,
  ValueMappingResult,
} from '@grafana/data';
import { formatDisplay } from './choropleth.ts';

export interface LegendItem {
  color: string;
  label: string;
  hatch?: boolean;
  /** A symbol of the map: a request dot, a bin circle, a hot-spot ring (default: a fill swatch). */ shape?:
    'dot' | 'bin' | 'ring';
}
/** What the layers over the zones draw (request points and bins, hot-spot rings), explained under the colours. */
export interface LegendSection {
  title: string;
  items: LegendItem[];
}
export interface LegendModel {
  title: string;
  kind: 'steps' | 'gradient' | 'single';
  items: LegendItem[];
  gradient?: { colors: string[]; min: string; max: string };
  noData?: LegendItem;
  sections?: LegendSection[];
}

const GRADIENT_STOPS = 9;

/**
 * @param resolveColor theme.visualization.getColorByName (named colours → hex)
 * @param noDataCount  zones drawn without data (a "No data" entry shows only when some are)
 */
export function choroplethLegend(
  field: Field | null,
  display: DisplayProcessor | null,
  resolveColor: (c: string) => string,
  noDataColor: string,
  noDataCount: number,
  noDataLabel = 'No data'
): LegendModel | null {
  if (!field || !display) {
    return null;
  }
  const title = field.state?.displayName ?? field.config.displayName ?? field.name;
  const noData = noDataCount > 0 ? { color: noDataColor, label: noDataLabel, hatch: true } : undefined;
  const fmt = (v: number) => formatDisplay(display(v));
  const range: { min?: number | null; max?: number | null } = field.state?.range ?? {};
  const min = field.config.min ?? range.min ?? 0;
  const max = field.config.max ?? range.max ?? 0;
  const mode = field.config.color?.mode ?? 'thresholds';
  const mappings = mappingItems(field, resolveColor);

  if (mode.startsWith('continuous')) {
    const colors = Array.from(
      { length: GRADIENT_STOPS },
      (_, i) => display(min + ((max - min) * i) / (GRADIENT_STOPS - 1)).color ?? noDataColor
    );
    return { title, kind: 'gradient', items: mappings, gradient: { colors, min: fmt(min), max: fmt(max) }, noData };
  }
  if (mode === 'thresholds') {
    const steps = [...(field.config.thresholds?.steps ?? [])].sort((a, b) => a.value - b.value);
    const percent = field.config.thresholds?.mode === 'percentage';
    const at = (s: Threshold) => (percent ? min + ((max - min) * s.value) / 100 : s.value);
    if (steps.length > 1) {
      const items = steps.map((s, i) => {
        const next = steps[i + 1];
        const label = !next ? `≥ ${fmt(at(s))}` : i === 0 ? `< ${fmt(at(next))}` : `${fmt(at(s))} – ${fmt(at(next))}`;
        return { color: resolveColor(s.color), label };
      });
      return { title, kind: 'steps', items: [...items, ...mappings], noData };
    }
  }
  const color = display(min).color ?? noDataColor;
  return { title, kind: 'single', items: [{ color, label: title }, ...mappings], noData };
}

/**
 * Whether `m` is the mapping of that kind (Grafana's MappingType values; the enum itself is not imported, so this
 * module loads outside Grafana).
 */
function isMapping<M extends ValueMapping>(m: ValueMapping, type: `${M['type']}`): m is M {
  return m.type === type;
}

/** Value mappings that set a colour: one legend entry each, labelled with their text (or the value, range, pattern). */
function mappingItems(field: Field, resolveColor: (c: string) => string): LegendItem[] {
  const out: LegendItem[] = [];
  const add = (result: ValueMappingResult | undefined, fallback: string) => {
    if (result?.color) {
      out.push({ color: resolveColor(result.color), label: result.text ?? fallback });
    }
  };
  for (const m of field.config.mappings ?? []) {
    if (isMapping<ValueMap>(m, 'value')) {
      for (const [value, result] of Object.entries(m.options ?? {})) {
        add(result, value);
      }
    } else if (isMapping<RangeMap>(m, 'range')) {
      add(m.options?.result, `${m.options?.from ?? ''}–${m.options?.to ?? ''}`);
    } else if (isMapping<RegexMap>(m, 'regex')) {
      add(m.options?.result, String(m.options?.pattern ?? m.type));
    } else if (isMapping<SpecialValueMap>(m, 'special')) {
      add(m.options?.result, String(m.options?.match ?? m.type));
    }
  }
  return out;
}
