// Hand-worked clocks of requests whose resolution due time came from the source system, and of requests
// without a first-response clock (issue 11, item 4). Field calendar and complaint policy as in clock.test.ts
// (first response 240 business minutes, resolution 2400, warning at 80 %), Asia/Dubai (UTC+4).
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { alertsOf } from './alerts.ts';
import { onTimeOutcome, slaClock, type SlaPolicy, type SlaRequest } from './clock.ts';
import { storedOutcome } from './stored-outcome.ts';
import { dxb, field, walk } from './test-builders.ts';

const complaint: SlaPolicy = {
  first_response_minutes: 240,
  resolution_minutes: 2400,
  warning_pct: 80,
  pause_statuses: ['on_hold'],
};
const at = (local: string) => dxb(local).toISOString();
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** The target date Fri 2026-11-20 as the source gives it: the last millisecond of that day in Dubai. */
const TARGET = new Date('2026-11-20T23:59:59.999+04:00');

function fromSource(request: SlaRequest, due: Date, firstResponseClock: boolean): SlaRequest {
  return {
    ...request,
    resolution_due_source: 'source',
    resolution_due_at: due,
    first_response_clock: firstResponseClock,
  };
}

test("resolved before the source's target date: met, and no first-response clock at all", () => {
  // Created Mon 11-16 08:00, assigned Wed 11-18 09:00 (two days: the policy's first response was due Mon 12:00),
  // resolved Thu 11-19 10:00, before the target (Fri 23:59:59.999).
  const { request, events } = walk('2026-11-16 08:00', [
    ['assigned', '2026-11-18 09:00'],
    ['in_progress', '2026-11-18 09:00'],
    ['resolved', '2026-11-19 10:00'],
  ]);
  const c = slaClock(fromSource(request, TARGET, false), events, complaint, field(), dxb('2026-11-19 11:00'));
  assert.equal(c.first_response, null);
  assert.equal(c.state, 'met', 'the late reply cannot breach a clock the source does not keep');
  assert.equal(iso(c.resolution.due_at), TARGET.toISOString());
  assert.equal(c.resolution.status, 'met');
  // Wall-clock: 74 h of the 112 h (less a millisecond) from Mon 08:00 to the end of Friday.
  assert.equal(c.resolution.business_elapsed_pct, 66.07);
  assert.equal(c.resolution.actual_elapsed_pct, 66.07);
  assert.equal(onTimeOutcome(c, dxb('2026-11-19 11:00'), 'resolution'), 'met');
  assert.equal(onTimeOutcome(c, dxb('2026-11-19 11:00'), 'first_response'), null);
  // Resolved at 66 % of the span, before the warning (80 %, Fri 01:36): no alert, and none for a first response.
  assert.deepEqual(alertsOf(c), []);
});

test("the same request with the policy's first-response clock would be breached", () => {
  const { request, events } = walk('2026-11-16 08:00', [
    ['assigned', '2026-11-18 09:00'],
    ['in_progress', '2026-11-18 09:00'],
    ['resolved', '2026-11-19 10:00'],
  ]);
  const c = slaClock(fromSource(request, TARGET, true), events, complaint, field(), dxb('2026-11-19 11:00'));
  assert.equal(iso(c.first_response!.due_at), at('2026-11-16 12:00'));
  assert.equal(c.first_response!.status, 'breached');
  assert.equal(c.state, 'breached');
  assert.equal(c.resolution.status, 'met', "the resolution verdict still follows the source's due time");
});

test('still open after the target date: breached at the due instant, even on hold', () => {
  const { request, events } = walk('2026-11-16 08:00', [
    ['assigned', '2026-11-16 09:00'],
    ['in_progress', '2026-11-16 09:00'],
    ['on_hold', '2026-11-17 10:00'],
  ]);
  const before = slaClock(fromSource(request, TARGET, false), events, complaint, field(), dxb('2026-11-20 12:00'));
  assert.equal(before.state, 'paused');
  assert.equal(iso(before.resolution.due_at), TARGET.toISOString(), "a pause does not move the source's due time");
  assert.equal(iso(before.next_check_at), TARGET.toISOString());
  const after = slaClock(fromSource(request, TARGET, false), events, complaint, field(), dxb('2026-11-21 10:00'));
  assert.equal(after.state, 'breached');
  assert.equal(iso(after.resolution.breached_at), TARGET.toISOString());
  assert.equal(onTimeOutcome(after, dxb('2026-11-21 10:00')), 'breached');
  assert.equal(after.next_check_at, null);
});

test('closed after the target date: breached', () => {
  const { request, events } = walk('2026-11-16 08:00', [
    ['assigned', '2026-11-16 09:00'],
    ['in_progress', '2026-11-16 09:00'],
    ['resolved', '2026-11-21 00:00'],
    ['closed', '2026-11-21 00:00'],
  ]);
  const c = slaClock(fromSource(request, TARGET, false), events, complaint, field(), dxb('2026-11-22 10:00'));
  assert.equal(c.resolution.status, 'breached');
  assert.equal(c.state, 'breached');
});

test('the warning comes at warning_pct of the wall-clock span, whatever the calendar', () => {
  // Created Mon 11-16 08:00, due Tue 11-17 08:00 (24 h, a night the field calendar is closed): 80 % = 19 h 12 min → Tue 03:12.
  const { request, events } = walk('2026-11-16 08:00', []);
  const c = slaClock(
    fromSource(request, dxb('2026-11-17 08:00'), false),
    events,
    complaint,
    field(),
    dxb('2026-11-17 04:00')
  );
  assert.equal(c.state, 'warning');
  assert.equal(iso(c.resolution.warning_at), at('2026-11-17 03:12'));
  assert.equal(c.resolution.business_elapsed_pct, 83.33); // 20 h of 24
  assert.equal(iso(c.next_check_at), at('2026-11-17 08:00'));
  const early = slaClock(
    fromSource(request, dxb('2026-11-17 08:00'), false),
    events,
    complaint,
    field(),
    dxb('2026-11-16 20:00')
  );
  assert.equal(early.state, 'in_progress');
  assert.equal(iso(early.next_check_at), at('2026-11-17 03:12'));
});

test('without a first-response clock the stored columns give no first-response outcome', () => {
  const row = {
    status: 'received',
    first_response_at: null,
    resolved_at: null,
    closed_at: null,
    first_response_due_at: null,
    resolution_due_at: TARGET,
    sla_evaluated_at: dxb('2026-11-30 10:00'),
  };
  assert.deepEqual(storedOutcome(row, 'first_response'), { outcome: null, at: null });
  assert.deepEqual(storedOutcome(row, 'resolution'), { outcome: 'breached', at: TARGET.getTime() });
});
