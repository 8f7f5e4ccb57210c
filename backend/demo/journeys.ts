// A request's journey: received → assigned → (first response) → in progress through the department's
// stages → maybe on hold and resumed → resolved → closed; a few cancelled, a few reopened; the journey
// stops at the end of the period, so recent requests are still open. Every step is a legal transition of
// backend/domain/journey.ts and carries the kind, stage, progress and times applyEvent would give it
// (journeys.test.ts replays them through applyEvent). Durations are drawn around the SLA targets (as
// wall-clock minutes) so that most requests meet them and some breach them.
import type { Prng } from './prng.ts';
import type { Status } from '../domain/reference.ts';
import type { EventKind } from '../domain/journey.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const GAP = MINUTE; // the least time between two events

export type JourneyEvent = {
  kind: EventKind;
  from: Status | null;
  to: Status;
  stage: string;
  progress: number;
  advisorId: number | null;
  actor: string;
  note: string | null;
  at: number;
  satisfaction?: number;
};

export type Journey = {
  events: JourneyEvent[];
  status: Status;
  stage: string;
  progress: number;
  advisorId: number | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  cancelledAt: number | null;
  satisfaction: number | null;
  lastAt: number;
};

export type JourneyAdvisor = { id: number; code: string; speed: number };
export type JourneyInput = {
  createdAt: number;
  /** nothing happens after this instant */
  endAt: number;
  source: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  /** the department's in-progress stages a request may go through, in order (empty: desk work) */
  workStages: readonly string[];
  advisors: readonly JourneyAdvisor[];
  /** the department's pace (1 = median) */
  pace: number;
};

/** Progress % of each stage code (null: keeps the current progress), from the stages table. */
export type StageProgress = ReadonlyMap<string, number | null>;

/** Chances of each twist in a journey. */
export const JOURNEY_ODDS = {
  cancelEarly: 0.015,
  cancelDuringWork: 0.015,
  reassign: 0.05,
  separateFirstResponse: 0.4,
  onHold: 0.08,
  reopen: 0.04,
  rated: 0.6,
} as const;
/** Medians of the drawn durations as a fraction of the SLA target (sigma of the log-normal beside). */
export const PACE = { firstResponse: [0.45, 0.75], resolution: [0.5, 0.65] } as const;

const SATISFACTION_MET = [3, 5, 12, 35, 45];
const SATISFACTION_BREACHED = [25, 25, 25, 15, 10];

const DEFAULT_PROGRESS: Readonly<Record<Status, number | null>> = {
  received: 0,
  assigned: 10,
  in_progress: 30,
  on_hold: null,
  resolved: 95,
  closed: 100,
  cancelled: null,
};

class Builder implements Journey {
  events: JourneyEvent[] = [];
  status: Status = 'received';
  stage = 'received';
  progress = 0;
  advisorId: number | null = null;
  advisorCode = '';
  firstResponseAt: number | null = null;
  resolvedAt: number | null = null;
  closedAt: number | null = null;
  cancelledAt: number | null = null;
  satisfaction: number | null = null;
  lastAt: number;
  stopped = false;

  constructor(
    private stages: StageProgress,
    private endAt: number,
    createdAt: number,
    source: string
  ) {
    this.lastAt = createdAt;
    this.events.push({
      kind: 'received',
      from: null,
      to: 'received',
      stage: 'received',
      progress: 0,
      advisorId: null,
      actor: source,
      note: null,
      at: createdAt,
    });
  }

  /** Appends an event no earlier than GAP after the last; once past the end of the period, nothing more. */
  private push(
    kind: EventKind,
    to: Status,
    stage: string,
    progress: number,
    at: number,
    note: string | null,
    actor = this.advisorCode
  ): number {
    const t = Math.max(Math.floor(at / 1000) * 1000, this.lastAt + GAP);
    if (this.stopped || t > this.endAt) {
      this.stopped = true;
      return t;
    }
    this.events.push({ kind, from: this.status, to, stage, progress, advisorId: this.advisorId, actor, note, at: t });
    this.status = to;
    this.stage = stage;
    this.progress = progress;
    this.lastAt = t;
    if (
      this.firstResponseAt === null &&
      (kind === 'first_response' || kind === 'stage' || kind === 'on_hold' || kind === 'resolved')
    ) {
      this.firstResponseAt = t;
    }
    return t;
  }

