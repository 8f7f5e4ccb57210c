// The input of sql/ingest/insert_requests.sql, declared once: one bound array per column, named as the column,
// and the SQL's `unnest(:source::text[], …) WITH ORDINALITY AS t(source, …, ord)` written from the same list
// (into its {insert_input} slot), so neither side depends on the other's positions.
import { fragment, identifier, joinFragments, param, type SqlFragment } from '../db/sql-fragment.ts';
import type { NewRequest } from './request-input.ts';

type InputColumn = {
  name: string;
  type: 'text' | 'float8' | 'timestamptz' | 'boolean';
  value: (r: NewRequest) => unknown;
};

export const INSERT_INPUT: readonly InputColumn[] = [
  { name: 'source', type: 'text', value: (r) => r.source },
  { name: 'external_id', type: 'text', value: (r) => r.external_id },
  { name: 'channel', type: 'text', value: (r) => r.channel },
  { name: 'category', type: 'text', value: (r) => r.category },
  { name: 'topic', type: 'text', value: (r) => r.topic },
  { name: 'department', type: 'text', value: (r) => r.department },
  { name: 'priority', type: 'text', value: (r) => r.priority },
  { name: 'description', type: 'text', value: (r) => r.description },
  { name: 'address', type: 'text', value: (r) => r.address },
  { name: 'lon', type: 'float8', value: (r) => r.lon },
  { name: 'lat', type: 'float8', value: (r) => r.lat },
  { name: 'zone_code', type: 'text', value: (r) => r.zone_code },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.created_at },
  { name: 'c_name', type: 'text', value: (r) => r.customer?.name ?? null },
  { name: 'c_phone', type: 'text', value: (r) => r.customer?.phone ?? null },
  { name: 'c_email', type: 'text', value: (r) => r.customer?.email ?? null },
  { name: 'c_national_id', type: 'text', value: (r) => r.customer?.national_id ?? null },
  { name: 'c_language', type: 'text', value: (r) => r.customer?.language ?? null },
  { name: 'media_url', type: 'text', value: (r) => r.media_url ?? null },
  // The source system's resolution due time (NULL: the policy's; migration 0040).
  { name: 'due_at', type: 'timestamptz', value: (r) => r.due_at ?? null },
  { name: 'first_response_clock', type: 'boolean', value: (r) => r.first_response_clock ?? true },
];

/** The SQL types of the arrays (a whitelist: the only type names that reach the text). */
const ARRAY_TYPE = {
  text: fragment`text[]`,
  float8: fragment`float8[]`,
  timestamptz: fragment`timestamptz[]`,
  boolean: fragment`boolean[]`,
} as const;
const NAMES = INSERT_INPUT.map((c) => c.name);

/** The {insert_input} slot: the arrays as named parameters, unnested into the columns of the list, with ord. */
const INPUT_ARRAYS = joinFragments(INSERT_INPUT.map((c) => fragment`${param(c.name)}::${ARRAY_TYPE[c.type]}`));
const INPUT_COLUMNS = joinFragments(NAMES.map((n) => identifier(n, NAMES)));
export const INSERT_INPUT_SQL: SqlFragment = fragment`unnest(${INPUT_ARRAYS}) WITH ORDINALITY AS t(${INPUT_COLUMNS}, ord)`;

/** The bound arrays for the items, by column name (bindNamed numbers them). */
export function insertArrays(items: readonly NewRequest[]): Record<string, unknown[]> {
  return Object.fromEntries(INSERT_INPUT.map((c) => [c.name, items.map(c.value)]));
}
