// The catalogue document (GET /v1/catalog): the metrics and dimensions the query API takes — the very tables its
// validation reads (query/metrics.ts, rollups/cubes.ts, query/labels.ts) — and the values of each dimension from the
// city's reference data, with their English and Arabic names (a channel's also says whether the city file marks it
// digital). Pure.
import { createHash } from 'node:crypto';
import type { ReferenceIndex } from '../domain/reference.ts';
import { validCodesOf } from '../geo/request-filters.ts';
import { DIMENSION_NAMES, nameOf } from '../query/labels.ts';
import { supportOf } from '../query/metric-kinds/registry.ts';
import { METRICS, METRIC_NAMES, type MetricDefinition, type MetricName } from '../query/metrics.ts';
import { DIMENSIONS, type Dimension } from '../rollups/cubes.ts';
import type { CatalogDimension, CatalogDocument, CatalogMetric, CatalogValue } from './schema.ts';

/** The part of the document that no reference data changes (the plugin's fallback copies it). */
export type CatalogDefinitions = { metrics: CatalogMetric[]; dimensions: CatalogDimension[] };

function metricEntry(code: MetricName, m: MetricDefinition): CatalogMetric {
  const support = supportOf(m);
  return {
    code,
    name_en: m.en,
    name_ar: m.ar,
    description_en: m.about?.en ?? m.en,
    description_ar: m.about?.ar ?? m.ar,
    unit: m.unit,
    ...(m.decimals !== undefined ? { decimals: m.decimals } : {}),
    formats: [...support.formats],
    group_by: [...support.group_by],
    filters: [...support.filters],
    options: [...support.options],
  };
}

export function catalogDefinitions(): CatalogDefinitions {
  return {
    metrics: METRIC_NAMES.map((code) => metricEntry(code, METRICS[code])),
    dimensions: DIMENSIONS.map((code) => ({
      code,
      name_en: DIMENSION_NAMES[code].en,
      name_ar: DIMENSION_NAMES[code].ar,
    })),
  };
}

/** Codes the city configuration retired (kept for history): channels, departments and topics. */
function retiredCodes(ref: ReferenceIndex): Set<string> {
  const out = new Set<string>();
  const add = (dim: Dimension, xs: Array<{ code: string; retired?: boolean }>) => {
    for (const x of xs) {
      if (x.retired) {
        out.add(`${dim}:${x.code}`);
      }
    }
  };
  add('channel', ref.channels);
  add('department', ref.departments);
  add('topic', ref.topics);
  return out;
}

/** Every code a filter on `dim` accepts (geo/request-filters.ts), named as the frames name it (query/labels.ts). */
function dimensionValues(dim: Dimension, ref: ReferenceIndex, retired: Set<string>): CatalogValue[] {
  return validCodesOf(dim, ref).map((code) => ({
    code,
    name_en: nameOf(dim, code, ref, 'en'),
    name_ar: nameOf(dim, code, ref, 'ar'),
    ...(retired.has(`${dim}:${code}`) ? { retired: true as const } : {}),
    ...(dim === 'channel' ? { digital: ref.channel.get(code)?.digital === true } : {}),
  }));
}

/** The whole document; `version` is a hash of everything else, so it changes exactly when the content does. */
export function buildCatalog(ref: ReferenceIndex): CatalogDocument {
  const retired = retiredCodes(ref);
  const content = {
    time_zone: ref.time_zone,
    languages: ref.languages?.length ? [...ref.languages] : ['en', 'ar'],
    ...catalogDefinitions(),
    values: Object.fromEntries(
      DIMENSIONS.map((d) => [d, dimensionValues(d, ref, retired)])
    ) as CatalogDocument['values'],
  };
  const version = createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
  return { version, ...content };
}
