// Evaluates the SLA clocks of some requests and stores them: due times, state, when evaluated and the
// next moment the state can change; marks the requests whose on-time outcome changed for the rollup job;
// records the warnings and breaches the clocks show (once each). The thin I/O around clock.ts.
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';
import type { AlertKind } from './alerts.ts';
import type { TargetName } from './clock.ts';
import { evaluateBatch, insertAlertsParams, writeClocksParams, type RequestRow } from './evaluate-batch.ts';
import { loadCalendars, loadJourneys } from './load.ts';

export type Db = pg.Pool | pg.PoolClient;

export type RecordedAlert = { request_id: number; kind: AlertKind; target: TargetName; at: Date };

export type RefreshResult = {
  /** Requests evaluated (those with an SLA policy among the ids given). */
  evaluated: number;
  /** Requests whose due times or state changed. */
  changed: number;
  /** Requests marked for the rollup job (their on-time outcome, as the rollups read it, changed). */
  marked: number;
  /** Warnings and breaches recorded now for the first time. */
  alerts: RecordedAlert[];
};

const isClient = (db: Db): db is pg.PoolClient => 'release' in db;

/**
 * Evaluates the requests `requestIds` at `now` and writes their SLA columns. Given a pool it runs in its
 * own transaction; given a client, inside the caller's (which it must have begun). Requests without an
 * SLA policy, or unknown ids, are left alone.
 */
export async function refreshSla(db: Db, requestIds: readonly number[], now: Date): Promise<RefreshResult> {
  const ids = [...new Set(requestIds)].sort((a, b) => a - b);
  if (!ids.length) {
    return { evaluated: 0, changed: 0, marked: 0, alerts: [] };
  }
  return isClient(db) ? refreshWith(db, ids, now) : inTransaction(db, (client) => refreshWith(client, ids, now));
}

async function refreshWith(client: pg.PoolClient, ids: number[], now: Date): Promise<RefreshResult> {
  const { rows } = await client.query<RequestRow>(sql('sla/load_requests'), [ids]);
  if (!rows.length) {
    return { evaluated: 0, changed: 0, marked: 0, alerts: [] };
  }
  const found = rows.map((r) => r.id);
  const [journeys, calendars] = await Promise.all([
    loadJourneys(client, found),
    loadCalendars(client, [...new Set(rows.map((r) => r.calendar_code))]),
  ]);

  const batch = evaluateBatch(rows, journeys, calendars, now);
  await client.query(sql('sla/write_clocks'), writeClocksParams(batch));
  if (batch.marks.length) {
    await client.query(sql('sla/mark_rollups'), [batch.marks]);
  }
  let recorded: RecordedAlert[] = [];
  if (batch.alerts.id.length) {
    const { rows: inserted } = await client.query<RecordedAlert>(sql('sla/insert_alerts'), insertAlertsParams(batch));
    recorded = inserted.sort((a, b) => a.request_id - b.request_id || a.at.getTime() - b.at.getTime());
  }
  return { evaluated: rows.length, changed: batch.changed, marked: batch.marks.length, alerts: recorded };
}
