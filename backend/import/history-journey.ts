// A historical row gives a final status and milestone times; this rebuilds the journey that leads
// there (received → assigned → in progress → resolved → closed, or on hold, or cancelled) through
// the same state machine as the events API, so the request ends in exactly the state the API would give it.
//
// Times of the steps (the row carries no more than these):
//   received            created_at
//   assigned, in progress  first_response_at, else the first later milestone (resolved_at, closed_at), else created_at
//   on hold             as in progress
//   resolved            resolved_at, else closed_at
//   closed              closed_at
//   cancelled           cancelled_at, else closed_at (straight from received)
// A row in status received or assigned (or cancelled) with a first_response_at gets a first-response event.
import { applyEvent, type EventChange, type EventKind, type RequestState } from '../domain/journey.ts';
import type { Status } from '../domain/reference.ts';
import type { ErrorDetail } from '../http/errors.ts';
import { readIsoInstant } from '../domain/instant.ts';
import { present } from '../domain/lookup.ts';

export const STATUSES: readonly Status[] = [
  'received',
  'assigned',
  'in_progress',
  'on_hold',
  'resolved',
  'closed',
  'cancelled',
];
export const TIME_FIELDS = ['first_response_at', 'resolved_at', 'closed_at', 'cancelled_at'] as const;
export type TimeField = (typeof TIME_FIELDS)[number];

export type History = {
  status: Status;
  /** ISO 8601 times, already checked to be real */
  created_at: string;
  first_response_at?: string;
  resolved_at?: string;
  closed_at?: string;
  cancelled_at?: string;
  satisfaction?: number;
};

export type JourneyEvent = {
  kind: EventKind;
  from_status: Status | null;
  to_status: Status;
  stage: string;
  progress_pct: number;
  occurred_at: string;
};

export type Journey = {
  /** journeys of the same shape have the same events but for their times */
  shape: string;
  status: Status;
  stage: string;
  progress_pct: number;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  satisfaction: number | null;
  events: JourneyEvent[];
};

/** Which statuses may carry each time. */
const ALLOWED: Record<TimeField, readonly Status[]> = {
  first_response_at: STATUSES,
  resolved_at: ['resolved', 'closed'],
  closed_at: ['closed', 'cancelled'],
  cancelled_at: ['cancelled'],
};

/** An instant in milliseconds (NaN: not one; the schema has named why). */
const msOf = (text: string): number => readIsoInstant(text).ms ?? NaN;

/** Checks the times against the status and each other; returns the problems (field = the time's name). */
export function checkHistory(h: History): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const created = msOf(h.created_at);
  const t: Record<TimeField, number> = { first_response_at: NaN, resolved_at: NaN, closed_at: NaN, cancelled_at: NaN };
  for (const f of TIME_FIELDS) {
    const value = h[f];
    if (value === undefined) {
      continue;
    }
    t[f] = msOf(value);
    if (!ALLOWED[f].includes(h.status)) {
      problems.push({ path: f, message: `is given but the status is "${h.status}"` });
    } else if (t[f] < created) {
      problems.push({ path: f, message: 'is before created_at' });
    }
  }
  if (h.status === 'resolved' && h.resolved_at === undefined) {
    problems.push({ path: 'resolved_at', message: 'is required when the status is "resolved"' });
  }
  if (h.status === 'closed' && h.closed_at === undefined) {
    problems.push({ path: 'closed_at', message: 'is required when the status is "closed"' });
  }
  if (h.status === 'cancelled' && h.cancelled_at === undefined && h.closed_at === undefined) {
    problems.push({ path: 'cancelled_at', message: 'is required when the status is "cancelled"' });
  }
  if (problems.length) {
    return problems;
  }
  // NaN (a time not given) compares false: only given pairs are checked.
  for (const [a, b] of ORDER) {
    if (t[a] > t[b]) {
      problems.push({ path: a, message: `is after ${b}` });
    }
  }
  if (h.satisfaction !== undefined && h.status !== 'resolved' && h.status !== 'closed') {
    problems.push({ path: 'satisfaction', message: 'can be given only when the request is resolved or closed' });
  }
  return problems;
}

const ORDER: ReadonlyArray<readonly [TimeField, TimeField]> = [
  ['first_response_at', 'resolved_at'],
  ['first_response_at', 'closed_at'],
  ['resolved_at', 'closed_at'],
  ['first_response_at', 'cancelled_at'],
];

type Slot = 'created' | 'first_response' | 'work' | 'resolve' | 'close' | 'cancel';
type Step = { change: Omit<EventChange, 'occurred_at'>; slot: Slot };

/** When each slot happened, for a checked history. */
function slotTime(h: History, slot: Slot): string {
  switch (slot) {
    case 'created':
      return h.created_at;
    case 'first_response':
      return present(h.first_response_at, 'first_response_at');
    case 'work':
      return h.first_response_at ?? h.resolved_at ?? h.closed_at ?? h.created_at;
    case 'resolve':
      return h.resolved_at ?? present(h.closed_at, 'closed_at');
    case 'close':
      return present(h.closed_at, 'closed_at');
    case 'cancel':
      return h.cancelled_at ?? present(h.closed_at, 'closed_at');
  }
}

