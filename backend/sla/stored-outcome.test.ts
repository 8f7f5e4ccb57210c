import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { onTimeOutcome, slaClock, TARGETS, type SlaPolicy } from './clock.ts';
import { storedOutcome, storedOutcomeChanged, type StoredSla } from './stored-outcome.ts';
import { dxb, field, walk } from './test-builders.ts';

const complaint: SlaPolicy = {
  first_response_minutes: 240,
  resolution_minutes: 2400,
  warning_pct: 80,
  pause_statuses: ['on_hold'],
};

const row = (over: Partial<StoredSla>): StoredSla => ({
  status: 'in_progress',
  first_response_at: null,
  resolved_at: null,
  closed_at: null,
  first_response_due_at: dxb('2026-11-20 10:00'),
  resolution_due_at: dxb('2026-11-27 09:30'),
  sla_evaluated_at: dxb('2026-11-19 15:00'),
  ...over,
});

test('the columns read as the rollups read them', () => {
  assert.deepEqual(storedOutcome(row({}), 'first_response'), { outcome: null, at: null });
  assert.deepEqual(storedOutcome(row({ sla_evaluated_at: dxb('2026-11-20 10:00') }), 'first_response'), {
    outcome: 'breached',
    at: +dxb('2026-11-20 10:00'),
  });
  assert.deepEqual(storedOutcome(row({ first_response_at: dxb('2026-11-20 09:00') }), 'first_response'), {
    outcome: 'met',
    at: +dxb('2026-11-20 09:00'),
  });
  assert.deepEqual(
    storedOutcome(row({ status: 'closed', resolved_at: null, closed_at: dxb('2026-11-28 09:00') }), 'resolution'),
    { outcome: 'breached', at: +dxb('2026-11-27 09:30') }
  );
  assert.deepEqual(
    storedOutcome(row({ status: 'cancelled', sla_evaluated_at: dxb('2026-12-20 00:00') }), 'resolution'),
    { outcome: null, at: null }
  );
  assert.deepEqual(storedOutcome(row({ resolution_due_at: null }), 'resolution'), { outcome: null, at: null });
});

test('a change is seen when the outcome or its instant changes, not when only a due time moves', () => {
  assert.ok(storedOutcomeChanged(row({ resolution_due_at: null }), row({})) === false); // null → null (not yet due)
  assert.ok(storedOutcomeChanged(row({}), row({ sla_evaluated_at: dxb('2026-11-20 10:30') })));
  assert.ok(
    !storedOutcomeChanged(
      row({ status: 'resolved', first_response_at: dxb('2026-11-19 15:00'), resolved_at: dxb('2026-11-20 09:00') }),
      row({
        status: 'resolved',
        first_response_at: dxb('2026-11-19 15:00'),
        resolved_at: dxb('2026-11-20 09:00'),
        resolution_due_at: dxb('2026-11-28 09:30'),
      })
    )
  );
  assert.ok(
    storedOutcomeChanged(
      row({ sla_evaluated_at: dxb('2026-11-28 00:00') }),
      row({ sla_evaluated_at: dxb('2026-11-28 00:00'), resolution_due_at: dxb('2026-11-27 10:30') })
    )
  );
});

test('writing a clock and reading the columns back gives onTimeOutcome, in every scenario', () => {
  const journeys = [
    walk('2026-11-19 14:00', []),
    walk('2026-11-19 14:00', [
      ['assigned', '2026-11-20 08:00'],
      ['in_progress', '2026-11-20 10:15'],
    ]),
    walk('2026-11-02 08:00', [
      ['assigned', '2026-11-02 08:10'],
      ['in_progress', '2026-11-02 09:00'],
      ['on_hold', '2026-11-02 10:00'],
    ]),
    walk('2026-11-02 08:00', [
      ['assigned', '2026-11-02 08:10'],
      ['in_progress', '2026-11-02 09:00'],
      ['resolved', '2026-11-05 10:00'],
    ]),
    walk('2026-11-02 08:00', [
      ['assigned', '2026-11-02 08:10'],
      ['in_progress', '2026-11-02 09:00'],
      ['resolved', '2026-11-12 10:00'],
      ['closed', '2026-11-13 10:00'],
    ]),
    walk('2026-11-02 08:00', [
      ['assigned', '2026-11-02 08:10'],
      ['in_progress', '2026-11-02 09:00'],
      ['resolved', '2026-11-05 10:00'],
      ['in_progress', '2026-11-09 08:00'],
    ]),
    walk('2026-11-16 08:00', [
      ['assigned', '2026-11-16 08:10'],
      ['cancelled', '2026-11-16 13:00'],
    ]),
  ];
  const nows = [
    '2026-11-19 15:00',
    '2026-11-20 09:30',
    '2026-11-20 10:00',
    '2026-11-20 10:30',
    '2026-11-23 10:00',
    '2026-11-27 12:00',
    '2026-12-10 00:00',
  ];
  let compared = 0;
  for (const { request, events } of journeys) {
    for (const n of nows) {
      const now = dxb(n);
      if (events.some((e) => +new Date(e.occurred_at as Date) > +now)) {
        continue;
      } // now is never before the journey
      const clock = slaClock(request, events, complaint, field(), now);
      const stored: StoredSla = {
        ...request,
        first_response_due_at: clock.first_response?.due_at ?? null,
        resolution_due_at: clock.resolution.due_at,
        sla_evaluated_at: now,
      };
      for (const t of TARGETS) {
        assert.equal(storedOutcome(stored, t).outcome, onTimeOutcome(clock, now, t), `${request.status} at ${n}, ${t}`);
        compared++;
      }
    }
  }
  assert.ok(compared >= 40, `compared ${compared}`);
});
