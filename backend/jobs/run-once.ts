// One run of a job across every aggregator instance: a session advisory lock keeps runs from overlapping
// (a slow run on one instance, the next tick on another) and the tick claimed in job_run_log makes each
// scheduled tick run exactly once, whichever instance gets there first.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { sql } from '../db/sql.ts';

export type JobOutcome = { ran: false; reason: 'locked' | 'already-ran' } | { ran: true; items: number; ms: number };

/** A stable advisory lock key per job name (in its own range, apart from migrations and the SLA sweep). */
export function jobLockKey(job: string): number {
  return 0x53360000 + createHash('sha256').update(job).digest().readUInt16BE(0);
}

export async function runOnce(pool: pg.Pool, job: string, tick: Date, instance: string,
  work: () => Promise<number>): Promise<JobOutcome> {
  const client = await pool.connect();
  // A connection dropped while held (database restart) must fail this run, not crash the process.
  const onError = () => {};
  client.on('error', onError);
  try {
    const { rows: [lock] } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [jobLockKey(job)]);
    if (!lock.ok) return { ran: false, reason: 'locked' };
    try {
      const claimed = await client.query<{ id: number }>(sql('jobs/claim_tick'), [job, tick, instance]);
      if (!claimed.rows.length) return { ran: false, reason: 'already-ran' };
      const started = Date.now();
      let items = 0;
      let error: string | null = null;
      try {
        items = await work();
      } catch (err) {
        error = (err as Error).message.slice(0, 500);
        throw err;
      } finally {
        await client.query(sql('jobs/finish_tick'), [claimed.rows[0].id, Date.now() - started, items, error]);
      }
      return { ran: true, items, ms: Date.now() - started };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [jobLockKey(job)]);
    }
  } finally {
    client.off('error', onError);
    client.release();
  }
}
