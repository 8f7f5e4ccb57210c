// Rows a job could not process, set aside (table job_quarantine, migration 0035) so the job goes on with the
// rest. Which errors mean "this row is bad" (and not "the database is unwell"), writing and reading the table.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { isDatabaseUnavailable } from '../http/errors.ts';

export type QuarantinedRow = { requestId: number; error: string };
export type QuarantineEntry = {
  job: string;
  request_id: number;
  reference: string | null;
  error: string;
  at: string;
  times: number;
};

/**
 * True when err is about the data a statement met: SQLSTATE class 22 (data exception: a logarithm of zero,
 * a value out of range…), 23 (integrity) or XX000 (PostGIS raises its geometry errors so). A timeout, a lost
 * connection, a lock conflict or a bug in a statement is not: the job fails and retries as before.
 */
export function isRowDataError(err: unknown): boolean {
  if (isDatabaseUnavailable(err)) {
    return false;
  }
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23') || code === 'XX000');
}

/** A plain one-line reason (the database's message, without SQL or position). */
export function rowErrorText(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return `${(e?.message ?? String(err)).split('\n')[0].slice(0, 500)}${e?.code ? ` (SQLSTATE ${e.code})` : ''}`;
}

export async function quarantineRows(db: pg.Pool | pg.PoolClient, job: string, rows: QuarantinedRow[]): Promise<void> {
  if (!rows.length) {
    return;
  }
  await db.query(sql('jobs/quarantine'), [job, rows.map((r) => r.requestId), rows.map((r) => r.error)]);
}

/** Requests the job has now processed leave its quarantine (one statement; nothing to do when it is empty). */
export async function releaseRows(db: pg.Pool | pg.PoolClient, job: string, requestIds: number[]): Promise<void> {
  if (!requestIds.length) {
    return;
  }
  await db.query(sql('jobs/quarantine_release'), [job, requestIds]);
}

export async function readQuarantine(db: pg.Pool, limit: number): Promise<QuarantineEntry[]> {
  const { rows } = await db.query(sql('jobs/quarantine_list'), [limit]);
  return rows.map((r) => ({
    job: r.job,
    request_id: Number(r.request_id),
    reference: r.reference,
    error: r.error,
    at: (r.at as Date).toISOString(),
    times: r.times,
  }));
}
