// One batch of requests evaluated at `now` (pure: rows, journeys and calendars in, what to write out): the clock of
// each (clock.ts, the one SLA truth), the columns to store, the requests whose on-time outcome changed as the
// rollups read it, and the warnings and breaches to record. Shared by refreshSla (refresh.ts: the ordinary sweep
// and single refreshes) and the first pass over a history (history-sweep.ts), so both write the same thing; the demo
// and the import evaluate each request they write with evaluateRequest (clocks-at-load.ts).
import { alertsOf, type SlaAlert } from './alerts.ts';
import { toMs, type Instant } from './business-time.ts';
import type { Calendar } from './calendar.ts';
import {
  FINISHED_STATUSES,
  slaClock,
  type RecordedDue,
  type SlaPolicy,
  type SlaRequest,
  type SlaState,
} from './clock.ts';
import type { JourneyStep } from './pauses.ts';
import { storedOutcomeChanged, type StoredSla } from './stored-outcome.ts';
import { lookup } from '../domain/lookup.ts';

export type RequestRow = StoredSla & {
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

/** The parameters of write_clocks.sql and insert_alerts.sql, one array per column. */
export type EvaluatedBatch = {
  write: {
    id: number[];
    frDue: Array<string | null>;
    resDue: string[];
    state: string[];
    evaluatedAt: string[];
    next: Array<string | null>;
    recorded: Array<string | null>;
  };
  /** requests whose on-time outcome, as the rollups read it, changed */
  marks: number[];
  alerts: { id: number[]; kind: string[]; target: string[]; at: string[] };
  /** requests whose due times or state changed */
  changed: number;
};

/** Whether a stored instant (as read) and a computed one are the same, both possibly null. */
const same = (stored: Instant | null, computed: Date | null) =>
  (stored === null ? null : toMs(stored)) === (computed?.getTime() ?? null);

/** What evaluateRequest reads of a request: the fields its clock reads, its policy's, and its recorded due times. */
export type ClockInput = SlaRequest & SlaPolicy & RecordedDue & { sla_recorded_at: Date | null };

/** What one request's evaluation writes: its SLA columns and the warnings and breaches to record. */
export type Evaluation = {
  frDue: Date | null;
  resDue: Date;
  state: SlaState;
  next: Date | null;
  /** sla_recorded_at: when a finished request's outcome was recorded (now, or as it was), null while open */
  recorded: Date | null;
  alerts: SlaAlert[];
};

/**
 * One request evaluated at `now`: the one SLA truth for a request's stored columns, evaluateBatch's and the loaders'
 * (clocks-at-load.ts).
 */
export function evaluateRequest(
  row: ClockInput,
  journey: readonly JourneyStep[],
  calendar: Calendar,
  now: Date
): Evaluation {
  // A finished request whose outcome is recorded keeps its due times (and so its verdict): later calendar, holiday
  // or policy changes never move it. A reopened request (open again) runs on today's calendar and records anew
  // when it finishes again.
  const finished = FINISHED_STATUSES.includes(row.status);
  const kept = finished && row.sla_recorded_at !== null;
  const clock = slaClock(row, journey, row, calendar, now, kept ? row : null);
  return {
    frDue: clock.first_response?.due_at ?? null,
    resDue: clock.resolution.due_at,
    state: clock.state,
    next: clock.next_check_at,
    recorded: finished ? (row.sla_recorded_at ?? now) : null,
    // Its warnings and breaches were recorded when it finished (a recorded clock reads its warning on today's calendar).
    alerts: kept ? [] : alertsOf(clock),
  };
}

export function evaluateBatch(
  rows: readonly RequestRow[],
  journeys: ReadonlyMap<number, JourneyStep[]>,
  calendars: ReadonlyMap<string, Calendar>,
  now: Date
): EvaluatedBatch {
  const evaluatedAt = now.toISOString();
  const out: EvaluatedBatch = {
    write: { id: [], frDue: [], resDue: [], state: [], evaluatedAt: [], next: [], recorded: [] },
    marks: [],
    alerts: { id: [], kind: [], target: [], at: [] },
    changed: 0,
  };
  const { write, alerts } = out;
  for (const row of rows) {
    const e = evaluateRequest(row, journeys.get(row.id) ?? [], lookup(calendars, row.calendar_code, 'calendars'), now);
    if (
      !same(row.first_response_due_at, e.frDue) ||
      !same(row.resolution_due_at, e.resDue) ||
      row.sla_state !== e.state ||
      !same(row.sla_next_check_at, e.next)
    ) {
      out.changed++;
    }
    const after: StoredSla = {
      ...row,
      first_response_due_at: e.frDue,
      resolution_due_at: e.resDue,
      sla_evaluated_at: now,
    };
    if (storedOutcomeChanged(row, after)) {
      out.marks.push(row.id);
    }
    write.id.push(row.id);
    write.frDue.push(e.frDue?.toISOString() ?? null);
    write.resDue.push(e.resDue.toISOString());
    write.state.push(e.state);
    write.evaluatedAt.push(evaluatedAt);
    write.next.push(e.next?.toISOString() ?? null);
    write.recorded.push(e.recorded?.toISOString() ?? null);
    for (const a of e.alerts) {
      alerts.id.push(row.id);
      alerts.kind.push(a.kind);
      alerts.target.push(a.target);
      alerts.at.push(a.at.toISOString());
    }
  }
  return out;
}

/** write_clocks.sql's parameters. */
export const writeClocksParams = ({ write: w }: EvaluatedBatch) => [
  w.id,
  w.frDue,
  w.resDue,
  w.state,
  w.evaluatedAt,
  w.next,
  w.recorded,
];
/** insert_alerts.sql's parameters. */
export const insertAlertsParams = ({ alerts: a }: EvaluatedBatch) => [a.id, a.kind, a.target, a.at];
