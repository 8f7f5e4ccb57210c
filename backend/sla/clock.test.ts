// Hand-worked SLA clocks. Field calendar in Asia/Dubai: Mon–Thu 07:30–15:30 (480 min), Fri 07:30–12:00
// (270 min), weekend closed. Complaint policy: first response 240 min, resolution 2400 min, warning at 80 %
// (192 and 1920 min). Inquiry policy (24x7): 60 and 1440 min.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { onTimeOutcome, slaClock, type SlaPolicy } from './clock.ts';
import { allDay, dxb, field, walk } from './test-builders.ts';

const complaint: SlaPolicy = {
  first_response_minutes: 240,
  resolution_minutes: 2400,
  warning_pct: 80,
  pause_statuses: ['on_hold'],
};
const inquiry: SlaPolicy = {
  first_response_minutes: 60,
  resolution_minutes: 1440,
  warning_pct: 80,
  pause_statuses: ['on_hold'],
};
const at = (local: string) => dxb(local).toISOString();
const iso = (d: Date | null) => d?.toISOString() ?? null;

// Mon 2026-11-02 08:00, first response 09:00, on hold Mon 10:00 → Tue 09:00 (Mon 330 + Tue 90 = 420 min).
const HELD = [
  ['assigned', '2026-11-02 08:10'],
  ['in_progress', '2026-11-02 09:00'],
  ['on_hold', '2026-11-02 10:00'],
] as const;
const RESUMED = [...HELD, ['in_progress', '2026-11-03 09:00']] as const;
const RESOLVED = [...RESUMED, ['resolved', '2026-11-05 10:00']] as const;
const REOPENED = [...RESOLVED, ['closed', '2026-11-06 09:00'], ['in_progress', '2026-11-09 08:00']] as const;

test('across the Friday half-day: in progress, then warning, then breached', () => {
  // Created Thu 2026-11-19 14:00. First response due: Thu 14:00–15:30 = 90, 150 left → Fri 07:30 + 150 = 10:00.
  // Resolution due: Thu 90, Fri 270, Mon–Thu 4 × 480 → 2280, 120 left → Fri 11-27 09:30.
  const { request, events } = walk('2026-11-19 14:00', []);
  const c1 = slaClock(request, events, complaint, field(), dxb('2026-11-19 15:00'));
  assert.equal(iso(c1.first_response!.due_at), at('2026-11-20 10:00'));
  assert.equal(iso(c1.resolution.due_at), at('2026-11-27 09:30'));
  assert.equal(c1.state, 'in_progress');
  assert.equal(c1.first_response!.business_elapsed_pct, 25); // 60 / 240
  assert.equal(c1.first_response!.actual_elapsed_pct, 5); // 1 h of the 20 h from Thu 14:00 to Fri 10:00
  assert.equal(c1.resolution.business_elapsed_pct, 2.5); // 60 / 2400
  assert.equal(c1.resolution.actual_elapsed_pct, 0.53); // 1 h of 187.5 h
  // The next change: the first-response warning at 192 min = Thu 90 + Fri 07:30 + 102 → Fri 09:12.
  assert.equal(iso(c1.next_check_at), at('2026-11-20 09:12'));

  const c2 = slaClock(request, events, complaint, field(), dxb('2026-11-20 09:30'));
  assert.equal(c2.state, 'warning'); // 90 + 120 = 210 min = 87.5 %
  assert.equal(c2.first_response!.business_elapsed_pct, 87.5);
  assert.equal(iso(c2.first_response!.warning_at), at('2026-11-20 09:12'));
  assert.equal(iso(c2.next_check_at), at('2026-11-20 10:00'));

  const c3 = slaClock(request, events, complaint, field(), dxb('2026-11-20 10:30'));
  assert.equal(c3.state, 'breached');
  assert.equal(c3.first_response!.status, 'breached');
  assert.equal(iso(c3.first_response!.breached_at), at('2026-11-20 10:00')); // the breach happened at the due instant
  assert.equal(onTimeOutcome(c3, dxb('2026-11-20 10:30'), 'first_response'), 'breached');
  assert.equal(onTimeOutcome(c3, dxb('2026-11-20 10:30'), 'resolution'), null);
  // Still to come: the resolution warning at 1920 min = Thu 90 + Fri 270 + Mon–Wed 1440 → 1800, Thu 11-26 07:30 + 120.
  assert.equal(iso(c3.next_check_at), at('2026-11-26 09:30'));
});

