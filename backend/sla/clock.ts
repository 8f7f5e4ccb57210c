// A request's SLA clock: first-response and resolution targets under the policy's calendar, pauses
// excluded. Pure: everything it needs is passed in, `now` included.
//
// Semantics (the choices the issue left open are marked ◆):
// - Both targets count business time from created_at. A start outside opening hours begins at the next
//   opening. Due = the instant the target's business minutes have elapsed, pauses excluded.
// - Pauses: time in the policy's pause_statuses (on_hold by default) does not count, for either target.
//   ◆ A request paused right now: state "paused", its open pause taken to end now, so the due times are
//   "if it resumed now" (they move forward while the pause lasts; a refresh re-projects them). A paused
//   request cannot breach while paused; one already breached stays "breached".
// - ◆ Reopen: the time from a resolution (resolved or closed) to the reopening does not count for the
//   resolution target (treated as a pause); the clock resumes where it stopped and the request is judged
//   at its final resolution. The first-response target is untouched by a reopen.
// - Met: done (first response / final resolution) at or before due. Breached: done after due, or still
//   running at or past due; the breach happens at the due instant. Pending: neither yet.
// - ◆ Cancelled: state "cancelled"; each target is judged as of the cancellation (met if done in time,
//   breached if its due passed before the cancellation, else pending), but onTimeOutcome is null: a
//   cancelled request counts in no on-time %. (Matches the rollups' reading of the columns.)
// - Warning: a running target whose business elapsed ≥ warning_pct of its target.
// - ◆ State precedence: cancelled > breached (either target, even a late first response of a request
//   resolved in time) > met (resolved or closed) > paused > warning > in_progress.
// - business_elapsed_pct: business time elapsed (pauses excluded) ÷ the target, × 100, up to the done
//   instant (or the cancellation, or now); may exceed 100. ◆ actual_elapsed_pct: wall-clock time since
//   created ÷ (due − created), × 100. Both rounded to 0.01.
// - ◆ paused_minutes: business minutes the resolution clock stood still in pausing statuses (not
//   counting the resolved→reopened gaps), up to its end (or now). Rounded to 0.01.
// - ◆ A due time from the source system (request.resolution_due_source = 'source', its instant in
//   resolution_due_at): the resolution target's due is that instant as given — the source's own deadline,
//   so neither the calendar nor pauses nor reopens move it. Met: finally resolved at or before it. Both
//   elapsed % are wall-clock time ÷ (due − created); the warning comes at warning_pct of that span. The
//   first-response target keeps the policy's clock.
// - ◆ No first-response clock (request.first_response_clock = false: the source keeps no first-response
//   data): first_response is null — never pending, met, warned or breached — and the state follows the
//   resolution target alone.
// - ◆ A recorded outcome (`recorded`: the due times stored when the request was first evaluated finished — resolved,
//   closed or cancelled; see refresh.ts): for a finished request the targets keep those due times, whatever the
//   calendar says today (a holiday added for a past day, changed hours), so their verdicts and the state are the
//   ones recorded at the close. Only the descriptive figures (business_elapsed_pct, warning_at, paused_minutes) are
//   read on the calendar given. Ignored for a request that is not finished (a reopened one runs again).
import { addBusinessMs, businessMs, businessMsBetween, mergePauses, toMs, type Instant } from './business-time.ts';
import type { Calendar, Interval } from './calendar.ts';
import { DEFAULT_PAUSE_STATUSES, pauseIntervals, type JourneyStep } from './pauses.ts';
import { MINUTE_MS } from './time-zone.ts';

export type SlaState = 'in_progress' | 'warning' | 'breached' | 'met' | 'paused' | 'cancelled';
export const SLA_STATES: readonly SlaState[] = ['in_progress', 'warning', 'breached', 'met', 'paused', 'cancelled'];
export type TargetStatus = 'met' | 'breached' | 'pending';
export type TargetName = 'first_response' | 'resolution';
export const TARGETS: readonly TargetName[] = ['first_response', 'resolution'];

export type SlaRequest = {
  created_at: Instant;
  first_response_at: Instant | null;
  resolved_at: Instant | null;
  closed_at: Instant | null;
  cancelled_at: Instant | null;
  status: string;
  /** 'source': resolution_due_at is the source system's due time, kept as given (absent: 'policy'). */
  resolution_due_source?: string;
  resolution_due_at?: Instant | null;
  /** false: the source keeps no first-response data, so there is no first-response clock (absent: true). */
  first_response_clock?: boolean;
};

export type SlaPolicy = {
  first_response_minutes: number;
  resolution_minutes: number;
  warning_pct: number;
  pause_statuses?: readonly string[] | null;
};

