// The query of GET /v1/annotations: time range (from < to, at most five years), language, kinds, zones.
// Pure: returns the parsed query or throws a 400 naming the parameter.
import type { ReferenceIndex } from '../domain/reference.ts';
import { ValidationError, type ErrorDetail } from '../http/errors.ts';
import { multi, parseLanguage, parseTimeRange, type Language, type Query } from '../geo/read-params.ts';
import { ALL_VALUES } from '../domain/all-values.ts';
import { lookup } from '../domain/lookup.ts';

export const ANNOTATION_KINDS = ['incident', 'policy_change', 'campaign', 'other'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
export const ANNOTATION_PARAMS: readonly string[] = ['from', 'to', 'language', 'kind', 'zone'];

/** The longest range asked in one call, in years. */
export const MAX_RANGE_YEARS = 5;
/** A range without from (or to) ends now and starts this many days earlier. */
export const DEFAULT_RANGE_DAYS = 30;

export type AnnotationQuery = {
  from: Date;
  to: Date;
  language: Language;
  kinds: AnnotationKind[] | null; // null: every kind
  zoneIds: number[] | null; // null: every zone
};

const shown = (v: string) => (v.length > 80 ? `${v.slice(0, 80)}…` : v);

function listOf(query: Query, name: string): string[] | null {
  const values = multi(query, name);
  return values.length === 0 || values.some((v) => ALL_VALUES.has(v)) ? null : [...new Set(values)];
}

export function parseAnnotationQuery(query: Query, ref: ReferenceIndex, now: Date = new Date()): AnnotationQuery {
  const { from, to } = parseTimeRange(query, DEFAULT_RANGE_DAYS, now);
  const latest = new Date(from);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_RANGE_YEARS);
  if (to.getTime() > latest.getTime()) {
    throw new ValidationError('the time range is too long', [
      { path: 'query.to', message: `must be at most ${MAX_RANGE_YEARS} years after from` },
    ]);
  }
  const language = parseLanguage(query);
  const problems: ErrorDetail[] = [];
  const kinds = listOf(query, 'kind');
  for (const k of kinds ?? []) {
    if (!(ANNOTATION_KINDS as readonly string[]).includes(k)) {
      problems.push({
        path: 'query.kind',
        message: `unknown kind "${shown(k)}"; valid: ${ANNOTATION_KINDS.join(', ')}`,
      });
    }
  }
  const zones = listOf(query, 'zone');
  for (const z of zones ?? []) {
    if (!ref.zone.has(z)) {
      problems.push({ path: 'query.zone', message: `unknown zone "${shown(z)}"` });
    }
  }
  if (problems.length) {
    throw new ValidationError('unknown filter values', problems);
  }
  return {
    from,
    to,
    language,
    kinds: kinds as AnnotationKind[] | null,
    zoneIds: zones ? zones.map((z) => lookup(ref.zone, z, 'ref.zone').id) : null,
  };
}
