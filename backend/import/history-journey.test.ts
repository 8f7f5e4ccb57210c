import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { buildJourney, checkHistory, type History } from './history-journey.ts';

const C = '2026-10-01T06:00:00Z',
  FR = '2026-10-01T07:00:00Z',
  RS = '2026-10-02T06:00:00Z',
  CL = '2026-10-03T06:00:00Z';
const walk = (h: History) =>
  buildJourney(h).events.map((e) => `${e.kind}:${e.to_status}:${e.progress_pct}@${e.occurred_at.slice(8, 13)}`);

test('a closed request walks received → assigned → in progress → resolved → closed at its times', () => {
  const h: History = {
    status: 'closed',
    created_at: C,
    first_response_at: FR,
    resolved_at: RS,
    closed_at: CL,
    satisfaction: 4,
  };
  assert.deepEqual(checkHistory(h), []);
  assert.deepEqual(walk(h), [
    'received:received:0@01T06',
    'assigned:assigned:10@01T07',
    'stage:in_progress:30@01T07',
    'resolved:resolved:95@02T06',
    'closed:closed:100@03T06',
  ]);
  const j = buildJourney(h);
  assert.deepEqual(
    [j.status, j.stage, j.progress_pct, j.first_response_at, j.resolved_at, j.closed_at, j.satisfaction],
    ['closed', 'closed', 100, FR, RS, CL, 4]
  );
});

test('without resolved_at a closed request is resolved when it is closed; first response is the work start', () => {
  const j = buildJourney({ status: 'closed', created_at: C, closed_at: CL });
  assert.deepEqual(
    j.events.map((e) => e.occurred_at),
    [C, CL, CL, CL, CL]
  );
  assert.equal(j.first_response_at, CL);
  assert.equal(j.resolved_at, CL);
});

test('received with a first response gets a first-response event and keeps its status', () => {
  const j = buildJourney({ status: 'received', created_at: C, first_response_at: FR });
  assert.deepEqual(
    j.events.map((e) => e.kind),
    ['received', 'first_response']
  );
  assert.deepEqual([j.status, j.first_response_at], ['received', FR]);
});

test('on hold keeps the progress of in progress; cancelled goes straight from received', () => {
  const hold = buildJourney({ status: 'on_hold', created_at: C, first_response_at: FR });
  assert.deepEqual(
    hold.events.map((e) => e.to_status),
    ['received', 'assigned', 'in_progress', 'on_hold']
  );
  assert.equal(hold.progress_pct, 30);
  const cancelled = buildJourney({ status: 'cancelled', created_at: C, cancelled_at: RS });
  assert.deepEqual(
    cancelled.events.map((e) => `${e.from_status}>${e.to_status}`),
    ['null>received', 'received>cancelled']
  );
  assert.equal(cancelled.cancelled_at, RS);
});

test('a row without first_response_at is answered no earlier than its first milestone', () => {
  const j = buildJourney({ status: 'in_progress', created_at: C });
  assert.equal(j.first_response_at, C);
  assert.equal(buildJourney({ status: 'received', created_at: C }).first_response_at, null);
});

test('times that contradict the status or each other are problems named by field', () => {
  assert.deepEqual(checkHistory({ status: 'in_progress', created_at: C, resolved_at: RS }), [
    { path: 'resolved_at', message: 'is given but the status is "in_progress"' },
  ]);
  assert.deepEqual(checkHistory({ status: 'closed', created_at: C }), [
    { path: 'closed_at', message: 'is required when the status is "closed"' },
  ]);
  assert.deepEqual(checkHistory({ status: 'closed', created_at: RS, closed_at: C }), [
    { path: 'closed_at', message: 'is before created_at' },
  ]);
  assert.deepEqual(checkHistory({ status: 'closed', created_at: C, resolved_at: CL, closed_at: RS }), [
    { path: 'resolved_at', message: 'is after closed_at' },
  ]);
  assert.deepEqual(checkHistory({ status: 'assigned', created_at: C, satisfaction: 5 }), [
    { path: 'satisfaction', message: 'can be given only when the request is resolved or closed' },
  ]);
});
