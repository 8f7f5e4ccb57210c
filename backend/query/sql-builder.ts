// Fills the markers of sql/query/{sums,hist}.sql with whitelisted columns and binds every value.
import { sql } from '../db/sql.ts';
import { DIMENSION_COLUMN, type Dimension } from '../rollups/cubes.ts';
import type { BucketSpec, Segment } from './plan.ts';

export type Filters = Partial<Record<Dimension, (string | number | null)[]>>;
export type BuiltQuery = { text: string; values: unknown[] };

const INT_DIMENSIONS: ReadonlySet<Dimension> = new Set(['zone', 'advisor']);

const ts = (t: number) => (t === -Infinity ? '-infinity' : t === Infinity ? 'infinity' : new Date(t).toISOString());

/** SLA warnings by bucket and dimensions (sql/query/sla_warnings.sql), filters as in the aggregates. */
export function buildWarningsQuery(p: { from: number; to: number; groupBy: Dimension[]; filters: Filters; bucket: BucketSpec | null; timeZone: string; rowLimit: number }): BuiltQuery {
  const values: unknown[] = [ts(p.from), ts(p.to)];
  const { s } = filterSql(p.filters, values);
  const cols = p.groupBy.map((d) => DIMENSION_COLUMN[d]);
  const text = sql('query/sla_warnings')
    .replaceAll('/*DIMS*/', cols.map((c) => `s.${c}, `).join(''))
    .replaceAll('/*S_FILTERS*/', s)
    .replaceAll('/*BUCKET*/', bucketSql(p.bucket, p.timeZone, values, 'a.at'))
    .replaceAll('/*GROUP_BY*/', cols.map((c) => `, s.${c}`).join(''))
    .replaceAll('/*LIMIT*/', limitSql(p.rowLimit, values));
  return { text, values };
}

function filterSql(filters: Filters, values: unknown[]): { r: string; s: string } {
  const rFilters: string[] = [];
  const sFilters: string[] = [];
  for (const [dim, list] of Object.entries(filters) as [Dimension, (string | number | null)[]][]) {
    if (!list) continue;
    const col = DIMENSION_COLUMN[dim];
    const nonNull = list.filter((v) => v !== null);
    const wantsNull = list.length !== nonNull.length;
    values.push(nonNull);
    const n = values.length;
    const cast = INT_DIMENSIONS.has(dim) ? 'int[]' : 'text[]';
    const cond = (alias: string) => `(${alias}.${col} = ANY($${n}::${cast})${wantsNull ? ` OR ${alias}.${col} IS NULL` : ''})`;
    rFilters.push(` AND ${cond('r')}`);
    sFilters.push(` AND ${cond('s')}`);
  }
  return { r: rFilters.join(''), s: sFilters.join('') };
}

/** `LIMIT $n`, n = rowLimit + 1 bound: reading one row more than allowed tells that the limit is exceeded. */
function limitSql(rowLimit: number, values: unknown[]): string {
  values.push(Math.floor(rowLimit) + 1);
  return `LIMIT $${values.length}::bigint`;
}

/** The output bucket of `column`; calendar buckets local to the city's time zone `tz` (a bound value). */
function bucketSql(bucket: BucketSpec | null, tz: string, values: unknown[], column: string): string {
  const zone = () => { values.push(tz); return `$${values.length}::text`; };
  if (bucket?.kind === 'months') {
    // n local months, counted from January of year 0: the start of the block holding the column's month, never
    // before year 1 (as blockOf in plan.ts).
    values.push(bucket.n);
    const n = `$${values.length}::int`;
    const z = zone();
    const local = `(${column} AT TIME ZONE ${z})`;
    const block = `greatest((extract(year FROM ${local})::int * 12 + extract(month FROM ${local})::int - 1) / ${n} * ${n}, 12)`;
    return `make_timestamptz(${block} / 12, ${block} % 12 + 1, 1, 0, 0, 0, ${z})`;
  }
  if (bucket?.kind === 'fixed') {
    values.push(bucket.ms);
    return `to_timestamp(floor(extract(epoch FROM ${column}) * 1000 / $${values.length}::float8) * $${values.length}::float8 / 1000)`;
  }
  if (bucket?.kind === 'calendar') return `date_trunc('${bucket.unit}', ${column}, ${zone()})`;
  return 'NULL::timestamptz';
}

