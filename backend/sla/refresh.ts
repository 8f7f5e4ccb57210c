// Evaluates the SLA clocks of some requests and stores them: due times, state, when evaluated and the
// next moment the state can change; marks the requests whose on-time outcome changed for the rollup job;
// records the warnings and breaches the clocks show (once each). The thin I/O around clock.ts.
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';
import { alertsOf, type AlertKind } from './alerts.ts';
import { CalendarError, compileCalendar, type Calendar, type WeeklyHours } from './calendar.ts';
import { FINISHED_STATUSES, slaClock, type SlaState, type TargetName } from './clock.ts';
import type { JourneyStep } from './pauses.ts';
import { storedOutcomeChanged, type StoredSla } from './stored-outcome.ts';

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

type RequestRow = StoredSla & {
  id: number;
  created_at: Date;
  cancelled_at: Date | null;
  sla_state: SlaState;
  sla_next_check_at: Date | null;
  first_response_minutes: number;
  resolution_minutes: number;
  warning_pct: number;
  pause_statuses: string[];
  calendar_code: string;
  resolution_due_source: string;
  first_response_clock: boolean;
  sla_recorded_at: Date | null;
};


type CalendarRow = { code: string; timezone: string; weekly_hours: WeeklyHours; holidays: string[] };

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const isClient = (db: Db): db is pg.PoolClient => 'release' in db;

/**
 * Evaluates the requests `requestIds` at `now` and writes their SLA columns. Given a pool it runs in its
 * own transaction; given a client, inside the caller's (which it must have begun). Requests without an
 * SLA policy, or unknown ids, are left alone.
 */
export async function refreshSla(db: Db, requestIds: readonly number[], now: Date): Promise<RefreshResult> {
  const ids = [...new Set(requestIds)].sort((a, b) => a - b);
  if (!ids.length) return { evaluated: 0, changed: 0, marked: 0, alerts: [] };
  return isClient(db) ? refreshWith(db, ids, now) : inTransaction(db, (client) => refreshWith(client, ids, now));
}

async function refreshWith(client: pg.PoolClient, ids: number[], now: Date): Promise<RefreshResult> {
  const { rows } = await client.query<RequestRow>(sql('sla/load_requests'), [ids]);
  if (!rows.length) return { evaluated: 0, changed: 0, marked: 0, alerts: [] };
  const found = rows.map((r) => r.id);
  const [journeys, calendars] = await Promise.all([
    loadJourneys(client, found),
    loadCalendars(client, [...new Set(rows.map((r) => r.calendar_code))]),
  ]);

  const write = { id: [] as number[], frDue: [] as (string | null)[], resDue: [] as string[], state: [] as string[], next: [] as (string | null)[],
    recorded: [] as (string | null)[] };
  const marks: number[] = [];
  const alerts = { id: [] as number[], kind: [] as string[], target: [] as string[], at: [] as string[] };
  let changed = 0;
  for (const row of rows) {
    // A finished request whose outcome is recorded keeps its due times (and so its verdict): later calendar, holiday
    // or policy changes never move it. A reopened request (open again) runs on today's calendar and records anew
    // when it finishes again.
    const finished = FINISHED_STATUSES.includes(row.status);
    const kept = finished && row.sla_recorded_at !== null;
    const clock = slaClock(row, journeys.get(row.id) ?? [], row, calendars.get(row.calendar_code)!, now, kept ? row : null);
    const frDue = clock.first_response?.due_at ?? null;
    const after: StoredSla = { ...row, first_response_due_at: frDue, resolution_due_at: clock.resolution.due_at, sla_evaluated_at: now };
    if (!same(row.first_response_due_at as Date | null, frDue) || !same(row.resolution_due_at as Date | null, clock.resolution.due_at)
      || row.sla_state !== clock.state || !same(row.sla_next_check_at, clock.next_check_at)) changed++;
    if (storedOutcomeChanged(row, after)) marks.push(row.id);
    write.id.push(row.id);
    write.frDue.push(frDue?.toISOString() ?? null);
    write.resDue.push(clock.resolution.due_at.toISOString());
    write.state.push(clock.state);
    write.next.push(clock.next_check_at?.toISOString() ?? null);
    write.recorded.push(finished ? (row.sla_recorded_at ?? now).toISOString() : null);
    // Its warnings and breaches were recorded when it finished (a recorded clock reads its warning on today's calendar).
    if (!kept) for (const a of alertsOf(clock)) {
      alerts.id.push(row.id); alerts.kind.push(a.kind); alerts.target.push(a.target); alerts.at.push(a.at.toISOString());
    }
  }
  const evaluatedAt = now.toISOString();
  await client.query(sql('sla/write_clocks'), [write.id, write.frDue, write.resDue, write.state, write.id.map(() => evaluatedAt), write.next, write.recorded]);
  if (marks.length) await client.query(sql('sla/mark_rollups'), [marks]);
  let recorded: RecordedAlert[] = [];
  if (alerts.id.length) {
    const { rows: inserted } = await client.query<RecordedAlert>(sql('sla/insert_alerts'), [alerts.id, alerts.kind, alerts.target, alerts.at]);
    recorded = inserted.sort((a, b) => a.request_id - b.request_id || a.at.getTime() - b.at.getTime());
  }
  return { evaluated: rows.length, changed, marked: marks.length, alerts: recorded };
}

async function loadJourneys(client: pg.PoolClient, ids: number[]): Promise<Map<number, JourneyStep[]>> {
  const { rows } = await client.query<{ request_id: number; to_status: string; occurred_at: Date }>(sql('sla/load_journeys'), [ids]);
  const out = new Map<number, JourneyStep[]>();
  for (const r of rows) {
    let list = out.get(r.request_id);
    if (!list) { list = []; out.set(r.request_id, list); }
    list.push({ to_status: r.to_status, occurred_at: r.occurred_at });
  }
  return out;
}

async function loadCalendars(client: pg.PoolClient, codes: string[]): Promise<Map<string, Calendar>> {
  const { rows } = await client.query<CalendarRow>(sql('sla/load_calendars'), [codes]);
  const out = new Map<string, Calendar>();
  for (const r of rows) {
    try {
      out.set(r.code, compileCalendar({ code: r.code, timezone: r.timezone, weekly_hours: r.weekly_hours, holidays: r.holidays }));
    } catch (err) {
      if (err instanceof CalendarError) throw new CalendarError(`calendar "${r.code}": ${err.message}`);
      throw err;
    }
  }
  for (const code of codes) if (!out.has(code)) throw new CalendarError(`calendar "${code}" not found`);
  return out;
}
