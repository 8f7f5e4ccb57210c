// A target's dimension filters: codes checked against the reference data and turned into stored values (the
// query's Filters), and the two ways between those and the geo and recurrence modules' RequestFilters.
import type { ReferenceIndex } from '../domain/reference.ts';
import { STATUS_CLASSES, type RequestFilters } from '../geo/request-filters.ts';
import { ValidationError, type ErrorDetail } from '../http/errors.ts';
import type { Dimension } from '../rollups/cubes.ts';
import { validCodes } from './labels.ts';
import type { Target } from './request-schema.ts';
import type { Filters } from './sql-builder.ts';
import { lookup } from '../domain/lookup.ts';

/** Codes in filters → stored values (zones and advisors by id); unknown codes are a 400 naming them. */
export function resolveFilters(target: Target, ref: ReferenceIndex, path: string): Filters {
  const out: Filters = {};
  const problems: ErrorDetail[] = [];
  for (const [dim, codes] of Object.entries(target.filters) as Array<[Dimension, Array<string | null>]>) {
    const valid = new Set(validCodes(dim, ref));
    out[dim] = codes.map((code, i) => {
      if (code === null) {
        return null;
      }
      if (!valid.has(code)) {
        problems.push({ path: `${path}.filters.${dim}[${i}]`, message: `unknown ${dim} "${code}"` });
        return null;
      }
      if (dim === 'zone') {
        return lookup(ref.zone, code, 'ref.zone').id;
      }
      if (dim === 'advisor') {
        return lookup(ref.advisor, code, 'ref.advisor').id;
      }
      return code;
    });
  }
  if (problems.length) {
    throw new ValidationError('the query is invalid', problems);
  }
  return out;
}

/** The query's filters in the shape of the geo/recurrence modules (a filter on "none" (null) matches no stored value there). */
export function asRequestFilters(filters: Filters, ref: ReferenceIndex): RequestFilters {
  const list = <T>(d: Dimension) => (filters[d]?.filter((v) => v !== null) as T[] | undefined) ?? null;
  const classes = list<string>('status_class');
  return {
    zoneIds: list<number>('zone'),
    channels: list<string>('channel'),
    categories: list<string>('category'),
    topics: list<string>('topic'),
    departments: list<string>('department'),
    advisorIds: list<number>('advisor'),
    statuses: classes ? ref.statuses.filter((st) => classes.includes(st.status_class)).map((st) => st.code) : null,
    priorities: list<string>('priority'),
  };
}

/**
 * A route's RequestFilters as the query's Filters (what the rollups are read with). Its statuses always come
 * from whole status classes (geo/request-filters.ts), so they map back to those classes exactly.
 */
export function filtersOfRequest(f: RequestFilters, ref: ReferenceIndex): Filters {
  const out: Filters = {};
  const lists: Array<[Dimension, Array<string | number> | null]> = [
    ['zone', f.zoneIds],
    ['channel', f.channels],
    ['category', f.categories],
    ['topic', f.topics],
    ['department', f.departments],
    ['advisor', f.advisorIds],
    ['priority', f.priorities],
  ];
  for (const [dim, values] of lists) {
    if (values) {
      out[dim] = [...values];
    }
  }
  if (f.statuses) {
    const statuses = new Set(f.statuses);
    out.status_class = STATUS_CLASSES.filter((c) =>
      ref.statuses.some((st) => st.status_class === c && statuses.has(st.code))
    );
  }
  return out;
}
