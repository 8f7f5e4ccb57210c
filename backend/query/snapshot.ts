// What a query needs to know of the rollups in its snapshot, read once per POST /v1/query (and per
// GET /v1/recurrence/topics) in the read-only snapshot its statements share (db/transaction.ts).
import { sql } from '../db/sql.ts';

/**
 * Whether any request is marked for the rollup job (else the pending delta is left out) and where the hour
 * level begins (migration 0023; the histograms' 0025, the lean cubes' 0030).
 */
export type RollupSnapshot = { pending: boolean; hourFrom: number; histHourFrom: number; leanHourFrom: number };

export type RollupSnapshotRow = {
  pending: boolean;
  hour_from: unknown;
  hist_hour_from: unknown;
  lean_hour_from: unknown;
};

/** A timestamptz as read by pg (a Date, or ±Infinity for ±infinity); unknown: +Infinity (trust no hour row). */
const instant = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Infinity);

/** The statement reading a snapshot's RollupSnapshot (static, no parameters). */
export function rollupSnapshotSql(): string {
  return sql('query/rollup_snapshot');
}

export function rollupSnapshotOf(r: RollupSnapshotRow): RollupSnapshot {
  return {
    pending: r.pending,
    hourFrom: instant(r.hour_from),
    histHourFrom: instant(r.hist_hour_from),
    leanHourFrom: instant(r.lean_hour_from),
  };
}
