// The SLA sweep's first pass over a history (after `import-requests` or `generate-demo`; `services360 sla-history`):
// the same requests, clocks, outcomes, marks and alerts as sweepSla (sweep.ts) — the candidates of
// sweep_candidates.sql, each evaluated by evaluate-batch.ts, the one SLA truth — written faster:
//   - much larger batches (config slaHistoryBatchSize; one transaction each);
//   - the journeys of a batch read by id range (one index range scan) instead of a lookup per id;
//   - the instants of its requests and journeys read by db/timestamptz.ts (pg's reader was its largest cost in Node);
//   - its clocks written by ONE UPDATE … FROM unnest and its alerts by one INSERT … SELECT unnest, as before;
//   - the rollup marks written only where a request is not pending already (a history just loaded is all pending,
//     so nothing is rewritten): the pass holds the rollup job's advisory lock (as the bulk build does), so no rollup
//     run claims a mark between its reading and its commit;
//   - `writers` batches side by side, so the clock evaluation in Node of one overlaps the database work of another.
// It holds the sweep's lock too (the scheduled sweep skips its ticks meanwhile) and records a complete sweep at the
// end, as sweepSla does; a pass that fails leaves the watermark where it was (its committed batches stay: a
// sweep or another pass takes the rest). tests/integration/sla-history-sweep.test.ts compares it with sweepSla.
import type pg from 'pg';
import { SETTINGS } from '../config.ts';
import { sql } from '../db/sql.ts';
import { FAST_TIMESTAMPTZ } from '../db/timestamptz.ts';
import { markUnusable, transactionOn, withClient } from '../db/transaction.ts';
import { jobLockKey } from '../jobs/run-once.ts';
import { ROLLUP_JOB } from '../rollups/apply.ts';
import { evaluateBatch, insertAlertsParams, writeClocksParams, type RequestRow } from './evaluate-batch.ts';
import { groupJourneys, loadCalendars } from './load.ts';
import { emptySweepResult, SWEEP_DEFAULTS, SWEEP_LOCK, type SweepResult } from './sweep.ts';

export type HistorySweepProgress = { evaluated: number; batches: number; upToId: number; lastId: number };

export type HistorySweepOptions = {
  /** requests per transaction (default: config slaHistoryBatchSize's) */
  batchSize?: number;
  /** batches in flight at once, each on a connection of its own (default: config slaHistoryWriters's) */
  writers?: number;
  /** as SweepOptions.eventLagMs */
  eventLagMs?: number;
  /** called after each committed batch */
  onProgress?: (p: HistorySweepProgress) => void;
};

/** A batch: its candidates, in id order, and the id range they lie in. */
type Range = { after: number; upTo: number; ids: number[] };
type BatchResult = { evaluated: number; changed: number; marked: number; alerts: number };

async function historyBatch(client: pg.PoolClient, range: Range, now: Date): Promise<BatchResult> {
  // A batch is bounded by its size, not by the API's statement timeout.
  await client.query(`SELECT set_config('statement_timeout', '0', true)`);
  const { rows } = await client.query<RequestRow>({
    text: sql('sla/load_requests'),
    values: [range.ids],
    types: FAST_TIMESTAMPTZ,
  });
  if (!rows.length) {
    return { evaluated: 0, changed: 0, marked: 0, alerts: 0 };
  }
  const [{ rows: journeyRows }, calendars] = await Promise.all([
    client.query({
      text: sql('sla/load_history_journeys'),
      values: [range.after, range.upTo],
      types: FAST_TIMESTAMPTZ,
    }),
    loadCalendars(client, [...new Set(rows.map((r) => r.calendar_code))]),
  ]);
  const batch = evaluateBatch(rows, groupJourneys(journeyRows), calendars, now);
  await client.query(sql('sla/write_clocks'), writeClocksParams(batch));
  if (batch.marks.length) {
    await client.query(sql('sla/mark_rollups_once'), [batch.marks]);
  }
  const alerts = batch.alerts.id.length
    ? ((await client.query(sql('sla/insert_alerts'), insertAlertsParams(batch))).rowCount ?? 0)
    : 0;
  return { evaluated: rows.length, changed: batch.changed, marked: batch.marks.length, alerts };
}