  /** A change of status and stage, its kind named as applyEvent names it. */
  move(to: Status, stage: string, at: number, note: string | null = null, actor?: string): number {
    const from = this.status;
    let kind: EventKind;
    if (to === from) {
      kind = to === 'assigned' ? 'assigned' : 'stage';
    } else if (to === 'in_progress') {
      kind = from === 'on_hold' ? 'resumed' : from === 'resolved' || from === 'closed' ? 'reopened' : 'stage';
    } else {
      kind = to as EventKind;
    }
    // as applyEvent: a known stage gives its own progress (null keeps the current one)
    const progress = (this.stages.has(stage) ? this.stages.get(stage) : DEFAULT_PROGRESS[to]) ?? this.progress;
    const t = this.push(kind, to, stage, progress, at, note, actor);
    if (this.stopped) {
      return t;
    }
    if (kind === 'resolved') {
      this.resolvedAt = t;
    }
    if (kind === 'closed') {
      this.closedAt = t;
    }
    if (kind === 'cancelled') {
      this.cancelledAt = t;
    }
    if (kind === 'reopened') {
      this.resolvedAt = null;
      this.closedAt = null;
    }
    return t;
  }

  firstResponse(at: number): number {
    return this.push('first_response', this.status, this.stage, this.progress, at, 'first reply to the customer');
  }

  assign(advisor: JourneyAdvisor, at: number): number {
    const t = Math.max(Math.floor(at / 1000) * 1000, this.lastAt + GAP);
    if (this.stopped || t > this.endAt) {
      this.stopped = true;
      return t;
    }
    this.advisorId = advisor.id;
    this.advisorCode = advisor.code;
    return this.move('assigned', 'assigned', at);
  }

  close(at: number, satisfaction: number | null, actor: string): number {
    const t = this.move('closed', 'closed', at, null, actor);
    if (!this.stopped && satisfaction !== null) {
      this.events[this.events.length - 1].satisfaction = satisfaction;
      this.satisfaction = satisfaction;
    }
    return t;
  }
}

function rating(prng: Prng, met: boolean): number {
  const weights = met ? SATISFACTION_MET : SATISFACTION_BREACHED;
  let x = prng.float() * 100;
  for (let i = 0; i < 5; i++) {
    x -= weights[i];
    if (x < 0) {
      return i + 1;
    }
  }
  return 5;
}

