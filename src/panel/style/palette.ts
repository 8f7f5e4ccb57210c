// Colours for categories of requests (category, SLA state, status, channel...): fixed meanings where the
// domain has them (breached is red), otherwise the theme's classic palette in a stable order. Pure.

/** The values the aggregator knows per property (docs/api.md, ARCHITECTURE.md); tiles carry these codes. */
export const KNOWN_VALUES: Record<string, string[]> = {
  category: ['inquiry', 'report', 'observation', 'complaint', 'service_request', 'suggestion'],
  sla_state: ['in_progress', 'warning', 'breached', 'met', 'paused', 'cancelled'],
  status_class: ['open', 'closed', 'cancelled'],
  channel: ['website', 'social_media', 'call_centre', 'whatsapp', 'virtual_assistant', 'open311', 'import', 'walk_in'],
  priority: ['low', 'normal', 'high', 'urgent'],
};

/** Colours with a meaning (Grafana colour names). */
const MEANINGFUL: Record<string, Record<string, string>> = {
  sla_state: {
    in_progress: 'blue',
    warning: 'orange',
    breached: 'red',
    met: 'green',
    paused: 'purple',
    cancelled: 'gray',
  },
  status_class: { open: 'blue', closed: 'green', cancelled: 'gray' },
  priority: { low: 'green', normal: 'blue', high: 'orange', urgent: 'red' },
};

export const MAX_CLASSES = 12;

export interface CategoryPalette {
  property: string;
  /** Values with their own colour, in class order; any other value is class `values.length` ("Other"). */
  values: string[];
  colors: string[];
  other: string;
  classOf(value: unknown): number;
  colorOf(cls: number): string;
}

/**
 * @param property the feature property or field that holds the category
 * @param seen     values found in the data (ignored when the property has a known domain)
 * @param classic  the theme's classic palette (theme.visualization.palette), resolved with `resolveColor`
 */
export function categoryPalette(
  property: string,
  seen: Iterable<unknown>,
  classic: string[],
  resolveColor: (c: string) => string,
  other = '#8e8e8e'
): CategoryPalette {
  let values = KNOWN_VALUES[property];
  if (!values) {
    const counts = new Map<string, number>();
    for (const v of seen) {
      if (v !== null && v !== undefined && v !== '') {
        counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      }
    }
    values = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_CLASSES)
      .map(([v]) => v)
      .sort();
  }
  const meaning = MEANINGFUL[property] ?? {};
  const colors = values.map((v, i) => resolveColor(meaning[v] ?? classic[i % classic.length]));
  const index = new Map(values.map((v, i) => [v, i]));
  return {
    property,
    values,
    colors,
    other,
    classOf: (value) => index.get(String(value)) ?? values.length,
    colorOf: (cls) => colors[cls] ?? other,
  };
}

/** "service_request" → "Service request". */
export const humanize = (code: string) =>
  code ? code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ') : code;