test('a late first response stays breached once given', () => {
  const { request, events } = walk('2026-11-19 14:00', [
    ['assigned', '2026-11-20 08:00'],
    ['in_progress', '2026-11-20 10:15'],
  ]);
  const c = slaClock(request, events, complaint, field(), dxb('2026-11-20 11:00'));
  assert.equal(c.first_response!.status, 'breached');
  assert.equal(iso(c.first_response!.done_at), at('2026-11-20 10:15'));
  assert.equal(c.state, 'breached');
});

test('pause and resume, resolved in time: met', () => {
  // Resolution due 2400 min with the 420-min pause: Mon 120 (to 10:00), Tue 390 (from 09:00), Wed 480, Thu 480,
  // Fri 270 → 1740, Mon 11-09 480 → 2220, 180 left → Tue 11-10 10:30.
  const { request, events } = walk('2026-11-02 08:00', RESOLVED);
  const c = slaClock(request, events, complaint, field(), dxb('2026-11-05 12:00'));
  assert.equal(c.state, 'met');
  assert.equal(c.first_response!.status, 'met');
  assert.equal(iso(c.first_response!.due_at), at('2026-11-02 12:00'));
  assert.equal(c.first_response!.business_elapsed_pct, 25); // 60 of 240
  assert.equal(iso(c.resolution.due_at), at('2026-11-10 10:30'));
  assert.equal(c.resolution.status, 'met');
  assert.equal(iso(c.resolution.done_at), at('2026-11-05 10:00'));
  assert.equal(c.resolution.business_elapsed_pct, 47.5); // Mon 120 + Tue 390 + Wed 480 + Thu 150 = 1140 of 2400
  assert.equal(c.resolution.actual_elapsed_pct, 38.05); // 74 h of 194.5 h
  assert.equal(c.paused_minutes, 420);
  assert.equal(c.next_check_at, null);
  assert.equal(onTimeOutcome(c, dxb('2026-12-01 00:00')), 'met');
});

test('a request on hold now: paused, due times as if it resumed now', () => {
  // At Mon 14:00: 120 min elapsed (08:00–10:00), 2280 left from 14:00: Mon 90, Tue–Thu 1440, Fri 270 → 1800,
  // Mon 11-09 480 → exactly 15:30 (a closing, not the next opening).
  const { request, events } = walk('2026-11-02 08:00', HELD);
  const c = slaClock(request, events, complaint, field(), dxb('2026-11-02 14:00'));
  assert.equal(c.state, 'paused');
  assert.equal(iso(c.resolution.due_at), at('2026-11-09 15:30'));
  assert.equal(c.resolution.business_elapsed_pct, 5); // 120 of 2400
  assert.equal(c.paused_minutes, 240); // 10:00–14:00
  // The projected warning (1920 − 120 = 1800 from Mon 14:00 → Fri 11-06 12:00) is the next moment to look again.
  assert.equal(iso(c.next_check_at), at('2026-11-06 12:00'));
  // However late `now`, a paused clock is never late.
  assert.equal(onTimeOutcome(c, dxb('2026-12-01 00:00')), null);
  // Later, still on hold: the due time moves on by the pause (Tue 11-03 09:00: 420 paused → Tue 11-10 10:30).
  assert.equal(
    iso(slaClock(request, events, complaint, field(), dxb('2026-11-03 09:00')).resolution.due_at),
    at('2026-11-10 10:30')
  );
});

test('reopen: the time between resolution and reopening does not count; judged at the final resolution', () => {
  // Resolved Thu 11-05 10:00 (1140 elapsed), closed Fri 09:00, reopened Mon 11-09 08:00. The gap (Thu 330 + Fri 270
  // + Mon 30 = 630) moves the due from Tue 11-10 10:30 to: Tue 300 to 15:30, 330 left → Wed 11-11 13:00.
  const { request, events } = walk('2026-11-02 08:00', REOPENED);
  const c = slaClock(request, events, complaint, field(), dxb('2026-11-09 09:00'));
  assert.equal(c.state, 'in_progress');
  assert.equal(iso(c.resolution.due_at), at('2026-11-11 13:00'));
  assert.equal(c.resolution.business_elapsed_pct, 50); // 1140 + 60 = 1200 of 2400
  assert.equal(c.paused_minutes, 420); // only the on-hold time
  assert.equal(c.first_response!.status, 'met'); // a reopen leaves the first response alone
  assert.equal(onTimeOutcome(c, dxb('2026-11-09 09:00')), null); // open again, not yet due

  // Resolved again Wed 11-11 14:00, an hour after due: breached at 13:00, warned at 1920 = 1590 (Mon 450) + 330 → Tue 13:00.
  const late = walk('2026-11-02 08:00', [...REOPENED, ['resolved', '2026-11-11 14:00']]);
  const l = slaClock(late.request, late.events, complaint, field(), dxb('2026-11-11 15:00'));
  assert.equal(l.state, 'breached');
  assert.equal(iso(l.resolution.breached_at), at('2026-11-11 13:00'));
  assert.equal(iso(l.resolution.warning_at), at('2026-11-10 13:00'));
  assert.equal(l.resolution.business_elapsed_pct, 102.5); // 2460 of 2400
  assert.equal(onTimeOutcome(l, dxb('2026-11-11 15:00')), 'breached');

  // Resolved again Tue 11-10 09:00 instead: 1590 + 90 = 1680 → met.
  const early = walk('2026-11-02 08:00', [...REOPENED, ['resolved', '2026-11-10 09:00']]);
  const e = slaClock(early.request, early.events, complaint, field(), dxb('2026-11-10 10:00'));
  assert.equal(e.state, 'met');
  assert.equal(e.resolution.business_elapsed_pct, 70);
});

