// The filters of a variables query: other dimensions' codes, the zone kind and the parent zone. Pure:
// checked against the reference data; an unknown code is a 400 naming the parameter and the code, so only
// known codes go further (and they are bound, never pasted into SQL).
import type { ReferenceIndex } from '../domain/reference.ts';
import { ValidationError, type ErrorDetail } from '../http/errors.ts';
import { multi, type Query } from '../geo/read-params.ts';
import { validCodesOf } from '../geo/request-filters.ts';
import { VARIABLE_DIMENSIONS, ZONE_KINDS, type VariableDimension, type ZoneKind } from './dimensions.ts';
import { ALL_VALUES } from '../domain/all-values.ts';

/** null: no filter (absent, empty, or "all"). */
export type VariableFilters = {
  codes: Partial<Record<VariableDimension, ReadonlySet<string>>>;
  kinds: ZoneKind[] | null;
  parents: string[] | null;
};

/** The codes a dimension knows. */
export function knownCodes(dim: VariableDimension, ref: ReferenceIndex): string[] {
  if (dim === 'status') {
    return ref.statuses.map((s) => s.code);
  }
  if (dim === 'stage') {
    return ref.stages.map((s) => s.code);
  }
  return validCodesOf(dim, ref);
}

/** The values of one parameter, or null when it means "all". */
function valuesOf(query: Query, name: string): string[] | null {
  const values = multi(query, name);
  if (values.length === 0 || values.some((v) => ALL_VALUES.has(v))) {
    return null;
  }
  return [...new Set(values)];
}

const shown = (v: string) => (v.length > 80 ? `${v.slice(0, 80)}…` : v);

export function parseVariableFilters(query: Query, ref: ReferenceIndex): VariableFilters {
  const problems: ErrorDetail[] = [];
  const codes: VariableFilters['codes'] = {};
  for (const dim of VARIABLE_DIMENSIONS) {
    const values = valuesOf(query, dim);
    if (!values) {
      continue;
    }
    const known = new Set(knownCodes(dim, ref));
    const unknown = values.filter((v) => !known.has(v));
    for (const v of unknown) {
      problems.push({ path: `query.${dim}`, message: `unknown ${dim} "${shown(v)}"` });
    }
    if (!unknown.length) {
      codes[dim] = new Set(values);
    }
  }
  const kindValues = valuesOf(query, 'kind');
  for (const v of kindValues ?? []) {
    if (!(ZONE_KINDS as readonly string[]).includes(v)) {
      problems.push({ path: 'query.kind', message: `unknown kind "${shown(v)}"; valid: ${ZONE_KINDS.join(', ')}` });
    }
  }
  const parents = valuesOf(query, 'parent');
  for (const v of parents ?? []) {
    if (!ref.zone.has(v)) {
      problems.push({ path: 'query.parent', message: `unknown zone "${shown(v)}"` });
    }
  }
  if (problems.length) {
    throw new ValidationError('unknown filter values', problems);
  }
  return { codes, kinds: kindValues as ZoneKind[] | null, parents };
}
