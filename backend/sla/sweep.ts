// The SLA sweep (run by the job scheduler): evaluates the requests whose state can have changed since the
// last sweep — never evaluated yet (no due times), a warning or breach moment reached (sla_next_check_at
// ≤ now), or a journey event recorded since the last complete sweep (the very first sweep skips this look:
// every request it has not seen is unevaluated, or is caught at its next moment) — in batches of one
// transaction each, walking ids upwards, and records each new warning and breach in sla_alerts
// (refresh.ts). One sweep at a time (advisory lock); a sweep that fails leaves the watermark where it was.
// Calling refreshSla right after each journey event (in ingest) would make states immediate; the sweep
// alone updates them within one sweep interval.
import type pg from 'pg';
import { SETTINGS } from '../config.ts';
import { sql } from '../db/sql.ts';
import { markUnusable, transactionOn, withClient } from '../db/transaction.ts';
import { refreshSla, type RecordedAlert } from './refresh.ts';

export type SweepOptions = {
  /** Requests per transaction. */
  batchSize?: number;
  /**
   * Journey events recorded up to this long before the last sweep began are looked at again: an ingest
   * transaction stamps its events when it starts, and may commit after a sweep began.
   */
  eventLagMs?: number;
};

// Tunables of the sweep (the scheduler passes config.slaSweepBatchSize).
export const SWEEP_DEFAULTS: Required<SweepOptions> = {
  batchSize: SETTINGS.slaSweepBatchSize.default,
  eventLagMs: 120_000,
};

/** pg advisory lock key of the sweep, held by the first pass over a history too (the migration lock is 3600_0001). */
export const SWEEP_LOCK = 3600_0012;

/** Alerts kept in a sweep's answer (they are all in sla_alerts; the answer only reports). */
export const MAX_REPORTED_ALERTS = 1000;

export type SweepResult = {
  /** False when another sweep held the lock (nothing was done). */
  ran: boolean;
  evaluated: number;
  changed: number;
  marked: number;
  batches: number;
  /** the first alerts recorded (at most MAX_REPORTED_ALERTS; a first sweep of a large history records millions) */
  alerts: RecordedAlert[];
  alertCount: number;
};

/** A sweep's answer before it has run (ran: false, nothing counted); the first pass over history starts from it too. */
export function emptySweepResult(): SweepResult {
  return { ran: false, evaluated: 0, changed: 0, marked: 0, batches: 0, alerts: [], alertCount: 0 };
}

export async function sweepSla(pool: pg.Pool, now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const { batchSize, eventLagMs } = { ...SWEEP_DEFAULTS, ...options };
  const result = emptySweepResult();
  return withClient(pool, async (client) => {
    const {
      rows: [lock],
    } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [SWEEP_LOCK]);
    if (!lock.ok) {
      return result;
    }
    try {
      result.ran = true;
      const {
        rows: [state],
      } = await client.query<{ events_seen_until: Date | null; db_now: Date }>(sql('sla/sweep_state'));
      const eventsSince = state.events_seen_until ? new Date(state.events_seen_until.getTime() - eventLagMs) : null;
      for (let after = 0; ;) {
        const { rows } = await client.query<{ id: number }>(sql('sla/sweep_candidates'), [
          now,
          eventsSince,
          after,
          batchSize,
        ]);
        if (!rows.length) {
          break;
        }
        const ids = rows.map((r) => r.id);
        const r = await transactionOn(client, (c) => refreshSla(c, ids, now));
        result.evaluated += r.evaluated;
        result.changed += r.changed;
        result.marked += r.marked;
        result.alertCount += r.alerts.length;
        result.alerts.push(...r.alerts.slice(0, Math.max(0, MAX_REPORTED_ALERTS - result.alerts.length)));
        result.batches++;
        after = ids[ids.length - 1];
        if (rows.length < batchSize) {
          break;
        }
      }
      await client.query(sql('sla/sweep_done'), [now, state.db_now]);
      return result;
    } finally {
      // A session that died released its lock with it; one that could not release it is discarded.
      await client.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK]).catch(() => markUnusable(client));
    }
  });
}
