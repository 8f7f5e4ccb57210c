// The catalogue an editor works from: the aggregator's document, or the compiled copy (fallback.ts) while the
// aggregator cannot be reached — then without values (the pickers ask GET /v1/variables, or take typed codes).
// Lookups over it, in the language the names are wanted in. Pure.
import type { Language } from '../vocabulary.ts';
import { FALLBACK_DEFINITIONS } from './fallback.ts';
import type { CatalogDimension, CatalogDocument, CatalogMetric, CatalogValue } from './wire.ts';

export type Catalog = CatalogDocument & { source: 'aggregator' | 'fallback' };

export const FALLBACK_CATALOG: Catalog = {
  source: 'fallback',
  version: 'fallback',
  time_zone: '',
  languages: ['en', 'ar'],
  values: {},
  ...FALLBACK_DEFINITIONS,
};

export const fromAggregator = (doc: CatalogDocument): Catalog => ({ ...doc, source: 'aggregator' });

export const nameIn = (x: { name_en: string; name_ar: string }, language: Language): string =>
  language === 'ar' ? x.name_ar : x.name_en;
export const descriptionIn = (m: CatalogMetric, language: Language): string =>
  language === 'ar' ? m.description_ar : m.description_en;

export const metricOf = (catalog: Catalog, code: string): CatalogMetric | undefined =>
  catalog.metrics.find((m) => m.code === code);
export const dimensionOf = (catalog: Catalog, code: string): CatalogDimension | undefined =>
  catalog.dimensions.find((d) => d.code === code);

/** Metrics answered as one table only (they have no time series form). An unknown metric (a variable) is not. */
export function isTableOnly(metric: string, catalog: Catalog = FALLBACK_CATALOG): boolean {
  const m = metricOf(catalog, metric);
  return !!m && !m.formats.includes('time_series');
}

/** The dimensions a metric groups by (every dimension for an unknown metric, e.g. a template variable). */
export function groupByDimensions(catalog: Catalog, metric: string): CatalogDimension[] {
  const m = metricOf(catalog, metric);
  return m ? catalog.dimensions.filter((d) => m.group_by.includes(d.code)) : catalog.dimensions;
}

/** The values an editor offers for a dimension: the city's current ones (retired values are kept for history only). */
export function activeValues(catalog: Catalog, dimension: string): CatalogValue[] {
  return (catalog.values[dimension] ?? []).filter((v) => !v.retired);
}
