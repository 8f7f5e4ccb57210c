// Dimension filters on requests (zone, channel, category, topic, department, advisor, status_class,
// priority) from the query string, checked against the reference data and bound as arrays.
// The SQL side is one fragment, backend/sql/geo/request_filters.sql, the {request_filters} slot of the
// statements that use it; it reads named parameters (filterParams), so no statement depends on their place.
import { PRIORITIES, type ReferenceIndex } from '../domain/reference.ts';
import { sqlFile, sqlTemplate } from '../db/sql.ts';
import type { SqlFragment } from '../db/sql-fragment.ts';
import { ValidationError, type ErrorDetail } from '../http/errors.ts';
import { multi, type Query } from './read-params.ts';
import { DIMENSIONS, type Dimension } from '../rollups/cubes.ts';
import { ALL_VALUES } from '../domain/all-values.ts';
import { lookup } from '../domain/lookup.ts';

/** The dimensions a request filter takes: the rollups' (one list, rollups/cubes.ts, also served by GET /v1/catalog). */
export const FILTER_DIMENSIONS = DIMENSIONS;
export type FilterDimension = Dimension;
export const STATUS_CLASSES = ['open', 'closed', 'cancelled'] as const;

/** Stored values per dimension; null means "all". */
export type RequestFilters = {
  zoneIds: number[] | null;
  channels: string[] | null;
  categories: string[] | null;
  topics: string[] | null;
  departments: string[] | null;
  advisorIds: number[] | null;
  statuses: string[] | null; // status_class resolved to the statuses of those classes
  priorities: string[] | null;
};
export const NO_FILTERS: RequestFilters = {
  zoneIds: null,
  channels: null,
  categories: null,
  topics: null,
  departments: null,
  advisorIds: null,
  statuses: null,
  priorities: null,
};

/** The codes a dimension accepts. */
export function validCodesOf(dim: FilterDimension, ref: ReferenceIndex): string[] {
  switch (dim) {
    case 'zone':
      return ref.zones.map((z) => z.code);
    case 'channel':
      return ref.channels.map((c) => c.code);
    case 'category':
      return ref.categories.map((c) => c.code);
    case 'topic':
      return ref.topics.map((t) => t.code);
    case 'department':
      return ref.departments.map((d) => d.code);
    case 'advisor':
      return ref.advisors.map((a) => a.code);
    case 'status_class':
      return [...STATUS_CLASSES];
    case 'priority':
      return [...PRIORITIES];
  }
}

/**
 * Reads the filters of `dims` from the query. Absent, empty, or holding "all"/"$__all" means all values.
 * Unknown codes are a 400 naming each one (so nothing but known codes ever reaches SQL, and bound even then).
 * `unknownCodes` lists the offending codes so a caller can refresh a stale reference cache and retry.
 */
export function parseRequestFilters(
  query: Query,
  ref: ReferenceIndex,
  dims: readonly FilterDimension[] = FILTER_DIMENSIONS
): RequestFilters {
  const out: RequestFilters = { ...NO_FILTERS };
  const problems: ErrorDetail[] = [];
  for (const dim of dims) {
    const values = multi(query, dim);
    if (values.length === 0 || values.some((v) => ALL_VALUES.has(v))) {
      continue;
    }
    const valid = new Set(validCodesOf(dim, ref));
    const unknown = values.filter((v) => !valid.has(v));
    for (const v of unknown) {
      problems.push({ path: `query.${dim}`, message: `unknown ${dim} "${v.slice(0, 80)}"` });
    }
    if (unknown.length) {
      continue;
    }
    const codes = [...new Set(values)];
    switch (dim) {
      case 'zone':
        out.zoneIds = codes.map((c) => lookup(ref.zone, c, 'ref.zone').id);
        break;
      case 'advisor':
        out.advisorIds = codes.map((c) => lookup(ref.advisor, c, 'ref.advisor').id);
        break;
      case 'channel':
        out.channels = codes;
        break;
      case 'category':
        out.categories = codes;
        break;
      case 'topic':
        out.topics = codes;
        break;
      case 'department':
        out.departments = codes;
        break;
      case 'priority':
        out.priorities = codes;
        break;
      case 'status_class':
        out.statuses = ref.statuses.filter((s) => codes.includes(s.status_class)).map((s) => s.code);
        break;
    }
  }
  if (problems.length) {
    throw new ValidationError('unknown filter values', problems);
  }
  return out;
}

/** The named parameters request_filters.sql reads. */
export function filterParams(f: RequestFilters): Record<string, number[] | string[] | null> {
  return {
    zone_ids: f.zoneIds,
    channels: f.channels,
    categories: f.categories,
    topics: f.topics,
    departments: f.departments,
    advisor_ids: f.advisorIds,
    statuses: f.statuses,
    priorities: f.priorities,
  };
}

/** Whether no dimension is filtered (every value null: all). */
export const isUnfiltered = (f: RequestFilters): boolean => Object.values(filterParams(f)).every((v) => v === null);

/** The filters fragment (backend/sql/geo/request_filters.sql), for a {request_filters} slot. */
export const requestFiltersSql = (): SqlFragment => sqlFile('geo/request_filters');

/** A template whose only slot is {request_filters}. */
export function withRequestFilters(name: string): SqlFragment {
  return sqlTemplate(name, { request_filters: requestFiltersSql() });
}

/** The filter parameters of a route: every dimension, for the route's list of known parameters. */
export const FILTER_PARAMS: readonly string[] = FILTER_DIMENSIONS;
