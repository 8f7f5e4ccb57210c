import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import {
  applyEvent,
  FinalStatusError,
  IllegalTransitionError,
  EventInputError,
  TRANSITIONS,
  type RequestState,
} from './journey.ts';
import type { Stage } from './reference.ts';

const at = (h: number) => new Date(Date.UTC(2026, 10, 29, h)).toISOString();
const state = (over: Partial<RequestState> = {}): RequestState => ({
  status: 'received',
  stage: 'received',
  progress_pct: 0,
  created_at: at(1),
  first_response_at: null,
  last_event_at: at(1),
  ...over,
});
const fieldVisit: Stage = {
  code: 'field_visit',
  status_code: 'in_progress',
  name_en: 'Field visit',
  name_ar: 'زيارة ميدانية',
  progress_pct: 55,
};
const awaiting: Stage = {
  code: 'on_hold',
  status_code: 'on_hold',
  name_en: 'On hold',
  name_ar: 'معلق',
  progress_pct: null,
};

test('the happy path walks received → assigned → in progress → resolved → closed', () => {
  let s = state();
  const steps = [
    ['assigned', 'assigned', 10],
    ['in_progress', 'stage', 30],
    ['resolved', 'resolved', 95],
    ['closed', 'closed', 100],
  ] as const;
  steps.forEach(([status, kind, pct], i) => {
    const o = applyEvent(s, { status, occurred_at: at(2 + i) });
    assert.equal(o.kind, kind);
    assert.equal(o.progress_pct, pct);
    s = {
      ...s,
      status: o.to_status,
      stage: o.stage,
      progress_pct: o.progress_pct,
      first_response_at: o.first_response_at,
      last_event_at: at(2 + i),
    };
  });
  assert.equal(s.first_response_at, at(3), 'first response is the first move into work');
});

test('an illegal transition names the allowed ones', () => {
  assert.throws(
    () => applyEvent(state(), { status: 'resolved', occurred_at: at(2) }),
    (e: unknown) =>
      e instanceof IllegalTransitionError &&
      e.from === 'received' &&
      e.allowed.join() === 'assigned,cancelled' &&
      /allowed from "received": assigned, cancelled/.test(e.message)
  );
});

test('a cancelled request is final', () => {
  assert.deepEqual(TRANSITIONS.cancelled, []);
  assert.throws(
    () => applyEvent(state({ status: 'cancelled' }), { status: 'in_progress', occurred_at: at(2) }),
    IllegalTransitionError
  );
});

test('on hold keeps the progress and resuming is its own kind', () => {
  const held = applyEvent(state({ status: 'in_progress', progress_pct: 55 }), { stage: awaiting, occurred_at: at(2) });
  assert.equal(held.kind, 'on_hold');
  assert.equal(held.progress_pct, 55);
  const resumed = applyEvent(state({ status: 'on_hold', progress_pct: 55 }), {
    status: 'in_progress',
    occurred_at: at(3),
  });
  assert.equal(resumed.kind, 'resumed');
});

test('a stage sets its progress unless the event gives one', () => {
  assert.equal(
    applyEvent(state({ status: 'in_progress' }), { stage: fieldVisit, occurred_at: at(2) }).progress_pct,
    55
  );
  assert.equal(
    applyEvent(state({ status: 'in_progress' }), { stage: fieldVisit, progress_pct: 60, occurred_at: at(2) })
      .progress_pct,
    60
  );
});

test('reopening clears the resolved and closed times', () => {
  const o = applyEvent(state({ status: 'closed', progress_pct: 100 }), { status: 'in_progress', occurred_at: at(5) });
  assert.equal(o.kind, 'reopened');
  assert.equal(o.resolved_at, null);
  assert.equal(o.closed_at, null);
});

test('an event before the last one is refused', () => {
  assert.throws(
    () => applyEvent(state({ last_event_at: at(4) }), { status: 'assigned', occurred_at: at(3) }),
    (e: unknown) => e instanceof EventInputError && e.path === 'occurred_at'
  );
});

test('a stage of another status than the one given is refused', () => {
  assert.throws(
    () => applyEvent(state({ status: 'assigned' }), { status: 'resolved', stage: fieldVisit, occurred_at: at(2) }),
    (e: unknown) => e instanceof EventInputError && e.path === 'stage'
  );
});

test('a note changes nothing but can mark the first response', () => {
  const o = applyEvent(state({ status: 'assigned' }), { first_response: true, occurred_at: at(2) });
  assert.equal(o.kind, 'first_response');
  assert.equal(o.to_status, 'assigned');
  assert.equal(o.first_response_at, at(2));
  assert.equal(applyEvent(state(), { occurred_at: at(2) }).kind, 'note');
});

test('satisfaction only on a finished request', () => {
  assert.throws(
    () => applyEvent(state({ status: 'assigned' }), { status: 'in_progress', satisfaction: 4, occurred_at: at(2) }),
    EventInputError
  );
  assert.equal(
    applyEvent(state({ status: 'resolved' }), { status: 'closed', satisfaction: 4, occurred_at: at(2) }).satisfaction,
    4
  );
});

test('a closed or cancelled request refuses events that change it, except a reopening; notes and satisfaction pass', () => {
  const closed = state({ status: 'closed', stage: 'closed', progress_pct: 100, first_response_at: at(1) });
  assert.throws(
    () => applyEvent(closed, { progress_pct: 56, occurred_at: at(2) }),
    (e: unknown) =>
      e instanceof FinalStatusError && e.fields.join() === 'progress_pct' && /reopen it first/.test(e.message)
  );
  assert.throws(() => applyEvent(closed, { advisor: true, occurred_at: at(2) }), FinalStatusError);
  assert.throws(
    () =>
      applyEvent(state({ status: 'cancelled', stage: 'cancelled', progress_pct: 10 }), {
        first_response: true,
        occurred_at: at(2),
      }),
    FinalStatusError
  );
  assert.throws(
    () =>
      applyEvent(state({ status: 'cancelled', stage: 'cancelled', progress_pct: 10 }), {
        progress_pct: 50,
        occurred_at: at(2),
      }),
    FinalStatusError
  );
  const note = applyEvent(closed, { occurred_at: at(2) });
  assert.deepEqual([note.kind, note.to_status, note.progress_pct], ['note', 'closed', 100]);
  assert.equal(
    applyEvent(closed, { progress_pct: 100, occurred_at: at(2) }).kind,
    'note',
    'restating the progress changes nothing'
  );
  assert.equal(applyEvent(closed, { satisfaction: 4, occurred_at: at(2) }).satisfaction, 4);
  const reopened = applyEvent(closed, { status: 'in_progress', progress_pct: 56, occurred_at: at(2) });
  assert.deepEqual([reopened.kind, reopened.progress_pct, reopened.closed_at], ['reopened', 56, null]);
});