export type TargetClock = {
  due_at: Date;
  status: TargetStatus;
  business_elapsed_pct: number;
  actual_elapsed_pct: number;
  /** When the target was done (the first response; the final resolution), else null. */
  done_at: Date | null;
  /** When business elapsed reached warning_pct of the target, if it has by the clock's end (or now). */
  warning_at: Date | null;
  /** The breach moment (= due_at) when breached, else null. */
  breached_at: Date | null;
};

export type SlaClock = {
  /** null: the request has no first-response clock. */
  first_response: TargetClock | null;
  resolution: TargetClock;
  state: SlaState;
  paused_minutes: number;
  /** The `now` the clock was computed at. */
  evaluated_at: Date;
  /**
   * The next instant at which the state can change without a new event (a warning or a breach), for
   * open requests; null when nothing can happen until the journey moves.
   */
  next_check_at: Date | null;
};

const FINISHED = new Set(['resolved', 'closed']);
/** Finished for the SLA record: its outcome is recorded at the first evaluation in one of these, and kept after. */
export const FINISHED_STATUSES: readonly string[] = ['resolved', 'closed', 'cancelled'];
const round2 = (x: number) => Math.round(x * 100) / 100;

function clip(spans: readonly Interval[], from: number, to: number): Interval[] {
  return spans
    .map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) }))
    .filter((s) => s.end > s.start);
}

type Evaluated = TargetClock & { warnMoment: number };

function evaluateTarget(
  cal: Calendar,
  created: number,
  minutes: number,
  warningPct: number,
  doneAt: number | null,
  cancelledAt: number | null,
  pauses: readonly Interval[],
  now: number,
  recordedDue: number | null = null
): Evaluated {
  const until = Math.max(created, doneAt ?? cancelledAt ?? now);
  const merged = clip(pauses, created, until);
  const targetMs = Math.round(minutes * MINUTE_MS);
  const warnMs = Math.round((targetMs * warningPct) / 100);
  const due = recordedDue ?? addBusinessMs(created, targetMs, cal, merged);
  const warnMoment = addBusinessMs(created, warnMs, cal, merged);
  const elapsed = businessMsBetween(created, until, cal, merged);
  const status: TargetStatus =
    doneAt !== null ? (doneAt <= due ? 'met' : 'breached') : until >= due ? 'breached' : 'pending';
  return {
    due_at: new Date(due),
    status,
    business_elapsed_pct: round2((elapsed / targetMs) * 100),
    actual_elapsed_pct: round2(((until - created) / (due - created)) * 100),
    done_at: doneAt !== null ? new Date(doneAt) : null,
    warning_at: elapsed >= warnMs ? new Date(warnMoment) : null,
    breached_at: status === 'breached' ? new Date(due) : null,
    warnMoment,
  };
}

/** The resolution target against a fixed due instant from the source system (wall-clock time, no pauses). */
function evaluateSourceTarget(
  created: number,
  due: number,
  warningPct: number,
  doneAt: number | null,
  cancelledAt: number | null,
  now: number
): Evaluated {
  const until = Math.max(created, doneAt ?? cancelledAt ?? now);
  const span = Math.max(1, due - created);
  const warnMoment = created + Math.round((span * warningPct) / 100);
  const status: TargetStatus =
    doneAt !== null ? (doneAt <= due ? 'met' : 'breached') : until >= due ? 'breached' : 'pending';
  const pct = round2(((until - created) / span) * 100);
  return {
    due_at: new Date(due),
    status,
    business_elapsed_pct: pct,
    actual_elapsed_pct: pct,
    done_at: doneAt !== null ? new Date(doneAt) : null,
    warning_at: until >= warnMoment ? new Date(warnMoment) : null,
    breached_at: status === 'breached' ? new Date(due) : null,
    warnMoment,
  };
}

/** The source system's due time of a request, when it has one. */
export function sourceDueMs(request: SlaRequest): number | null {
  return request.resolution_due_source === 'source' && request.resolution_due_at
    ? toMs(request.resolution_due_at)
    : null;
}

/** The due times recorded for a finished request (the stored columns); null: none recorded for that target. */
export type RecordedDue = { first_response_due_at: Instant | null; resolution_due_at: Instant | null };

/**
 * The SLA clock of a request at `now`. `events` is the journey in order (occurred_at, then id). `recorded`: the
 * due times recorded at its close, kept when the request is finished (see the semantics above).
 */
