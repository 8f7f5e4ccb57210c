// Saved-query migrations: pure, versioned steps from any older saved shape to the current S360Query. A query
// carries `schemaVersion`; each step upgrades from the version before it. Applied when a query is run and when
// the query editor opens it (the editor then saves the migrated form). Never mutates its input.
import { FALLBACK_CATALOG } from './catalog/catalog.ts';
import { DEFAULT_QUERY, QUERY_SCHEMA_VERSION, isQueryType, type Filters, type S360Query } from './types.ts';

type Saved = Record<string, unknown> & { refId?: string; schemaVersion?: number };

export interface Migration {
  /** The version this step produces. */
  to: number;
  description: string;
  up(query: Saved): Saved;
}

/** Drafts from before versioning knew only these dimensions (the compiled copy of the catalogue). */
const isDimension = (v: string): boolean => FALLBACK_CATALOG.dimensions.some((d) => d.code === v);

const asList = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map((x) => String(x).trim()).filter(Boolean)
    : typeof v === 'string'
      ? v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [];

export const MIGRATIONS: Migration[] = [
  {
    to: 1,
    description:
      'unversioned drafts: groupBy and filter values as comma-separated text, `lang` for language, `timeseries` for time_series, topN as text',
    up(q) {
      const { lang, ...rest } = q;
      const out: Saved = { ...rest };
      if (q.groupBy !== undefined) {
        out.groupBy = asList(q.groupBy).filter(isDimension);
      }
      if (q.filters && typeof q.filters === 'object') {
        const filters: Filters = {};
        for (const [dim, values] of Object.entries(q.filters as Record<string, unknown>)) {
          if (isDimension(dim)) {
            filters[dim] = asList(values);
          }
        }
        out.filters = filters;
      }
      if (out.language === undefined && typeof lang === 'string' && lang) {
        out.language = lang;
      }
      if (q.format === 'timeseries' || q.format === 'time series') {
        out.format = 'time_series';
      }
      if (typeof q.topN === 'string') {
        const n = Number(q.topN);
        if (Number.isInteger(n) && n > 0) {
          out.topN = n;
        } else {
          delete out.topN;
        }
      }
      return out;
    },
  },
  {
    to: 2,
    description:
      'the request kind: queries saved before it are metric queries (no queryType, or one this version does not know, becomes `metrics`)',
    up(q) {
      return isQueryType(q.queryType) ? { ...q } : { ...q, queryType: 'metrics' };
    },
  },
];

export function needsMigration(query: { schemaVersion?: number }): boolean {
  return (query.schemaVersion ?? 0) < QUERY_SCHEMA_VERSION;
}

/** Any saved query (old or current, partial or complete) → the current S360Query, defaults filled in. */
export function migrateQuery(saved: Partial<S360Query> | Saved): S360Query {
  let q: Saved = { ...(saved as Saved) };
  const from = typeof q.schemaVersion === 'number' ? q.schemaVersion : 0;
  for (const step of MIGRATIONS) {
    if (step.to > from) {
      q = { ...step.up(q), schemaVersion: step.to };
    }
  }
  return withDefaults(q);
}

/** Missing fields from DEFAULT_QUERY; annotation queries keep their own small shape. */
export function withDefaults(q: Saved): S360Query {
  const query = { ...DEFAULT_QUERY, ...q, refId: typeof q.refId === 'string' ? q.refId : 'A' } as S360Query;
  query.groupBy = Array.isArray(query.groupBy) ? query.groupBy : [];
  query.filters = query.filters && typeof query.filters === 'object' ? query.filters : {};
  if (query.queryType === 'request' && typeof query.reference !== 'string') {
    query.reference = query.reference === undefined || query.reference === null ? '' : String(query.reference);
  }
  query.schemaVersion = Math.max(query.schemaVersion ?? 0, QUERY_SCHEMA_VERSION);
  return query;
}
