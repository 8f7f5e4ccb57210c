import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { pauseIntervals, type JourneyStep } from './pauses.ts';
import { dxb } from './test-builders.ts';

const step = (to_status: string, at: string): JourneyStep => ({ to_status, occurred_at: dxb(at) });
const shown = (ps: Array<{ start: Date; end: Date }>) =>
  ps.map((p) => `${p.start.toISOString()}/${p.end.toISOString()}`);
const span = (a: string, b: string) => `${dxb(a).toISOString()}/${dxb(b).toISOString()}`;

const journey = [
  step('received', '2026-11-02 08:00'),
  step('assigned', '2026-11-02 08:10'),
  step('in_progress', '2026-11-02 09:00'),
  step('on_hold', '2026-11-02 10:00'),
  step('on_hold', '2026-11-02 11:00'), // a note while on hold
  step('in_progress', '2026-11-03 09:00'),
  step('on_hold', '2026-11-04 10:00'),
];

test('on hold starts a pause, leaving it ends it, a note on hold changes nothing', () => {
  assert.deepEqual(shown(pauseIntervals(journey.slice(0, 6), ['on_hold'], dxb('2026-11-05 00:00'))), [
    span('2026-11-02 10:00', '2026-11-03 09:00'),
  ]);
});

test('a pause still open runs to now', () => {
  assert.deepEqual(shown(pauseIntervals(journey, ['on_hold'], dxb('2026-11-04 12:00'))), [
    span('2026-11-02 10:00', '2026-11-03 09:00'),
    span('2026-11-04 10:00', '2026-11-04 12:00'),
  ]);
  // now before the open pause began: no open pause yet.
  assert.equal(pauseIntervals(journey, ['on_hold'], dxb('2026-11-04 09:00')).length, 1);
});

test('the pausing statuses come from the policy', () => {
  assert.deepEqual(pauseIntervals(journey, [], dxb('2026-11-05 00:00')), []);
  // Counting "assigned" as pausing too: 08:10 → 09:00, merged with nothing else.
  assert.deepEqual(shown(pauseIntervals(journey.slice(0, 3), ['assigned'], dxb('2026-11-05 00:00'))), [
    span('2026-11-02 08:10', '2026-11-02 09:00'),
  ]);
});

test('resolved → closed → reopened is one stop when resolved and closed count as pausing', () => {
  const reopened = [
    step('in_progress', '2026-11-02 09:00'),
    step('resolved', '2026-11-05 10:00'),
    step('closed', '2026-11-06 09:00'),
    step('in_progress', '2026-11-09 08:00'),
    step('resolved', '2026-11-11 14:00'),
  ];
  assert.deepEqual(shown(pauseIntervals(reopened, ['on_hold', 'resolved', 'closed'], dxb('2026-11-11 14:00'))), [
    span('2026-11-05 10:00', '2026-11-09 08:00'),
  ]);
});