export function slaClock(
  request: SlaRequest,
  events: readonly JourneyStep[],
  policy: SlaPolicy,
  calendar: Calendar,
  now: Instant,
  recorded: RecordedDue | null = null
): SlaClock {
  const nowMs = toMs(now);
  const created = toMs(request.created_at);
  const pauseStatuses = policy.pause_statuses ?? DEFAULT_PAUSE_STATUSES;
  const lastEventAt = events.length ? toMs(events[events.length - 1].occurred_at) : created;
  const cancelled = request.status === 'cancelled';
  const finished = FINISHED.has(request.status);
  const cancelledAt = cancelled ? (request.cancelled_at !== null ? toMs(request.cancelled_at) : lastEventAt) : null;
  const finishedAt = finished ? toMs(request.resolved_at ?? request.closed_at ?? lastEventAt) : null;
  // A resolution is a response: journeys set first_response_at by then; this covers rows that did not.
  const respondedAt = request.first_response_at !== null ? toMs(request.first_response_at) : finishedAt;

  const kept = cancelled || finished ? recorded : null;
  const keptFr = kept?.first_response_due_at ? toMs(kept.first_response_due_at) : null;
  const keptRes = kept?.resolution_due_at ? toMs(kept.resolution_due_at) : null;

  const holds = mergePauses(pauseIntervals(events, pauseStatuses, nowMs));
  const stops = mergePauses(pauseIntervals(events, [...pauseStatuses, ...FINISHED], nowMs));
  const fr =
    request.first_response_clock === false
      ? null
      : evaluateTarget(
          calendar,
          created,
          policy.first_response_minutes,
          policy.warning_pct,
          respondedAt,
          cancelledAt,
          holds,
          nowMs,
          keptFr
        );
  const sourceDue = sourceDueMs(request);
  const res =
    sourceDue !== null
      ? evaluateSourceTarget(created, sourceDue, policy.warning_pct, finishedAt, cancelledAt, nowMs)
      : evaluateTarget(
          calendar,
          created,
          policy.resolution_minutes,
          policy.warning_pct,
          finishedAt,
          cancelledAt,
          stops,
          nowMs,
          keptRes
        );

  const paused = !cancelled && !finished && pauseStatuses.includes(request.status);
  const targets = fr === null ? [res] : [fr, res];
  const running = targets.filter((t) => t.status === 'pending' && t.done_at === null);
  let state: SlaState;
  if (cancelled) {
    state = 'cancelled';
  } else if (targets.some((t) => t.status === 'breached')) {
    state = 'breached';
  } else if (finished) {
    state = 'met';
  } else if (paused) {
    state = 'paused';
  } else if (running.some((t) => t.warning_at !== null)) {
    state = 'warning';
  } else {
    state = 'in_progress';
  }

  let next: number | null = null;
  if (!cancelled && !finished) {
    for (const t of running) {
      const moments = t.warning_at === null ? [t.warnMoment, t.due_at.getTime()] : [t.due_at.getTime()];
      for (const m of moments) {
        if (next === null || m < next) {
          next = m;
        }
      }
    }
  }

  const resUntil = Math.max(created, finishedAt ?? cancelledAt ?? nowMs);
  const pausedMs = clip(holds, created, resUntil).reduce((sum, h) => sum + businessMs(calendar, h.start, h.end), 0);
  const strip = ({ warnMoment, ...t }: Evaluated): TargetClock => {
    void warnMoment;
    return t;
  };
  return {
    first_response: fr === null ? null : strip(fr),
    resolution: strip(res),
    state,
    paused_minutes: round2(pausedMs / MINUTE_MS),
    evaluated_at: new Date(nowMs),
    next_check_at: next === null ? null : new Date(next),
  };
}

/**
 * Whether a target counts as on time: 'met' or 'breached' once the request is finished (done) or past
 * due; null while open and not yet due (an open request not yet due is never late), while paused (it
 * cannot breach while paused), and always for a cancelled request or a target the request has no clock for. `now` may be later than the clock's
 * evaluation (an open request passes its due time); for a paused clock re-evaluate instead.
 *
 * The same rule over the stored columns (see stored-outcome.ts): cancelled or no due → null; done → met
 * if done ≤ due else breached; open → breached if due ≤ now, else null.
 */
export function onTimeOutcome(
  clock: SlaClock,
  now: Instant,
  target: TargetName = 'resolution'
): 'met' | 'breached' | null {
  const t = clock[target];
  if (clock.state === 'cancelled' || t === null) {
    return null;
  }
  if (t.done_at !== null || t.status === 'breached') {
    return t.status === 'pending' ? null : t.status;
  }
  if (clock.state === 'paused') {
    return null;
  }
  return toMs(now) >= t.due_at.getTime() ? 'breached' : null;
}