export function planJourney(input: JourneyInput, stages: StageProgress, prng: Prng): Journey {
  const b = new Builder(stages, input.endAt, input.createdAt, input.source);
  const t0 = input.createdAt;
  const frTarget = input.firstResponseMinutes * MINUTE;
  const resTarget = input.resolutionMinutes * MINUTE;

  if (prng.chance(JOURNEY_ODDS.cancelEarly)) {
    b.move(
      'cancelled',
      'cancelled',
      t0 + prng.exponential(Math.min(frTarget, 2 * HOUR)),
      'withdrawn by the customer',
      input.source
    );
    return b;
  }
  const advisor = prng.pick(input.advisors);
  const pace = input.pace * advisor.speed;
  let t = b.assign(advisor, t0 + Math.max(MINUTE, prng.exponential(frTarget * 0.15)));
  if (prng.chance(JOURNEY_ODDS.reassign) && input.advisors.length > 1) {
    let other = prng.pick(input.advisors);
    if (other.id === advisor.id) {
      other = input.advisors[(input.advisors.indexOf(advisor) + 1) % input.advisors.length];
    }
    t = b.assign(other, t + prng.exponential(frTarget * 0.2));
  }
  const frAt = t0 + frTarget * prng.logNormal(PACE.firstResponse[0] * pace, PACE.firstResponse[1]);
  if (prng.chance(JOURNEY_ODDS.separateFirstResponse)) {
    t = b.firstResponse(frAt);
    t = b.move('in_progress', 'in_progress', t + prng.exponential(frTarget * 0.3));
  } else {
    t = b.move('in_progress', 'in_progress', frAt);
  }

  const hold = prng.chance(JOURNEY_ODDS.onHold) ? Math.max(HOUR, prng.exponential(20 * HOUR)) : 0;
  const path = input.workStages.length ? pickPath(input.workStages, prng) : [];
  const resolveAt = Math.max(
    t0 + resTarget * prng.logNormal(PACE.resolution[0] * pace, PACE.resolution[1]) + hold,
    t + (path.length + 1) * GAP
  );
  // the stages spread over the time left; the hold (if any) comes before one of them
  const span = resolveAt - hold - t;
  const marks = path.map(() => prng.float()).sort((x, y) => x - y);
  const holdBefore = hold ? prng.int(0, Math.max(0, path.length - 1)) : -1;
  const cancelAt = prng.chance(JOURNEY_ODDS.cancelDuringWork) ? prng.int(0, path.length) : -1;
  let shift = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === cancelAt) {
      b.move(
        'cancelled',
        'cancelled',
        t + prng.exponential(HOUR),
        prng.chance(0.5) ? 'duplicate of another request' : 'withdrawn by the customer'
      );
      return b;
    }
    if (i === path.length) {
      break;
    }
    const at = t + span * marks[i] + shift;
    if (i === holdBefore) {
      b.move('on_hold', 'on_hold', at, 'awaiting the customer');
      shift += hold;
      b.move('in_progress', path[i], at + hold, 'customer replied');
    } else {
      b.move('in_progress', path[i], at);
    }
  }
  if (hold && path.length === 0) {
    const at = t + span / 2;
    b.move('on_hold', 'on_hold', at, 'awaiting the customer');
    b.move('in_progress', 'in_progress', at + hold, 'customer replied');
  }
  t = b.move('resolved', 'resolved', resolveAt);
  const met = resolveAt - t0 <= resTarget;

  if (prng.chance(JOURNEY_ODDS.reopen)) {
    if (prng.chance(0.5)) {
      t = b.close(
        t + closeAfter(prng),
        prng.chance(JOURNEY_ODDS.rated) ? rating(prng, false) : null,
        closeActor(prng, b)
      );
    }
    t = b.move(
      'in_progress',
      'in_progress',
      t + prng.exponential(12 * HOUR),
      'reopened: the customer reports the problem is back'
    );
    if (input.workStages.length) {
      t = b.move('in_progress', input.workStages[input.workStages.length - 1], t + prng.exponential(resTarget * 0.2));
    }
    t = b.move('resolved', 'resolved', t + prng.exponential(resTarget * 0.3));
  }
  b.close(t + closeAfter(prng), prng.chance(JOURNEY_ODDS.rated) ? rating(prng, met) : null, closeActor(prng, b));
  return b;
}

/** Closed a day or so after resolution (the customer confirms, or the system closes it). */
function closeAfter(prng: Prng): number {
  return Math.max(HOUR, prng.exponential(30 * HOUR));
}

function closeActor(prng: Prng, b: Builder): string {
  return prng.chance(0.7) ? 'system' : b.advisorCode;
}

/** A department's work: two to all of its stages, in order, always ending with the last. */
function pickPath(stages: readonly string[], prng: Prng): string[] {
  if (stages.length <= 2) {
    return [...stages];
  }
  const last = stages[stages.length - 1];
  const middle = stages.slice(0, -1).filter(() => prng.chance(0.55));
  return middle.length ? [...middle, last] : [stages[prng.int(0, stages.length - 2)], last];
}
