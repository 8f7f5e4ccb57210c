// The input of sql/ingest/insert_requests.sql, declared once: one bound array per column, in this list's
// order, and the SQL's `unnest($1::text[], …) WITH ORDINALITY AS t(source, …, ord)` written from the same
// list (into its /* insert_input */ slot), so neither side depends on the other's positions.
import type { NewRequest } from './request-input.ts';

type InputColumn = { name: string; type: 'text' | 'float8' | 'timestamptz' | 'boolean'; value: (r: NewRequest) => unknown };

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

const SLOT = '/* insert_input */';

/** The statement with its input slot filled from INSERT_INPUT (names and types from the list, never from input). */
export function withInsertInput(statement: string): string {
  if (!statement.includes(SLOT)) throw new Error(`the insert has no ${SLOT} slot`);
  const arrays = INSERT_INPUT.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const names = INSERT_INPUT.map((c) => c.name).join(', ');
  return statement.replace(SLOT, `unnest(${arrays}) WITH ORDINALITY AS t(${names}, ord)`);
}

/** The bound arrays for the items, one per INSERT_INPUT column, in its order. */
export function insertArrays(items: readonly NewRequest[]): unknown[][] {
  return INSERT_INPUT.map((c) => items.map(c.value));
}
