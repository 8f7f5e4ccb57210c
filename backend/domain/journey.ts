// The request journey's state machine, as pure functions:
//   received → assigned → in_progress ⇄ on_hold; in_progress → resolved → closed;
//   resolved | closed → in_progress (reopen); any open status → cancelled.
// A closed or cancelled request is final: an event without a status may add a note (and, when closed,
// the customer's satisfaction) but changes nothing of the journey — no progress, stage, advisor or
// first response; only a reopening (closed → in_progress) moves it again.
import type { Stage, Status } from './reference.ts';

export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  received: ['assigned', 'cancelled'],
  assigned: ['assigned', 'in_progress', 'cancelled'],
  in_progress: ['in_progress', 'on_hold', 'resolved', 'cancelled'],
  on_hold: ['in_progress', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
  cancelled: [],
};

export type EventKind =
  | 'received'
  | 'assigned'
  | 'first_response'
  | 'stage'
  | 'on_hold'
  | 'resumed'
  | 'resolved'
  | 'closed'
  | 'reopened'
  | 'cancelled'
  | 'note';

export type RequestState = {
  status: Status;
  stage: string;
  progress_pct: number;
  created_at: string;
  first_response_at: string | null;
  last_event_at: string;
};

export type EventChange = {
  status?: Status;
  stage?: Stage;
  progress_pct?: number;
  first_response?: boolean;
  satisfaction?: number;
  /** true when the event names an advisor (which reassigns the request) */
  advisor?: boolean;
  occurred_at: string;
};

export type EventOutcome = {
  kind: EventKind;
  to_status: Status;
  stage: string;
  progress_pct: number;
  first_response_at: string | null;
  /** undefined: unchanged; null: cleared. */
  resolved_at?: string | null;
  closed_at?: string | null;
  cancelled_at?: string | null;
  satisfaction?: number;
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: Status,
    readonly to: Status,
    readonly allowed: readonly Status[]
  ) {
    super(
      `cannot go from "${from}" to "${to}"; allowed from "${from}": ${allowed.length ? allowed.join(', ') : 'none (final)'}`
    );
  }
}
/** An event that would change a closed or cancelled request other than by reopening it. */
export class FinalStatusError extends Error {
  constructor(
    readonly status: Status,
    readonly fields: string[]
  ) {
    super(
      status === 'closed'
        ? `the request is closed: ${fields.join(', ')} cannot change; reopen it first (status "in_progress"), or send only a note or satisfaction`
        : `the request is cancelled: ${fields.join(', ')} cannot change; a cancelled request is final (a note may still be added)`
    );
  }
}
export const FINAL_STATUSES: ReadonlySet<Status> = new Set(['closed', 'cancelled']);

export class EventInputError extends Error {
  constructor(
    readonly path: string,
    message: string
  ) {
    super(message);
  }
}

const RESPONDS: ReadonlySet<EventKind> = new Set(['first_response', 'stage', 'on_hold', 'resolved']);

function kindOf(from: Status, to: Status, change: EventChange): EventKind {
  if (to === from) {
    if (change.status === undefined && change.stage === undefined) {
      return change.first_response ? 'first_response' : 'note';
    }
    return to === 'assigned' ? 'assigned' : 'stage';
  }
  switch (to) {
    case 'assigned':
      return 'assigned';
    case 'on_hold':
      return 'on_hold';
    case 'resolved':
      return 'resolved';
    case 'closed':
      return 'closed';
    case 'cancelled':
      return 'cancelled';
    case 'in_progress':
      return from === 'on_hold' ? 'resumed' : from === 'resolved' || from === 'closed' ? 'reopened' : 'stage';
    default:
      return 'stage';
  }
}

/** Applies one event to a request's state, or throws IllegalTransitionError / EventInputError. */
export function applyEvent(state: RequestState, change: EventChange): EventOutcome {
  const t = Date.parse(change.occurred_at);
  if (t < Date.parse(state.created_at)) {
    throw new EventInputError('occurred_at', `is before the request was created (${state.created_at})`);
  }
  if (t < Date.parse(state.last_event_at)) {
    throw new EventInputError('occurred_at', `is before the journey's last event (${state.last_event_at})`);
  }
  if (change.stage && change.status && change.stage.status_code !== change.status) {
    throw new EventInputError(
      'stage',
      `stage "${change.stage.code}" belongs to status "${change.stage.status_code}", not "${change.status}"`
    );
  }
  const from = state.status;
  const to: Status = change.status ?? change.stage?.status_code ?? from;
  const statusChanges = change.status !== undefined || change.stage !== undefined;
  if (statusChanges && !TRANSITIONS[from].includes(to)) {
    throw new IllegalTransitionError(from, to, TRANSITIONS[from]);
  }
  if (!statusChanges && FINAL_STATUSES.has(from)) {
    const fields = [
      change.progress_pct !== undefined && change.progress_pct !== state.progress_pct ? 'progress_pct' : '',
      change.first_response ? 'first_response' : '',
      change.advisor ? 'advisor' : '',
    ].filter(Boolean);
    if (fields.length) {
      throw new FinalStatusError(from, fields);
    }
  }
  const kind = kindOf(from, to, change);
  const stage = change.stage?.code ?? (statusChanges ? to : state.stage);
  const stageProgress = change.stage ? change.stage.progress_pct : statusChanges ? DEFAULT_PROGRESS[to] : null;
  const progress = change.progress_pct ?? stageProgress ?? state.progress_pct;
  if (change.satisfaction !== undefined && to !== 'resolved' && to !== 'closed') {
    throw new EventInputError('satisfaction', 'can be given only when the request is resolved or closed');
  }
  const outcome: EventOutcome = {
    kind,
    to_status: to,
    stage,
    progress_pct: progress,
    first_response_at: state.first_response_at ?? (RESPONDS.has(kind) ? change.occurred_at : null),
  };
  if (kind === 'resolved') {
    outcome.resolved_at = change.occurred_at;
  }
  if (kind === 'closed') {
    outcome.closed_at = change.occurred_at;
  }
  if (kind === 'cancelled') {
    outcome.cancelled_at = change.occurred_at;
  }
  if (kind === 'reopened') {
    outcome.resolved_at = null;
    outcome.closed_at = null;
  }
  if (change.satisfaction !== undefined) {
    outcome.satisfaction = change.satisfaction;
  }
  return outcome;
}

/** Progress of a status when no stage says otherwise (null: keep the current progress). */
export const DEFAULT_PROGRESS: Readonly<Record<Status, number | null>> = {
  received: 0,
  assigned: 10,
  in_progress: 30,
  on_hold: null,
  resolved: 95,
  closed: 100,
  cancelled: null,
};
