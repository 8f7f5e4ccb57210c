// Variable queries: the values of one dimension (GET /v1/variables/{dimension}), optionally narrowed by other
// dimensions (the topics of `$department`). Saved as an object by the variable editor; a text form is accepted
// too (`zone`, `topic?department=$department&language=ar`) for dashboards written by hand. Pure.
import type { ScopedVars } from '@grafana/data';
import { FALLBACK_CATALOG, type Catalog } from '../catalog/catalog.ts';
import { ALL_VALUE, isLanguage, type Language } from '../vocabulary.ts';
import { interpolateFilters } from '../query/build-request.ts';
import { interpolateScalar, type TemplateReplacer } from '../query/interpolate.ts';
import type { Filters, S360VariableQuery } from '../types.ts';

export const DEFAULT_VARIABLE_QUERY: S360VariableQuery = { refId: 'variable', dimension: 'zone', filters: {} };

const FALLBACK_DIMENSIONS = FALLBACK_CATALOG.dimensions.map((d) => d.code);

/** Object or text → a variable query; throws a plain Error naming what is wrong. `dimensions`: the catalogue's. */
export function parseVariableQuery(
  input: unknown,
  dimensions: readonly string[] = FALLBACK_DIMENSIONS
): S360VariableQuery {
  const isDimension = (v: unknown): v is string => typeof v === 'string' && dimensions.includes(v);
  if (input && typeof input === 'object') {
    const q = input as Partial<S360VariableQuery> & { query?: unknown };
    if (typeof q.query === 'string' && q.dimension === undefined) {
      return parseVariableQuery(q.query, dimensions);
    }
    if (!isDimension(q.dimension)) {
      throw new Error(`unknown dimension "${String(q.dimension)}"`);
    }
    return { refId: q.refId ?? 'variable', dimension: q.dimension, language: q.language, filters: q.filters ?? {} };
  }
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text) {
    return { ...DEFAULT_VARIABLE_QUERY };
  }
  const [head, search = ''] = text.split('?', 2);
  const dimension = head.trim();
  if (!isDimension(dimension)) {
    throw new Error(`unknown dimension "${dimension}"`);
  }
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  let language: string | undefined;
  for (const [key, value] of params) {
    if (key === 'language') {
      language = value;
    } else if (isDimension(key)) {
      filters[key] = [
        ...(filters[key] ?? []),
        ...value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      ];
    } else {
      throw new Error(`unknown filter "${key}" in variable query "${text}"`);
    }
  }
  return { refId: 'variable', dimension, language, filters };
}

/** Path and query string of GET /v1/variables/{dimension}; `all` filters are left out (they narrow nothing). */
export function variableRequest(
  query: S360VariableQuery,
  scopedVars: ScopedVars | undefined,
  tpl: TemplateReplacer,
  defaultLanguage: Language,
  catalog: Catalog = FALLBACK_CATALOG
): { path: string; params: URLSearchParams } {
  const params = new URLSearchParams();
  const language = interpolateScalar(query.language, scopedVars, tpl);
  params.set('language', isLanguage(language) ? language : defaultLanguage);
  const filters = interpolateFilters(query.filters, scopedVars, tpl, catalog);
  for (const [dim, values] of Object.entries(filters)) {
    if (dim === query.dimension || !values || values.includes(ALL_VALUE)) {
      continue;
    }
    for (const v of values) {
      params.append(dim, v);
    }
  }
  return { path: `/v1/variables/${encodeURIComponent(query.dimension)}`, params };
}

/** One line describing the query (the variable list shows it). */
export function describeVariableQuery(query: S360VariableQuery): string {
  const parts = Object.entries(query.filters ?? {})
    .filter(([, v]) => v && v.length)
    .map(([k, v]) => `${k}=${(v as string[]).join(',')}`);
  if (query.language) {
    parts.push(`language=${query.language}`);
  }
  return parts.length ? `${query.dimension}?${parts.join('&')}` : query.dimension;
}
