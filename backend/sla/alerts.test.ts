import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { alertsOf } from './alerts.ts';
import { slaClock, type SlaPolicy } from './clock.ts';
import { dxb, field, walk } from './test-builders.ts';

const complaint: SlaPolicy = {
  first_response_minutes: 240,
  resolution_minutes: 2400,
  warning_pct: 80,
  pause_statuses: ['on_hold'],
};
const shown = (xs: ReturnType<typeof alertsOf>) => xs.map((a) => `${a.kind} ${a.target} ${a.at.toISOString()}`);

test('a clock shows each warning and breach with the moment it happened', () => {
  // Created Thu 2026-11-19 14:00: first-response warning Fri 09:12, breach Fri 10:00 (clock.test.ts).
  const { request, events } = walk('2026-11-19 14:00', []);
  assert.deepEqual(shown(alertsOf(slaClock(request, events, complaint, field(), dxb('2026-11-20 09:00')))), []);
  assert.deepEqual(shown(alertsOf(slaClock(request, events, complaint, field(), dxb('2026-11-20 09:30')))), [
    `warning first_response ${dxb('2026-11-20 09:12').toISOString()}`,
  ]);
  assert.deepEqual(shown(alertsOf(slaClock(request, events, complaint, field(), dxb('2026-11-20 10:30')))), [
    `warning first_response ${dxb('2026-11-20 09:12').toISOString()}`,
    `breach first_response ${dxb('2026-11-20 10:00').toISOString()}`,
  ]);
});

test('a target done in time before its warning shows nothing', () => {
  const { request, events } = walk('2026-11-19 14:00', [
    ['assigned', '2026-11-19 14:05'],
    ['in_progress', '2026-11-19 14:30'],
  ]);
  assert.deepEqual(alertsOf(slaClock(request, events, complaint, field(), dxb('2026-11-20 10:30'))), []);
});