/** The instants of a request whose facts a statement sums (columns of rollup_state), and the fact's instant. */
const STATE_INSTANTS = {
  sums: { columns: ['created_at', 'finished_at', 'cancelled_at', 'res_outcome_at', 'fr_outcome_at'], fact: 'f.t' },
  hist: { columns: ['first_response_at', 'finished_at'], fact: 'h.t' },
} as const;

/** Adjacent state segments as one. */
function mergedStateSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments.filter((x) => x.level === 'state')) {
    const last = out[out.length - 1];
    if (last && last.hi === s.lo) last.hi = s.hi; else out.push({ ...s });
  }
  return out;
}

/**
 * The state segments as conditions on bound instants: `match` (the request has an instant in one),
 * `at` (the fact's instant is in one). Without state segments both are false.
 */
function stateSql(kind: 'sums' | 'hist', segments: Segment[], values: unknown[]): { match: string; at: string } {
  const ranges = mergedStateSegments(segments).map((s) => {
    values.push(ts(s.lo), ts(s.hi));
    return { lo: `$${values.length - 1}::timestamptz`, hi: `$${values.length}::timestamptz` };
  });
  if (!ranges.length) return { match: 'false', at: 'false' };
  const { columns, fact } = STATE_INSTANTS[kind];
  return {
    match: ranges.flatMap((r) => columns.map((c) => `(s.${c} >= ${r.lo} AND s.${c} < ${r.hi})`)).join(' OR '),
    at: ranges.map((r) => `(${fact} >= ${r.lo} AND ${fact} < ${r.hi})`).join(' OR '),
  };
}

/** The sources a query reads (see sums.sql): only those its segments and the pending marks need. */
function sourcesSql(segments: Segment[], pending: boolean): string {
  const parts: string[] = [];
  if (segments.some((s) => s.level !== 'state')) parts.push('SELECT * FROM rolled');
  if (segments.some((s) => s.level === 'state')) parts.push('SELECT * FROM state_rows');
  if (pending) parts.push('SELECT * FROM pending_rows');
  if (!parts.length) parts.push('SELECT * FROM rolled'); // an empty range: no rows
  return parts.join(' UNION ALL ');
}

/**
 * `pending`: whether any request is marked for the rollup job in the query's snapshot; when none is,
 * the pending delta is left out of the statement (it would add nothing).
 */
export function buildAggregateQuery(kind: 'sums' | 'hist', p: {
  segments: Segment[]; cube: number | null; from: number; to: number; groupBy: Dimension[];
  filters: Filters; bucket: BucketSpec | null; timeZone: string; histKind?: 'fr' | 'rs'; pending: boolean; rowLimit: number;
}): BuiltQuery {
  // The segments answered by a rollup level go in $1..$3; the state segments are bound in the text (stateSql).
  const rolled = p.segments.filter((seg) => seg.level !== 'state');
  const values: unknown[] = [
    rolled.map((s) => s.level), rolled.map((s) => ts(s.lo)), rolled.map((s) => ts(s.hi)),
    p.cube ?? -1, ts(p.from), ts(p.to),
  ];
  if (kind === 'hist') values.push(p.histKind);
  const { r: rFilters, s: sFilters } = filterSql(p.filters, values);
  const state = stateSql(kind, p.segments, values);
  const cols = p.groupBy.map((d) => DIMENSION_COLUMN[d]);
  const list = (alias: string) => cols.map((c) => `${alias}${c}, `).join('');
  const bucketExpr = bucketSql(p.bucket, p.timeZone, values, 't');
  const text = sql(`query/${kind}`)
    .replaceAll('/*R_DIMS*/', list('r.'))
    .replaceAll('/*S_DIMS*/', list('s.'))
    .replaceAll('/*DIMS*/', list(''))
    .replaceAll('/*R_FILTERS*/', rFilters)
    .replaceAll('/*S_FILTERS*/', sFilters)
    .replaceAll('/*BUCKET*/', bucketExpr)
    .replaceAll('/*GROUP_BY*/', cols.map((c) => `, ${c}`).join(''))
    .replaceAll('/*SOURCES*/', sourcesSql(p.segments, p.pending))
    .replaceAll('/*STATE_MATCH*/', state.match)
    .replaceAll('/*STATE_AT*/', state.at)
    .replaceAll('/*LIMIT*/', limitSql(p.rowLimit, values));
  return { text, values };
}
