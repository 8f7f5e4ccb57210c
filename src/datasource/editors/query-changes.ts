// What each control of the query editor does to the query. Pure: the editor calls these and hands the result
// to onChange, so the rules (table-only metrics, top N default, empty filters dropped) are tested without React.
import { FALLBACK_CATALOG, isTableOnly, metricOf, type Catalog } from '../catalog/catalog.ts';
import type { Dimension, QueryFormat } from '../vocabulary.ts';
import { DEFAULT_TOP_N, type Filters, type S360Query } from '../types.ts';

/** The kinds the query editor offers (annotation queries have their own editor). */
export type EditorKind = 'metrics' | 'request';

/** Switching the kind keeps the other kind's fields, so switching back restores them. */
export function withQueryType(query: S360Query, kind: EditorKind): S360Query {
  const next: S360Query = { ...query, queryType: kind };
  if (kind === 'request' && typeof next.reference !== 'string') {
    next.reference = '';
  }
  return next;
}

/** The reference box: trimmed text (a reference number, an id or a template variable). */
export function withReference(query: S360Query, text: string): S360Query {
  return { ...query, reference: text.trim() };
}

/** A table-only metric (per the catalogue) makes the query a table; one taking top N gets the default N. */
export function withMetric(query: S360Query, metric: string, catalog: Catalog = FALLBACK_CATALOG): S360Query {
  const next: S360Query = { ...query, metric };
  if (isTableOnly(metric, catalog)) {
    next.format = 'table';
  }
  if (metricOf(catalog, metric)?.options.includes('top_n') && next.topN === undefined) {
    next.topN = DEFAULT_TOP_N;
  }
  return next;
}

export function withFormat(query: S360Query, format: QueryFormat, catalog: Catalog = FALLBACK_CATALOG): S360Query {
  return isTableOnly(query.metric, catalog) ? { ...query, format: 'table' } : { ...query, format };
}

export function withGroupBy(query: S360Query, groupBy: Dimension[]): S360Query {
  return { ...query, groupBy: [...new Set(groupBy)] };
}

export function withFilter(filters: Filters, dimension: Dimension, values: string[]): Filters {
  const next: Filters = { ...filters };
  const clean = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  next[dimension] = clean;
  return next;
}

export function withoutFilter(filters: Filters, dimension: Dimension): Filters {
  const next: Filters = { ...filters };
  delete next[dimension];
  return next;
}

/** `undefined` (or '') means the datasource's default language. */
export function withLanguage(query: S360Query, language: string | undefined): S360Query {
  const next: S360Query = { ...query };
  if (language) {
    next.language = language;
  } else {
    delete next.language;
  }
  return next;
}

/** Top N from the text input: a positive whole number, else the default. */
export function withTopN(query: S360Query, text: string): S360Query {
  const n = Number(text);
  return { ...query, topN: Number.isInteger(n) && n > 0 ? n : DEFAULT_TOP_N };
}

export function withInterval(query: S360Query, text: string): S360Query {
  const next: S360Query = { ...query };
  if (text.trim()) {
    next.interval = text.trim();
  } else {
    delete next.interval;
  }
  return next;
}
