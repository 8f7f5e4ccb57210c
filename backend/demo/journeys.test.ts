import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { applyEvent, type EventChange, type RequestState } from '../domain/journey.ts';
import type { Stage, Status } from '../domain/reference.ts';
import { planJourney, type Journey, type JourneyInput } from './journeys.ts';
import { Prng } from './prng.ts';

// The stages as seeded by migration 0002.
const STAGES: Stage[] = (
  [
    ['received', 'received', 0],
    ['assigned', 'assigned', 10],
    ['in_progress', 'in_progress', 30],
    ['inspection', 'in_progress', 40],
    ['field_visit', 'in_progress', 55],
    ['work_order', 'in_progress', 70],
    ['work_done', 'in_progress', 85],
    ['on_hold', 'on_hold', null],
    ['resolved', 'resolved', 95],
    ['closed', 'closed', 100],
    ['cancelled', 'cancelled', null],
  ] as const
).map(([code, status_code, progress_pct]) => ({
  code,
  status_code: status_code as Status,
  progress_pct,
  name_en: code,
  name_ar: code,
}));
const STAGE = new Map(STAGES.map((s) => [s.code, s]));
const PROGRESS = new Map(STAGES.map((s) => [s.code, s.progress_pct]));
const WORK = ['inspection', 'field_visit', 'work_order', 'work_done'];
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function input(prng: Prng, over: Partial<JourneyInput> = {}): JourneyInput {
  const createdAt = Date.UTC(2026, 0, 1) + Math.floor((prng.float() * 60 * DAY) / 1000) * 1000;
  const [fr, res] = prng.pick([
    [60, 1440],
    [240, 2400],
    [480, 4800],
    [30, 240],
    [1440, 10080],
  ]);
  return {
    createdAt,
    endAt: createdAt + (prng.chance(0.2) ? prng.float() * 3 * DAY : 90 * DAY),
    source: 'test',
    firstResponseMinutes: fr,
    resolutionMinutes: res,
    workStages: prng.chance(0.7) ? WORK : [],
    advisors: [
      { id: 1, code: 'a1', speed: 1 },
      { id: 2, code: 'a2', speed: 1.3 },
    ],
    pace: 1,
    ...over,
  };
}

/** Replays a journey through the domain's state machine; returns the state applyEvent arrives at. */
function replay(j: Journey, createdAt: number) {
  const [first, ...rest] = j.events;
  assert.equal(first.kind, 'received');
  assert.equal(first.at, createdAt);
  let state: RequestState = {
    status: 'received',
    stage: 'received',
    progress_pct: 0,
    created_at: iso(createdAt),
    first_response_at: null,
    last_event_at: iso(createdAt),
  };
  const out = {
    resolvedAt: null as string | null,
    closedAt: null as string | null,
    cancelledAt: null as string | null,
    satisfaction: null as number | null,
  };
  for (const e of rest) {
    const change: EventChange =
      e.kind === 'first_response'
        ? { first_response: true, occurred_at: iso(e.at) }
        : {
            status: e.to,
            stage: STAGE.get(e.stage)!,
            occurred_at: iso(e.at),
            ...(e.satisfaction ? { satisfaction: e.satisfaction } : {}),
          };
    assert.equal(e.from, state.status, 'from is the status before');
    const o = applyEvent(state, change);
    assert.deepEqual(
      [o.kind, o.to_status, o.stage, o.progress_pct],
      [e.kind, e.to, e.stage, e.progress],
      `event ${e.kind} at ${iso(e.at)}`
    );
    if (o.resolved_at !== undefined) {
      out.resolvedAt = o.resolved_at;
    }
    if (o.closed_at !== undefined) {
      out.closedAt = o.closed_at;
    }
    if (o.cancelled_at !== undefined) {
      out.cancelledAt = o.cancelled_at;
    }
    if (o.satisfaction !== undefined) {
      out.satisfaction = o.satisfaction;
    }
    state = {
      ...state,
      status: o.to_status,
      stage: o.stage,
      progress_pct: o.progress_pct,
      first_response_at: o.first_response_at,
      last_event_at: iso(e.at),
    };
  }
  return { state, ...out };
}

