// One run of a job across every aggregator instance: a session advisory lock keeps runs from overlapping
// (a slow run on one instance, the next tick on another) and the tick claimed in job_run_log makes each
// scheduled tick run exactly once, whichever instance gets there first.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { markUnusable, withClient } from '../db/transaction.ts';

export type JobOutcome = { ran: false; reason: 'locked' | 'already-ran' } | { ran: true; items: number; ms: number };

/** A stable advisory lock key per job name (in its own range, apart from migrations and the SLA sweep). */
export function jobLockKey(job: string): number {
  return 0x53360000 + createHash('sha256').update(job).digest().readUInt16BE(0);
}

export async function runOnce(
  pool: pg.Pool,
  job: string,
  tick: Date,
  instance: string,
  work: () => Promise<number>
): Promise<JobOutcome> {
  // A connection dropped while held (database restart) fails this run, not the process (withClient); the
  // lock died with the session, so the next tick takes it again on whichever instance gets there first.
  return withClient(pool, async (client) => {
    const {
      rows: [lock],
    } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [jobLockKey(job)]);
    if (!lock.ok) {
      return { ran: false, reason: 'locked' };
    }
    try {
      const claimed = await client.query<{ id: number }>(sql('jobs/claim_tick'), [job, tick, instance]);
      if (!claimed.rows.length) {
        return { ran: false, reason: 'already-ran' };
      }
      const started = Date.now();
      let items = 0;
      let error: string | null = null;
      try {
        items = await work();
      } catch (err) {
        error = (err as Error).message.slice(0, 500);
        throw err;
      } finally {
        // Not masking the run's own error when the connection is gone.
        await client
          .query(sql('jobs/finish_tick'), [claimed.rows[0].id, Date.now() - started, items, error])
          .catch((finishErr) => {
            if (error === null) {
              throw finishErr;
            }
          });
      }
      return { ran: true, items, ms: Date.now() - started };
    } finally {
      // A lock that could not be released must not stay with a pooled session: the client is discarded.
      await client.query('SELECT pg_advisory_unlock($1)', [jobLockKey(job)]).catch(() => markUnusable(client));
    }
  });
}