test('cancelled: its own state, never counted on time or late', () => {
  // Created Mon 2026-11-16 08:00, cancelled 09:00 before any response (first response was due 12:00).
  const early = walk('2026-11-16 08:00', [
    ['assigned', '2026-11-16 08:10'],
    ['cancelled', '2026-11-16 09:00'],
  ]);
  const c = slaClock(early.request, early.events, complaint, field(), dxb('2026-11-23 10:00'));
  assert.equal(c.state, 'cancelled');
  assert.equal(c.first_response!.status, 'pending');
  assert.equal(iso(c.first_response!.due_at), at('2026-11-16 12:00'));
  assert.equal(c.first_response!.business_elapsed_pct, 25); // 60 min, frozen at the cancellation
  assert.equal(c.next_check_at, null);
  assert.equal(onTimeOutcome(c, dxb('2026-11-23 10:00'), 'first_response'), null);
  assert.equal(onTimeOutcome(c, dxb('2026-11-23 10:00'), 'resolution'), null);
  // Cancelled at 13:00, after the first response was due: the breach happened (12:00) but counts in no %.
  const late = walk('2026-11-16 08:00', [
    ['assigned', '2026-11-16 08:10'],
    ['cancelled', '2026-11-16 13:00'],
  ]);
  const l = slaClock(late.request, late.events, complaint, field(), dxb('2026-11-23 10:00'));
  assert.equal(l.state, 'cancelled');
  assert.equal(iso(l.first_response!.breached_at), at('2026-11-16 12:00'));
  assert.equal(onTimeOutcome(l, dxb('2026-11-23 10:00'), 'first_response'), null);
});

test('the warning threshold is reached at exactly warning_pct of the target', () => {
  // Resolution warning at 1920 min from Mon 2026-11-02 08:00: Mon 450, Tue–Thu 1440 → 1890, Fri 07:30 + 30 → Fri 08:00.
  const { request, events } = walk('2026-11-02 08:00', [
    ['assigned', '2026-11-02 08:10'],
    ['in_progress', '2026-11-02 09:00'],
  ]);
  const before = slaClock(request, events, complaint, field(), dxb('2026-11-06 07:59'));
  assert.equal(before.state, 'in_progress');
  assert.equal(before.resolution.business_elapsed_pct, 79.96); // 1919 / 2400
  assert.equal(iso(before.next_check_at), at('2026-11-06 08:00'));
  const on = slaClock(request, events, complaint, field(), dxb('2026-11-06 08:00'));
  assert.equal(on.state, 'warning');
  assert.equal(on.resolution.business_elapsed_pct, 80);
  assert.equal(iso(on.resolution.warning_at), at('2026-11-06 08:00'));
  // Next: the breach, 2400 = Fri 270 → 2160, Mon 11-09 07:30 + 240 → 11:30.
  assert.equal(iso(on.next_check_at), at('2026-11-09 11:30'));
  assert.equal(
    slaClock(request, events, { ...complaint, warning_pct: 90 }, field(), dxb('2026-11-06 08:00')).state,
    'in_progress'
  );
});

test('24x7, created at night: the night counts', () => {
  // Inquiry created Wed 2026-11-25 23:30: first response due Thu 00:30, resolution Thu 23:30.
  const { request, events } = walk('2026-11-25 23:30', []);
  const c = slaClock(request, events, inquiry, allDay(), dxb('2026-11-26 00:20'));
  assert.equal(iso(c.first_response!.due_at), at('2026-11-26 00:30'));
  assert.equal(iso(c.resolution.due_at), at('2026-11-26 23:30'));
  assert.equal(c.first_response!.business_elapsed_pct, 83.33); // 50 / 60
  assert.equal(c.state, 'warning');
  assert.equal(iso(c.next_check_at), at('2026-11-26 00:30'));
});