test('every journey is legal under the state machine and its summary matches the replay', () => {
  const prng = new Prng('journeys-test');
  const kinds = new Set<string>();
  for (let i = 0; i < 20_000; i++) {
    const inp = input(prng);
    const j = planJourney(inp, PROGRESS, prng.fork(String(i)));
    for (let k = 1; k < j.events.length; k++) {
      assert.ok(j.events[k].at > j.events[k - 1].at, 'events strictly in time order');
    }
    assert.ok(
      j.events.every((e) => e.at <= inp.endAt),
      'nothing after the end of the period'
    );
    j.events.forEach((e) => kinds.add(e.kind));
    const r = replay(j, inp.createdAt);
    const ms = (s: string | null) => (s === null ? null : Date.parse(s));
    assert.deepEqual(
      [
        j.status,
        j.stage,
        j.progress,
        j.firstResponseAt,
        j.resolvedAt,
        j.closedAt,
        j.cancelledAt,
        j.satisfaction,
        j.lastAt,
      ],
      [
        r.state.status,
        r.state.stage,
        r.state.progress_pct,
        ms(r.state.first_response_at),
        ms(r.resolvedAt),
        ms(r.closedAt),
        ms(r.cancelledAt),
        r.satisfaction,
        Date.parse(r.state.last_event_at),
      ]
    );
    if (j.advisorId !== null) {
      assert.ok(j.events.some((e) => e.kind === 'assigned' && e.advisorId === j.advisorId));
    }
  }
  for (const k of [
    'received',
    'assigned',
    'first_response',
    'stage',
    'on_hold',
    'resumed',
    'resolved',
    'closed',
    'reopened',
    'cancelled',
  ]) {
    assert.ok(kinds.has(k), `some journey has a ${k} event`);
  }
});

test('most resolutions meet the target, some breach it; recent requests are still open', () => {
  const prng = new Prng('journeys-outcomes');
  let met = 0,
    breached = 0,
    open = 0,
    cancelled = 0,
    rated = 0,
    closed = 0;
  for (let i = 0; i < 10_000; i++) {
    const inp = input(prng, { endAt: Number.MAX_SAFE_INTEGER });
    const j = planJourney(inp, PROGRESS, prng.fork(String(i)));
    const firstResolved = j.events.find((e) => e.kind === 'resolved');
    if (j.status === 'cancelled') {
      cancelled++;
    } else if (firstResolved) {
      firstResolved.at - inp.createdAt <= inp.resolutionMinutes * 60_000 ? met++ : breached++;
    }
    if (j.status === 'closed') {
      closed++;
      if (j.satisfaction !== null) {
        rated++;
      }
    }
    const recent = planJourney({ ...inp, endAt: inp.createdAt + 3_600_000 }, PROGRESS, prng.fork(`r${i}`));
    if (recent.status !== 'closed' && recent.status !== 'cancelled') {
      open++;
    }
  }
  const share = breached / (met + breached);
  assert.ok(share > 0.08 && share < 0.35, `breached share ${share}`);
  assert.ok(cancelled > 150 && cancelled < 500, `cancelled ${cancelled}`);
  assert.ok(rated / closed > 0.5 && rated / closed < 0.7, `rated ${rated / closed}`);
  assert.ok(open > 9_000, `an hour after creation almost every request is open (${open})`);
});

test('the same stream gives the same journey', () => {
  const a = planJourney(input(new Prng('x')), PROGRESS, new Prng('y'));
  const b = planJourney(input(new Prng('x')), PROGRESS, new Prng('y'));
  assert.deepEqual(a, b);
  assert.ok(a.events.length >= 2);
});
