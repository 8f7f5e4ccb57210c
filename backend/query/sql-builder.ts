// Fills the slots of sql/query/{sums,hist,sla_warnings}.sql with whitelisted columns and generated conditions,
// and names every value (bound by db/named-params.ts).
import { bindNamed, type BoundQuery } from '../db/named-params.ts';
import { sqlTemplate } from '../db/sql.ts';
import { EMPTY_FRAGMENT, fragment, identifier, joinFragments, param, type SqlFragment } from '../db/sql-fragment.ts';
import { dimensionColumn, type Dimension } from '../rollups/cubes.ts';
import type { BucketSpec, Segment } from './plan.ts';

export type Filters = Partial<Record<Dimension, Array<string | number | null>>>;
export type BuiltQuery = BoundQuery;
type Params = Record<string, unknown>;

const INT_DIMENSIONS: ReadonlySet<Dimension> = new Set(['zone', 'advisor']);
const CALENDAR_UNITS: readonly string[] = ['day', 'week'];

const ts = (t: number) => (t === -Infinity ? '-infinity' : t === Infinity ? 'infinity' : new Date(t).toISOString());

/** The columns, each after `prefix` (`s.`) and before a comma: a select list's leading columns. */
const columnList = (cols: readonly SqlFragment[], prefix: SqlFragment): SqlFragment =>
  joinFragments(
    cols.map((c) => fragment`${prefix}${c}, `),
    EMPTY_FRAGMENT
  );
/** The columns, each after a comma and `prefix`: a GROUP BY's trailing columns. */
const groupByList = (cols: readonly SqlFragment[], prefix: SqlFragment): SqlFragment =>
  joinFragments(
    cols.map((c) => fragment`, ${prefix}${c}`),
    EMPTY_FRAGMENT
  );

/** SLA warnings by bucket and dimensions (sql/query/sla_warnings.sql), filters as in the aggregates. */
export function buildWarningsQuery(p: {
  from: number;
  to: number;
  groupBy: Dimension[];
  filters: Filters;
  bucket: BucketSpec | null;
  timeZone: string;
  rowLimit: number;
}): BuiltQuery {
  const params: Params = { from: ts(p.from), to: ts(p.to), rows_to_read: rowsToRead(p.rowLimit) };
  const cols = p.groupBy.map(dimensionColumn);
  const s = fragment`s.`;
  const template = sqlTemplate('query/sla_warnings', {
    dims: columnList(cols, s),
    s_filters: filterSql(p.filters, params, s),
    bucket: bucketSql(p.bucket, p.timeZone, params, fragment`a.at`),
    group_by: groupByList(cols, s),
  });
  return bindNamed(template, params);
}

/** ` AND (alias.column = ANY(:filter_dim::type[]) [OR alias.column IS NULL])` for each filtered dimension. */
function filterSql(filters: Filters, params: Params, alias: SqlFragment): SqlFragment {
  const conditions: SqlFragment[] = [];
  for (const [dim, list] of Object.entries(filters) as Array<[Dimension, Array<string | number | null>]>) {
    if (!list) {
      continue;
    }
    const col = fragment`${alias}${dimensionColumn(dim)}`;
    const nonNull = list.filter((v) => v !== null);
    const name = `filter_${dim}`;
    params[name] = nonNull;
    const cast = INT_DIMENSIONS.has(dim) ? fragment`int[]` : fragment`text[]`;
    const orNull = list.length !== nonNull.length ? fragment` OR ${col} IS NULL` : EMPTY_FRAGMENT;
    conditions.push(fragment` AND (${col} = ANY(${param(name)}::${cast})${orNull})`);
  }
  return joinFragments(conditions, EMPTY_FRAGMENT);
}

/** The rows a statement reads: rowLimit + 1, so reading one row more than allowed tells that the limit is exceeded. */
const rowsToRead = (rowLimit: number): number => Math.floor(rowLimit) + 1;

/** The output bucket of `column`; calendar buckets local to the city's time zone `tz` (a bound value). */
function bucketSql(bucket: BucketSpec | null, tz: string, params: Params, column: SqlFragment): SqlFragment {
  const zone = () => {
    params.time_zone = tz;
    return fragment`${param('time_zone')}::text`;
  };
  if (bucket?.kind === 'months') {
    // n local months, counted from January of year 0: the start of the block holding the column's month, never
    // before year 1 (as blockOf in plan.ts).
    params.bucket_months = bucket.n;
    const n = fragment`${param('bucket_months')}::int`;
    const z = zone();
    const local = fragment`(${column} AT TIME ZONE ${z})`;
    const block = fragment`greatest((extract(year FROM ${local})::int * 12 + extract(month FROM ${local})::int - 1) / ${n} * ${n}, 12)`;
    return fragment`make_timestamptz(${block} / 12, ${block} % 12 + 1, 1, 0, 0, 0, ${z})`;
  }
  if (bucket?.kind === 'fixed') {
    params.bucket_ms = bucket.ms;
    const ms = fragment`${param('bucket_ms')}::float8`;
    return fragment`to_timestamp(floor(extract(epoch FROM ${column}) * 1000 / ${ms}) * ${ms} / 1000)`;
  }
  if (bucket?.kind === 'calendar') {
    return fragment`date_trunc('${identifier(bucket.unit, CALENDAR_UNITS)}', ${column}, ${zone()})`;
  }
  return fragment`NULL::timestamptz`;
}

