// The SLA clock of a request as of now, from the SLA engine (backend/sla/clock.ts): due times, state,
// business and actual elapsed %, paused minutes. The stored columns say what the last sweep saw; this
// says what holds at the moment of the read. A finished request whose outcome is recorded (sla_recorded_at) keeps
// the due times recorded at its close, so its verdict and state are the recorded ones whatever today's calendar
// says (recorded: true); only its descriptive figures are read on today's calendar. Pure.
import { CalendarError, compileCalendar } from '../sla/calendar.ts';
import { FINISHED_STATUSES, slaClock, type TargetClock } from '../sla/clock.ts';
import type { EventRow, PolicyRow, RequestRow } from './rows.ts';

export type WireTarget = {
  due_at: string;
  status: string;
  business_elapsed_pct: number;
  actual_elapsed_pct: number;
  done_at: string | null;
  warning_at: string | null;
  breached_at: string | null;
};
export type WireClock = {
  evaluated_at: string;
  state: string;
  paused_minutes: number;
  next_check_at: string | null;
  /** true: judged on the due times recorded at the close */
  recorded: boolean;
  first_response: WireTarget | null;
  resolution: WireTarget;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function target(t: TargetClock): WireTarget {
  return {
    due_at: t.due_at.toISOString(),
    status: t.status,
    business_elapsed_pct: t.business_elapsed_pct,
    actual_elapsed_pct: t.actual_elapsed_pct,
    done_at: iso(t.done_at),
    warning_at: iso(t.warning_at),
    breached_at: iso(t.breached_at),
  };
}

/** null when the calendar cannot be compiled (bad data: the stored fields still answer). */
export function liveClock(
  request: RequestRow,
  events: readonly EventRow[],
  policy: PolicyRow,
  now: Date
): WireClock | null {
  let calendar;
  try {
    calendar = compileCalendar({
      code: policy.calendar_code,
      timezone: policy.timezone,
      weekly_hours: policy.weekly_hours,
      holidays: policy.holidays,
    });
  } catch (err) {
    if (err instanceof CalendarError) {
      return null;
    }
    throw err;
  }
  const recorded = request.sla_recorded_at !== null && FINISHED_STATUSES.includes(request.status);
  const clock = slaClock(
    request,
    events.map((e) => ({ to_status: e.to_status, occurred_at: e.occurred_at })),
    policy,
    calendar,
    now,
    recorded ? request : null
  );
  return {
    evaluated_at: clock.evaluated_at.toISOString(),
    state: clock.state,
    paused_minutes: clock.paused_minutes,
    next_check_at: iso(clock.next_check_at),
    recorded,
    first_response: clock.first_response && target(clock.first_response),
    resolution: target(clock.resolution),
  };
}