test('field hours, created at night: nothing elapses before the opening', () => {
  // Complaint created Tue 2026-11-24 22:00: first response due Wed 07:30 + 240 = 11:30; at Wed 07:00 nothing elapsed.
  const { request, events } = walk('2026-11-24 22:00', []);
  const c = slaClock(request, events, complaint, field(), dxb('2026-11-25 07:00'));
  assert.equal(iso(c.first_response!.due_at), at('2026-11-25 11:30'));
  assert.equal(c.first_response!.business_elapsed_pct, 0);
  assert.equal(c.state, 'in_progress');
});

test('an open request is late from its due instant on, never before', () => {
  const { request, events } = walk('2026-11-19 14:00', []);
  const c = slaClock(request, events, complaint, field(), dxb('2026-11-19 15:00'));
  assert.equal(onTimeOutcome(c, dxb('2026-11-20 09:59'), 'first_response'), null);
  assert.equal(onTimeOutcome(c, dxb('2026-11-20 10:00'), 'first_response'), 'breached');
});

test('an open request for three years is computed quickly and exactly', () => {
  // Created Mon 2024-01-01 00:00, first response 2024-01-01 08:00; at Mon 2027-01-04 00:00 the resolution clock holds
  // 334,650 business minutes (see business-time.test.ts) = 13,943.75 % of 2400.
  const { request, events } = walk('2024-01-01 00:00', [
    ['assigned', '2024-01-01 07:45'],
    ['in_progress', '2024-01-01 08:00'],
  ]);
  const c = slaClock(request, events, complaint, field(), dxb('2027-01-04 00:00'));
  assert.equal(c.resolution.business_elapsed_pct, 13_943.75);
  // Due: Mon–Thu 1920 + Fri 270 = 2190 in week one, 210 left → Mon 2024-01-08 07:30 + 210 = 11:00.
  assert.equal(iso(c.resolution.due_at), at('2024-01-08 11:00'));
  assert.equal(c.state, 'breached');
});

test('a recorded outcome: a finished request keeps the due times recorded at its close; an open one ignores them', () => {
  // Created Thu 2026-11-19 14:00, resolution due Fri 11-27 09:30 (above), resolved Fri 11-27 11:00: breached. Monday
  // 11-23 then declared a holiday: on that calendar Thu 90, Fri 270 (360), Tue–Thu 3 × 480 (1800), Fri 27th 270
  // (2070), 330 left → due Mon 11-30 13:00, and the verdict would flip to met. With the recorded due times it stays
  // breached.
  const { request, events } = walk('2026-11-19 14:00', [
    ['assigned', '2026-11-19 15:00'],
    ['in_progress', '2026-11-20 08:00'],
    ['resolved', '2026-11-27 11:00'],
  ]);
  const now = dxb('2026-12-10 12:00');
  const before = slaClock(request, events, complaint, field(), now);
  assert.deepEqual(
    [iso(before.resolution.due_at), before.resolution.status, before.state],
    [at('2026-11-27 09:30'), 'breached', 'breached']
  );
  const later = field({ holidays: ['2026-11-23'] });
  const recomputed = slaClock(request, events, complaint, later, now);
  assert.deepEqual(
    [iso(recomputed.resolution.due_at), recomputed.resolution.status, recomputed.state],
    [at('2026-11-30 13:00'), 'met', 'met']
  );
  const recorded = {
    first_response_due_at: before.first_response!.due_at,
    resolution_due_at: before.resolution.due_at,
  };
  const kept = slaClock(request, events, complaint, later, now, recorded);
  assert.deepEqual(
    [iso(kept.resolution.due_at), kept.resolution.status, iso(kept.resolution.breached_at), kept.state],
    [at('2026-11-27 09:30'), 'breached', at('2026-11-27 09:30'), 'breached']
  );
  assert.equal(iso(kept.first_response!.due_at), iso(before.first_response!.due_at));
  assert.equal(onTimeOutcome(kept, now), 'breached');
  // Reopened: open again, so the recorded due times do not apply; the clock runs on the calendar given.
  const reopened = walk('2026-11-19 14:00', [
    ['assigned', '2026-11-19 15:00'],
    ['in_progress', '2026-11-20 08:00'],
    ['resolved', '2026-11-27 11:00'],
    ['in_progress', '2026-11-30 08:00'],
  ]);
  const open = slaClock(reopened.request, reopened.events, complaint, later, now, recorded);
  assert.equal(
    iso(open.resolution.due_at),
    iso(slaClock(reopened.request, reopened.events, complaint, later, now).resolution.due_at)
  );
  assert.notEqual(iso(open.resolution.due_at), at('2026-11-27 09:30'));
});