function slotTimeOrNull(h: History, slot: Slot | null): string | null {
  return slot === null ? null : slotTime(h, slot);
}

/** The steps that lead from received to a status. */
function steps(status: Status, responded: boolean, satisfied: boolean): Step[] {
  const fr: Step[] = responded ? [{ change: { first_response: true }, slot: 'first_response' }] : [];
  const sat = satisfied ? { satisfaction: 3 } : {};
  const started: Step[] = [
    { change: { status: 'assigned' }, slot: 'work' },
    { change: { status: 'in_progress' }, slot: 'work' },
  ];
  switch (status) {
    case 'received':
      return fr;
    case 'assigned':
      return [{ change: { status: 'assigned' }, slot: 'work' }, ...fr];
    case 'in_progress':
      return started;
    case 'on_hold':
      return [...started, { change: { status: 'on_hold' }, slot: 'work' }];
    case 'resolved':
      return [...started, { change: { status: 'resolved', ...sat }, slot: 'resolve' }];
    case 'closed':
      return [
        ...started,
        { change: { status: 'resolved' }, slot: 'resolve' },
        { change: { status: 'closed', ...sat }, slot: 'close' },
      ];
    case 'cancelled':
      return [...fr, { change: { status: 'cancelled' }, slot: 'cancel' }];
  }
}

type Template = {
  events: Array<Omit<JourneyEvent, 'occurred_at'> & { slot: Slot }>;
  status: Status;
  stage: string;
  progress_pct: number;
  /** the slot whose time each milestone takes (null: not reached) */
  first_response: Slot | null;
  resolved: Slot | null;
  closed: Slot | null;
  cancelled: Slot | null;
};

/**
 * The journey's shape depends only on the status and on which times are given, so it is worked out
 * once per shape through the state machine (applyEvent), with stand-in times; rows fill in their own.
 */
function template(status: Status, responded: boolean, satisfied: boolean): Template {
  const base = Date.parse('2000-01-01T00:00:00Z');
  const at = (k: number) => new Date(base + k * 60_000).toISOString();
  let state: RequestState = {
    status: 'received',
    stage: 'received',
    progress_pct: 0,
    created_at: at(0),
    first_response_at: null,
    last_event_at: at(0),
  };
  const t: Template = {
    events: [
      {
        kind: 'received',
        from_status: null,
        to_status: 'received',
        stage: 'received',
        progress_pct: 0,
        slot: 'created',
      },
    ],
    status: 'received',
    stage: 'received',
    progress_pct: 0,
    first_response: null,
    resolved: null,
    closed: null,
    cancelled: null,
  };
  steps(status, responded, satisfied).forEach((step, k) => {
    const occurred = at(k + 1);
    const o = applyEvent(state, { ...step.change, occurred_at: occurred });
    t.events.push({
      kind: o.kind,
      from_status: state.status,
      to_status: o.to_status,
      stage: o.stage,
      progress_pct: o.progress_pct,
      slot: step.slot,
    });
    if (o.first_response_at === occurred && state.first_response_at === null) {
      t.first_response = step.slot;
    }
    if (o.resolved_at !== undefined) {
      t.resolved = o.resolved_at === null ? null : step.slot;
    }
    if (o.closed_at !== undefined) {
      t.closed = o.closed_at === null ? null : step.slot;
    }
    if (o.cancelled_at !== undefined) {
      t.cancelled = o.cancelled_at === null ? null : step.slot;
    }
    state = {
      ...state,
      status: o.to_status,
      stage: o.stage,
      progress_pct: o.progress_pct,
      first_response_at: o.first_response_at,
      last_event_at: occurred,
    };
  });
  t.status = state.status;
  t.stage = state.stage;
  t.progress_pct = state.progress_pct;
  return t;
}

const templates = new Map<string, Template>();

/** The journey of a checked history (call checkHistory first). Times keep the row's own notation. */
export function buildJourney(h: History): Journey {
  const key = `${h.status}|${h.first_response_at !== undefined}|${h.satisfaction !== undefined}`;
  let t = templates.get(key);
  if (!t) {
    t = template(h.status, h.first_response_at !== undefined, h.satisfaction !== undefined);
    templates.set(key, t);
  }
  const events: JourneyEvent[] = new Array(t.events.length);
  for (let k = 0; k < events.length; k++) {
    const e = t.events[k];
    events[k] = {
      kind: e.kind,
      from_status: e.from_status,
      to_status: e.to_status,
      stage: e.stage,
      progress_pct: e.progress_pct,
      occurred_at: slotTime(h, e.slot),
    };
  }
  return {
    shape: key,
    status: t.status,
    stage: t.stage,
    progress_pct: t.progress_pct,
    first_response_at: slotTimeOrNull(h, t.first_response),
    resolved_at: slotTimeOrNull(h, t.resolved),
    closed_at: slotTimeOrNull(h, t.closed),
    cancelled_at: slotTimeOrNull(h, t.cancelled),
    satisfaction: h.satisfaction ?? null,
    events,
  };
}
