// A Grafana DataQueryRequest → the bodies of POST /v1/query (docs/api.md). Pure: template variables are resolved
// through the TemplateReplacer passed in. Queries with a larger own interval go in a body of their own, because
// the API takes one intervalMs per request. Dimensions the catalogue in hand does not list are left out, and
// table-only metrics are asked as tables (catalog/: the aggregator's catalogue, else the compiled copy).
import type { ScopedVars } from '@grafana/data';
import { FALLBACK_CATALOG, isTableOnly, metricOf, type Catalog } from '../catalog/catalog.ts';
import { isFormat, isLanguage, type Dimension, type Language, type QueryFormat } from '../vocabulary.ts';
import { DEFAULT_TOP_N, type Filters, type S360Query } from '../types.ts';
import { durationToMs } from './duration.ts';
import { interpolateScalar, interpolateValues, type TemplateReplacer } from './interpolate.ts';

export interface QueryTarget {
  refId: string;
  metric: string;
  groupBy: Dimension[];
  filters: Filters;
  format: QueryFormat;
  language: Language;
  topN?: number;
}

export interface QueryBody {
  from: string;
  to: string;
  intervalMs: number;
  maxDataPoints: number;
  targets: QueryTarget[];
}

/** The fields of DataQueryRequest this needs (range values are Grafana DateTimes, or anything with valueOf). */
export interface RequestLike {
  range: { from: { valueOf(): number }; to: { valueOf(): number } };
  intervalMs?: number;
  maxDataPoints?: number;
  scopedVars?: ScopedVars;
  targets: S360Query[];
}

export const DEFAULT_MAX_DATA_POINTS = 1000;
const MIN_INTERVAL_MS = 60_000; // the aggregator's smallest bucket

/** One target, variables resolved. Throws an Error with a plain message when the query cannot be asked. */
export function buildTarget(
  query: S360Query,
  scopedVars: ScopedVars | undefined,
  tpl: TemplateReplacer,
  defaultLanguage: Language,
  catalog: Catalog = FALLBACK_CATALOG
): QueryTarget {
  const metric = interpolateScalar(query.metric, scopedVars, tpl)?.trim() ?? '';
  if (!metric) {
    throw new Error(`query ${query.refId}: choose a metric`);
  }

  const known = new Set(catalog.dimensions.map((d) => d.code));
  const groupBy = (query.groupBy ?? []).filter((d) => known.has(d));
  const filters = interpolateFilters(query.filters, scopedVars, tpl, catalog);

  const languageText = interpolateScalar(query.language, scopedVars, tpl);
  const language = isLanguage(languageText) ? languageText : defaultLanguage;
  const format: QueryFormat = isTableOnly(metric, catalog)
    ? 'table'
    : isFormat(query.format)
      ? query.format
      : 'time_series';

  const target: QueryTarget = { refId: query.refId, metric, groupBy, filters, format, language };
  // A ranked list carries its length when the query sets it (the aggregator's default otherwise); recurring topics always
  // (the editor's default, 10).
  if (
    metricOf(catalog, metric)?.options.includes('top_n') &&
    (query.topN !== undefined || metric === 'recurring_topics')
  ) {
    const n = Number(interpolateScalar(query.topN === undefined ? undefined : String(query.topN), scopedVars, tpl));
    target.topN = Number.isInteger(n) && n > 0 ? n : DEFAULT_TOP_N;
  }
  return target;
}

/** The bucket for one query: the panel's interval ($__interval), raised to the query's own interval. */
export function targetIntervalMs(query: S360Query, request: RequestLike, tpl: TemplateReplacer): number {
  const panel = request.intervalMs && request.intervalMs > 0 ? request.intervalMs : MIN_INTERVAL_MS;
  const own = durationToMs(interpolateScalar(query.interval, request.scopedVars, tpl));
  return Math.max(panel, own ?? 0);
}

export interface BuiltRequest {
  bodies: QueryBody[];
  /** Queries that could not be asked, with a plain message each. */
  errors: Array<{ refId: string; message: string }>;
}

/** Bodies for the visible metric queries of a request (request and annotation queries are asked elsewhere), grouped by interval (usually one body). */
export function buildQueryBodies(
  request: RequestLike,
  tpl: TemplateReplacer,
  defaultLanguage: Language,
  catalog: Catalog = FALLBACK_CATALOG
): BuiltRequest {
  const from = new Date(request.range.from.valueOf()).toISOString();
  const to = new Date(request.range.to.valueOf()).toISOString();
  const maxDataPoints =
    request.maxDataPoints && request.maxDataPoints > 0 ? Math.round(request.maxDataPoints) : DEFAULT_MAX_DATA_POINTS;
  const byInterval = new Map<number, QueryTarget[]>();
  const errors: BuiltRequest['errors'] = [];
  for (const query of request.targets) {
    if (query.hide || (query.queryType !== undefined && query.queryType !== 'metrics')) {
      continue;
    } // request, annotations: asked elsewhere
    try {
      const target = buildTarget(query, request.scopedVars, tpl, defaultLanguage, catalog);
      const intervalMs = targetIntervalMs(query, request, tpl);
      byInterval.set(intervalMs, [...(byInterval.get(intervalMs) ?? []), target]);
    } catch (err) {
      errors.push({ refId: query.refId, message: err instanceof Error ? err.message : String(err) });
    }
  }
  const bodies = [...byInterval].map(([intervalMs, targets]) => ({ from, to, intervalMs, maxDataPoints, targets }));
  return { bodies, errors };
}

/** Filters of a query with variables resolved (variable queries, ad hoc use); dimensions the catalogue lacks left out. */
export function interpolateFilters(
  filters: Filters | undefined,
  scopedVars: ScopedVars | undefined,
  tpl: TemplateReplacer,
  catalog: Catalog = FALLBACK_CATALOG
): Filters {
  const out: Filters = {};
  const known = new Set(catalog.dimensions.map((d) => d.code));
  for (const [dim, values] of Object.entries(filters ?? {}) as Array<[string, string[] | undefined]>) {
    if (!known.has(dim)) {
      continue;
    }
    const resolved = interpolateValues(values, scopedVars, tpl);
    if (resolved.length) {
      out[dim] = resolved;
    }
  }
  return out;
}
