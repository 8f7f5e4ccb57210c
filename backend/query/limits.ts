// Bounded work per POST /v1/query: how many series, values and database rows a target and a call may
// produce (backend/config.ts: S360_QUERY_MAX_SERIES, _MAX_TARGET_POINTS, _MAX_CALL_POINTS, _MAX_ROWS,
// _TIMEOUT_MS, and S360_QUERY_MAX_POINTS per series through the bucket size), and the 422 that says which
// limit a target hit and how to narrow it. Pure, apart from the budget a call carries from target to target.
import type { Config } from '../config.ts';
import { HttpError } from '../http/errors.ts';

export type QueryLimits = Pick<
  Config,
  | 'queryMaxSeries'
  | 'queryMaxTargetPoints'
  | 'queryMaxCallPoints'
  | 'queryMaxRows'
  | 'queryTimeoutMs'
  | 'queryMaxPoints'
>;

/** Which target a check is about: its refId and where it sits in the body. */
export type TargetRef = { refId: string; path: string };

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const NARROW = {
  series: 'group by fewer dimensions or add a filter',
  points: 'group by fewer dimensions, add a filter, shorten the range or set a larger interval (or ask for a table)',
  call: 'send fewer targets per call, or narrow them (fewer group-by dimensions, a filter, a shorter range, a larger interval)',
  rows: 'group by fewer dimensions, add a filter, shorten the range or set a larger interval',
  time: 'group by fewer dimensions, add a filter, shorten the range or set a larger interval',
} as const;

/** 422: the query is valid but would take more than this installation allows; `details` name the target. */
export class QueryLimitError extends HttpError {
  constructor(
    readonly limit: keyof typeof NARROW,
    readonly setting: string,
    message: string,
    target: TargetRef,
    field: string
  ) {
    super(422, message, [{ path: `${target.path}${field}`, message: `${setting} exceeded: ${NARROW[limit]}` }]);
  }
}

const who = (t: TargetRef) => `target "${t.refId}" (${t.path})`;

export function tooManySeries(t: TargetRef, atLeast: number, max: number): QueryLimitError {
  return new QueryLimitError(
    'series',
    'S360_QUERY_MAX_SERIES',
    `${who(t)} would return ${fmt(atLeast)} or more series (or table rows); ` +
      `the limit is ${fmt(max)} (S360_QUERY_MAX_SERIES): ${NARROW.series}`,
    t,
    '.groupBy'
  );
}

export function tooManyPoints(t: TargetRef, series: number, buckets: number, max: number): QueryLimitError {
  return new QueryLimitError(
    'points',
    'S360_QUERY_MAX_TARGET_POINTS',
    `${who(t)} would return ${fmt(series * buckets)} values ` +
      `(${fmt(series)} series × ${fmt(buckets)} buckets); the limit is ${fmt(max)} per target (S360_QUERY_MAX_TARGET_POINTS): ${NARROW.points}`,
    t,
    ''
  );
}

export function tooManyValues(t: TargetRef, max: number): QueryLimitError {
  return new QueryLimitError(
    'points',
    'S360_QUERY_MAX_TARGET_POINTS',
    `${who(t)} would return more than ${fmt(max)} values ` + `(S360_QUERY_MAX_TARGET_POINTS): ${NARROW.points}`,
    t,
    ''
  );
}

export function tooManyCallPoints(t: TargetRef, total: number, max: number): QueryLimitError {
  return new QueryLimitError(
    'call',
    'S360_QUERY_MAX_CALL_POINTS',
    `the call would return ${fmt(total)} or more values over its targets, ` +
      `reached at ${who(t)}; the limit is ${fmt(max)} per call (S360_QUERY_MAX_CALL_POINTS): ${NARROW.call}`,
    t,
    ''
  );
}

export function tooManyRows(t: TargetRef, max: number): QueryLimitError {
  return new QueryLimitError(
    'rows',
    'S360_QUERY_MAX_ROWS',
    `${who(t)} reads more than ${fmt(max)} grouped rows from the database ` + `(S360_QUERY_MAX_ROWS): ${NARROW.rows}`,
    t,
    ''
  );
}

export function tookTooLong(t: TargetRef, timeoutMs: number): QueryLimitError {
  return new QueryLimitError(
    'time',
    'S360_QUERY_TIMEOUT_MS',
    `${who(t)} was cancelled: the call ran out of its ${fmt(timeoutMs)} ms ` +
      `(S360_QUERY_TIMEOUT_MS): ${NARROW.time}`,
    t,
    ''
  );
}

/** PostgreSQL's query_canceled: the statement timeout of the call fired. */
export function isStatementTimeout(err: unknown): boolean {
  return (err as { code?: unknown })?.code === '57014';
}

/** The values a call has produced so far, against S360_QUERY_MAX_CALL_POINTS. */
export class CallBudget {
  private used = 0;
  constructor(readonly limits: QueryLimits) {}
  /** Counts a target's values (series × buckets, or table rows); throws once the call's total passes the limit. */
  spend(t: TargetRef, values: number): void {
    this.used += values;
    if (this.used > this.limits.queryMaxCallPoints) {
      throw tooManyCallPoints(t, this.used, this.limits.queryMaxCallPoints);
    }
  }
  get spent(): number {
    return this.used;
  }
}

/**
 * Checks a target's answer before its frames are built: series (or table rows) against the series limit,
 * series × buckets against the per-target limit, then the call's budget. `buckets`: 1 for a table.
 */
export function checkTargetSize(t: TargetRef, series: number, buckets: number, budget: CallBudget): void {
  const l = budget.limits;
  if (series > l.queryMaxSeries) {
    throw tooManySeries(t, series, l.queryMaxSeries);
  }
  if (series * buckets > l.queryMaxTargetPoints) {
    throw tooManyPoints(t, series, buckets, l.queryMaxTargetPoints);
  }
  budget.spend(t, Math.max(1, series) * buckets);
}