/**
 * The first pass over a history at `now`. Its answer counts as sweepSla's does (`marked`: requests whose on-time
 * outcome changed, whether marked now or pending already); it lists no alerts (`alertCount` counts them; they are
 * all in sla_alerts). ran: false when another sweep held the sweep's lock.
 */
export async function sweepSlaHistory(
  pool: pg.Pool,
  now: Date,
  options: HistorySweepOptions = {}
): Promise<SweepResult> {
  const batchSize = Math.max(1, options.batchSize ?? SETTINGS.slaHistoryBatchSize.default);
  // One connection holds the locks; the writers take the rest of the pool, if it is smaller than they would like.
  const writers = Math.max(
    1,
    Math.min(options.writers ?? SETTINGS.slaHistoryWriters.default, (pool.options.max ?? 10) - 1)
  );
  const eventLagMs = options.eventLagMs ?? SWEEP_DEFAULTS.eventLagMs;
  const result = emptySweepResult();
  return withClient(pool, async (lockClient) => {
    const {
      rows: [lock],
    } = await lockClient.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [SWEEP_LOCK]);
    if (!lock.ok) {
      return result;
    }
    const rollupLock = jobLockKey(ROLLUP_JOB);
    try {
      result.ran = true;
      // Waits for a rollup run (or bulk build) going on; the scheduled rollup job skips its ticks meanwhile.
      await lockClient.query('SELECT pg_advisory_lock($1)', [rollupLock]);
      const {
        rows: [state],
      } = await lockClient.query<{ events_seen_until: Date | null; db_now: Date }>(sql('sla/sweep_state'));
      const eventsSince = state.events_seen_until ? new Date(state.events_seen_until.getTime() - eventLagMs) : null;

      // The batches' candidates, one batch after the other (read on the lock's session); the batches, `writers` at once.
      let cursor = 0;
      let exhausted = false;
      let failed = false;
      let ranges: Promise<unknown> = Promise.resolve();
      const nextRange = (): Promise<Range | null> => {
        const next = ranges.then(async () => {
          if (exhausted || failed) {
            return null;
          }
          const { rows } = await lockClient.query<{ id: number }>(sql('sla/sweep_candidates'), [
            now,
            eventsSince,
            cursor,
            batchSize,
          ]);
          if (!rows.length) {
            exhausted = true;
            return null;
          }
          const range = { after: cursor, upTo: rows[rows.length - 1].id, ids: rows.map((r) => r.id) };
          cursor = range.upTo;
          if (rows.length < batchSize) {
            exhausted = true;
          }
          return range;
        });
        ranges = next.catch(() => {});
        return next;
      };
      // Each writer keeps one connection for the whole pass.
      const writer = () =>
        withClient(pool, async (client) => {
          for (let range = await nextRange(); range; range = await nextRange()) {
            const batch = range;
            const r = await transactionOn(client, (t) => historyBatch(t, batch, now));
            result.evaluated += r.evaluated;
            result.changed += r.changed;
            result.marked += r.marked;
            result.alertCount += r.alerts;
            result.batches++;
            options.onProgress?.({
              evaluated: result.evaluated,
              batches: result.batches,
              upToId: range.upTo,
              lastId: cursor,
            });
          }
        });
      const outcomes = await Promise.allSettled(
        Array.from({ length: writers }, () =>
          writer().catch((err) => {
            failed = true;
            throw err;
          })
        )
      );
      const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failure) {
        throw failure.reason;
      }
      await lockClient.query(sql('sla/sweep_done'), [now, state.db_now]);
      return result;
    } finally {
      // A session that died released its locks with it; one that could not release them is discarded.
      await lockClient
        .query('SELECT pg_advisory_unlock($1), pg_advisory_unlock($2)', [rollupLock, SWEEP_LOCK])
        .catch(() => markUnusable(lockClient));
    }
  });
}
