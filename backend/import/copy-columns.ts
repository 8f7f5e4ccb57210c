// The tables the import COPYs into, each with its column list declared once: the COPY statement names the
// columns from this list and each line's values are written from it, in the same order, so nothing
// depends on another file's column order. A table's first columns are the ones settled at write time
// (ids, the zone, the SLA policy: chunk-copy.ts); the rest are written as a row is read.
import type { ImportRow } from './row-input.ts';
import type { JourneyEvent } from './history-journey.ts';
import { copyValue } from './copy-text.ts';
import { SLA_COLUMNS, type SlaColumn } from '../sla/clocks-at-load.ts';

/** A column and how a value is written as COPY text (copy-text.ts). */
export type CopyColumn<T> = { column: string; text: (value: T) => string };

export type CopyTable<Settled extends string, T> = {
  table: string;
  settled: readonly Settled[];
  columns: ReadonlyArray<CopyColumn<T>>;
};

/** The COPY statement of a table: its settled columns, then its other columns. */
export function copyStatement(t: CopyTable<string, never>): string {
  return `COPY ${t.table} (${[...t.settled, ...t.columns.map((c) => c.column)].join(', ')}) FROM STDIN`;
}

/** A row's columns after the settled ones, as COPY text ('\n' included). */
export function copyRest<T>(t: CopyTable<string, T>, value: T): string {
  let line = '';
  for (const c of t.columns) {
    line += `\t${c.text(value)}`;
  }
  return `${line.slice(1)}\n`;
}

/** The settled columns in front of a line, tab included ('\\N' for none). */
export function copySettled<S extends string>(
  t: CopyTable<S, never>,
  values: Record<S, string | number | null>
): string {
  let line = '';
  for (const s of t.settled) {
    line += `${values[s] === null ? '\\N' : values[s]}\t`;
  }
  return line;
}

/** A point in the text PostGIS reads (EWKT): every double written exactly (shortest round-trip form). */
export const pointText = (lon: number, lat: number) => `SRID=4326;POINT(${lon} ${lat})`;

/**
 * A request without its SLA clock (no policy applies, or it is left to the SLA pass): resolution_due_at is the
 * source's due time, if any (migration 0040); the other SLA columns keep their defaults.
 */
export const REQUESTS: CopyTable<'id' | 'zone_id' | 'sla_policy_id' | 'customer_id' | 'resolution_due_at', ImportRow> =
  {
    table: 'requests',
    settled: ['id', 'zone_id', 'sla_policy_id', 'customer_id', 'resolution_due_at'],
    columns: [
      { column: 'source', text: ({ request: r }) => copyValue(r.source) },
      { column: 'external_id', text: ({ request: r }) => copyValue(r.external_id) },
      { column: 'channel_code', text: ({ request: r }) => copyValue(r.channel) },
      { column: 'category_code', text: ({ request: r }) => copyValue(r.category) },
      { column: 'topic_code', text: ({ request: r }) => copyValue(r.topic) },
      { column: 'department_code', text: ({ request: r }) => copyValue(r.department) },
      { column: 'priority', text: ({ request: r }) => copyValue(r.priority) },
      { column: 'description', text: ({ request: r }) => copyValue(r.description) },
      { column: 'address', text: ({ request: r }) => copyValue(r.address) },
      {
        column: 'location',
        text: ({ request: r }) => (r.lon !== null && r.lat !== null ? pointText(r.lon, r.lat) : '\\N'),
      },
      { column: 'created_at', text: ({ request: r }) => copyValue(r.created_at) },
      { column: 'status', text: ({ journey: j }) => copyValue(j.status) },
      { column: 'stage', text: ({ journey: j }) => copyValue(j.stage) },
      { column: 'progress_pct', text: ({ journey: j }) => copyValue(j.progress_pct) },
      { column: 'first_response_at', text: ({ journey: j }) => copyValue(j.first_response_at) },
      { column: 'resolved_at', text: ({ journey: j }) => copyValue(j.resolved_at) },
      { column: 'closed_at', text: ({ journey: j }) => copyValue(j.closed_at) },
      { column: 'cancelled_at', text: ({ journey: j }) => copyValue(j.cancelled_at) },
      { column: 'satisfaction', text: ({ journey: j }) => copyValue(j.satisfaction) },
      // Where the resolution due time comes from, and whether there is a first-response clock (migration 0040).
      { column: 'resolution_due_source', text: ({ request: r }) => (r.due_at ? 'source' : 'policy') },
      { column: 'first_response_clock', text: ({ request: r }) => (r.first_response_clock === false ? 'f' : 't') },
    ],
  };

/** A request with its SLA clock computed at load (sla/clocks-at-load.ts): its SLA columns settled with its ids. */
export const REQUESTS_CLOCKED: CopyTable<'id' | 'zone_id' | 'sla_policy_id' | 'customer_id' | SlaColumn, ImportRow> = {
  table: 'requests',
  settled: ['id', 'zone_id', 'sla_policy_id', 'customer_id', ...SLA_COLUMNS],
  columns: REQUESTS.columns,
};

/** The warnings and breaches of the clocks computed at load (their lines written by ClocksAtLoad). */
export const SLA_ALERTS: CopyTable<'request_id' | 'kind' | 'target' | 'at', never> = {
  table: 'sla_alerts',
  settled: ['request_id', 'kind', 'target', 'at'],
  columns: [],
};

export const CUSTOMERS: CopyTable<'id' | 'home_zone_id', NonNullable<ImportRow['request']['customer']>> = {
  table: 'customers',
  settled: ['id', 'home_zone_id'],
  columns: [
    { column: 'name', text: (c) => copyValue(c.name) },
    { column: 'phone', text: (c) => copyValue(c.phone) },
    { column: 'email', text: (c) => copyValue(c.email) },
    { column: 'national_id', text: (c) => copyValue(c.national_id) },
    { column: 'language', text: (c) => copyValue(c.language) },
  ],
};

/** An event with the source that wrote it (its actor). */
export type EventOfSource = { event: JourneyEvent; source: string };

export const REQUEST_EVENTS: CopyTable<'request_id', EventOfSource> = {
  table: 'request_events',
  settled: ['request_id'],
  columns: [
    { column: 'kind', text: ({ event: e }) => e.kind },
    { column: 'from_status', text: ({ event: e }) => copyValue(e.from_status) },
    { column: 'to_status', text: ({ event: e }) => copyValue(e.to_status) },
    { column: 'stage', text: ({ event: e }) => copyValue(e.stage) },
    { column: 'progress_pct', text: ({ event: e }) => copyValue(e.progress_pct) },
    { column: 'actor', text: ({ source }) => copyValue(source) },
    { column: 'occurred_at', text: ({ event: e }) => copyValue(e.occurred_at) },
  ],
};

export const ROLLUP_MARKS: CopyTable<'request_id', never> = {
  table: 'rollup_pending',
  settled: ['request_id'],
  columns: [],
};