/** The instants of a request whose facts a statement sums (columns of rollup_state), and the fact's instant. */
const STATE_INSTANTS = {
  sums: {
    columns: ['created_at', 'finished_at', 'cancelled_at', 'res_outcome_at', 'fr_outcome_at'],
    fact: fragment`f.t`,
  },
  hist: { columns: ['first_response_at', 'finished_at'], fact: fragment`h.t` },
} as const;
const INSTANT_COLUMNS: readonly string[] = [...STATE_INSTANTS.sums.columns, ...STATE_INSTANTS.hist.columns];

/** Adjacent state segments as one. */
function mergedStateSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments.filter((x) => x.level === 'state')) {
    const last = out[out.length - 1];
    if (last && last.hi === s.lo) {
      last.hi = s.hi;
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

/**
 * The state segments as conditions on bound instants: `match` (the request has an instant in one),
 * `at` (the fact's instant is in one). Without state segments both are false.
 */
function stateSql(kind: 'sums' | 'hist', segments: Segment[], params: Params): { match: SqlFragment; at: SqlFragment } {
  const ranges = mergedStateSegments(segments).map((s, i) => {
    params[`state_from_${i}`] = ts(s.lo);
    params[`state_to_${i}`] = ts(s.hi);
    return {
      lo: fragment`${param(`state_from_${i}`)}::timestamptz`,
      hi: fragment`${param(`state_to_${i}`)}::timestamptz`,
    };
  });
  if (!ranges.length) {
    return { match: fragment`false`, at: fragment`false` };
  }
  const { columns, fact } = STATE_INSTANTS[kind];
  const or = fragment` OR `;
  return {
    match: joinFragments(
      ranges.flatMap((r) =>
        columns.map((name) => {
          const c = identifier(name, INSTANT_COLUMNS);
          return fragment`(s.${c} >= ${r.lo} AND s.${c} < ${r.hi})`;
        })
      ),
      or
    ),
    at: joinFragments(
      ranges.map((r) => fragment`(${fact} >= ${r.lo} AND ${fact} < ${r.hi})`),
      or
    ),
  };
}

/** The sources a query reads (see sums.sql): only those its segments and the pending marks need. */
function sourcesSql(segments: Segment[], pending: boolean): SqlFragment {
  const parts: SqlFragment[] = [];
  if (segments.some((s) => s.level !== 'state')) {
    parts.push(fragment`SELECT * FROM rolled`);
  }
  if (segments.some((s) => s.level === 'state')) {
    parts.push(fragment`SELECT * FROM state_rows`);
  }
  if (pending) {
    parts.push(fragment`SELECT * FROM pending_rows`);
  }
  if (!parts.length) {
    parts.push(fragment`SELECT * FROM rolled`);
  } // an empty range: no rows
  return joinFragments(parts, fragment` UNION ALL `);
}

/**
 * `pending`: whether any request is marked for the rollup job in the query's snapshot; when none is,
 * the pending delta is left out of the statement (it would add nothing).
 */
export function buildAggregateQuery(
  kind: 'sums' | 'hist',
  p: {
    segments: Segment[];
    cube: number | null;
    from: number;
    to: number;
    groupBy: Dimension[];
    filters: Filters;
    bucket: BucketSpec | null;
    timeZone: string;
    histKind?: 'fr' | 'rs';
    pending: boolean;
    rowLimit: number;
  }
): BuiltQuery {
  // The segments answered by a rollup level are bound as arrays; the state segments as instants in the text (stateSql).
  const rolled = p.segments.filter((seg) => seg.level !== 'state');
  const params: Params = {
    levels: rolled.map((s) => s.level),
    starts: rolled.map((s) => ts(s.lo)),
    ends: rolled.map((s) => ts(s.hi)),
    cube: p.cube ?? -1,
    from: ts(p.from),
    to: ts(p.to),
    rows_to_read: rowsToRead(p.rowLimit),
  };
  if (kind === 'hist') {
    params.hist_kind = p.histKind;
  }
  const state = stateSql(kind, p.segments, params);
  const cols = p.groupBy.map(dimensionColumn);
  const [r, s] = [fragment`r.`, fragment`s.`];
  const template = sqlTemplate(`query/${kind}`, {
    r_dims: columnList(cols, r),
    s_dims: columnList(cols, s),
    dims: columnList(cols, EMPTY_FRAGMENT),
    r_filters: filterSql(p.filters, params, r),
    s_filters: filterSql(p.filters, params, s),
    bucket: bucketSql(p.bucket, p.timeZone, params, fragment`t`),
    group_by: groupByList(cols, EMPTY_FRAGMENT),
    sources: sourcesSql(p.segments, p.pending),
    state_match: state.match,
    state_at: state.at,
  });
  return bindNamed(template, params);
}
