// The catalogue document as GET /v1/catalog sends it (backend/catalog/schema.ts), and a reader that takes what an
// editor can use from a body and refuses one that is not a catalogue. Pure.

export type CatalogMetric = {
  code: string;
  name_en: string;
  name_ar: string;
  description_en: string;
  description_ar: string;
  unit: string;
  decimals?: number;
  formats: string[];
  group_by: string[];
  filters: string[];
  options: string[];
};
export type CatalogDimension = { code: string; name_en: string; name_ar: string };
/** `digital`: channel values only, the city file marks the channel digital (the digital_share metric counts it). */
export type CatalogValue = { code: string; name_en: string; name_ar: string; retired?: true; digital?: boolean };

/** What no reference data changes: the plugin compiles a copy in (fallback.ts). */
export type CatalogDefinitions = { metrics: CatalogMetric[]; dimensions: CatalogDimension[] };

export type CatalogDocument = CatalogDefinitions & {
  version: string;
  time_zone: string;
  languages: string[];
  values: Record<string, CatalogValue[]>;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNamed = (v: unknown): v is Record<string, unknown> & { code: string; name_en: string; name_ar: string } =>
  isObject(v) && typeof v.code === 'string' && typeof v.name_en === 'string' && typeof v.name_ar === 'string';
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The document from a response body; throws a plain Error when the body is not one (an old aggregator, a proxy page). */
export function readCatalog(body: unknown): CatalogDocument {
  if (
    !isObject(body) ||
    !Array.isArray(body.metrics) ||
    !Array.isArray(body.dimensions) ||
    typeof body.version !== 'string'
  ) {
    throw new Error('the aggregator sent no catalogue');
  }
  const metrics = body.metrics.filter(isNamed).map((m) => {
    const raw: Record<string, unknown> = m;
    return {
      code: m.code,
      name_en: m.name_en,
      name_ar: m.name_ar,
      description_en: typeof raw.description_en === 'string' ? raw.description_en : m.name_en,
      description_ar: typeof raw.description_ar === 'string' ? raw.description_ar : m.name_ar,
      unit: typeof raw.unit === 'string' ? raw.unit : 'short',
      ...(typeof raw.decimals === 'number' ? { decimals: raw.decimals } : {}),
      formats: strings(raw.formats),
      group_by: strings(raw.group_by),
      filters: strings(raw.filters),
      options: strings(raw.options),
    };
  });
  const dimensions = body.dimensions
    .filter(isNamed)
    .map((d) => ({ code: d.code, name_en: d.name_en, name_ar: d.name_ar }));
  const values: Record<string, CatalogValue[]> = {};
  if (isObject(body.values)) {
    for (const [dim, list] of Object.entries(body.values)) {
      if (!Array.isArray(list)) {
        continue;
      }
      values[dim] = list.filter(isNamed).map((v) => {
        const { retired, digital } = v as { retired?: unknown; digital?: unknown };
        return {
          code: v.code,
          name_en: v.name_en,
          name_ar: v.name_ar,
          ...(retired === true ? { retired: true as const } : {}),
          ...(typeof digital === 'boolean' ? { digital } : {}),
        };
      });
    }
  }
  return {
    version: body.version,
    time_zone: typeof body.time_zone === 'string' ? body.time_zone : '',
    languages: strings(body.languages),
    metrics,
    dimensions,
    values,
  };
}
