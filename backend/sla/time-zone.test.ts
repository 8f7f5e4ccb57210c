import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import {
  dayOfDate,
  isoDow,
  isTimeZone,
  localDay,
  localToInstant,
  offsetAt,
  offsetConstant,
  DAY_MS,
} from './time-zone.ts';

const H = 3_600_000;
const utc = (s: string) => Date.parse(s);
const local = (s: string) => Date.parse(`${s}Z`); // wall clock written as if UTC

test('Asia/Dubai is UTC+4 all year', () => {
  assert.equal(offsetAt('Asia/Dubai', utc('2026-01-15T12:00:00Z')), 4 * H);
  assert.equal(offsetAt('Asia/Dubai', utc('2026-07-15T12:00:00Z')), 4 * H);
  assert.equal(localToInstant('Asia/Dubai', local('2026-11-19T14:00:00')), utc('2026-11-19T10:00:00Z'));
  assert.ok(offsetConstant('Asia/Dubai', utc('2024-01-01T00:00:00Z'), utc('2027-01-01T00:00:00Z')));
});

test('Europe/London: the spring change is found to the second and a skipped time moves forward', () => {
  // 2026-03-29 01:00 GMT the clocks jump to 02:00 BST.
  assert.equal(offsetAt('Europe/London', utc('2026-03-29T00:59:59Z')), 0);
  assert.equal(offsetAt('Europe/London', utc('2026-03-29T01:00:00Z')), H);
  assert.ok(!offsetConstant('Europe/London', utc('2026-03-28T00:00:00Z'), utc('2026-03-30T00:00:00Z')));
  assert.ok(offsetConstant('Europe/London', utc('2026-04-01T00:00:00Z'), utc('2026-10-01T00:00:00Z')));
  // 01:30 never happens that night: it is 02:30 BST = 01:30Z.
  assert.equal(localToInstant('Europe/London', local('2026-03-29T01:30:00')), utc('2026-03-29T01:30:00Z'));
  assert.equal(localToInstant('Europe/London', local('2026-03-29T03:00:00')), utc('2026-03-29T02:00:00Z'));
});

test('Europe/London: a time that happens twice is its first occurrence', () => {
  // 2026-10-25 02:00 BST the clocks go back to 01:00 GMT: 01:30 happens at 00:30Z and at 01:30Z.
  assert.equal(localToInstant('Europe/London', local('2026-10-25T01:30:00')), utc('2026-10-25T00:30:00Z'));
});

test('America/New_York: local day and offsets either side of the March change', () => {
  // 2026-03-08 02:00 EST → 03:00 EDT, at 07:00Z.
  assert.equal(offsetAt('America/New_York', utc('2026-03-08T06:59:59Z')), -5 * H);
  assert.equal(offsetAt('America/New_York', utc('2026-03-08T07:00:00Z')), -4 * H);
  // 2026-03-08T03:30Z is still 2026-03-07 22:30 in New York.
  assert.equal(localDay('America/New_York', utc('2026-03-08T03:30:00Z')), dayOfDate('2026-03-07'));
  // The local day of 2026-03-08 lasts 23 hours.
  const d = dayOfDate('2026-03-08');
  assert.equal(
    localToInstant('America/New_York', (d + 1) * DAY_MS) - localToInstant('America/New_York', d * DAY_MS),
    23 * H
  );
});

test('a change of offset at a year boundary is seen', () => {
  // Pacific/Apia skipped 2011-12-30 entirely (UTC−10 → UTC+14 at 2011-12-30T10:00Z).
  assert.ok(!offsetConstant('Pacific/Apia', utc('2011-12-29T00:00:00Z'), utc('2012-01-02T00:00:00Z')));
  assert.equal(offsetAt('Pacific/Apia', utc('2011-12-31T12:00:00Z')), 14 * H);
});

test('days of the week and dates', () => {
  assert.equal(isoDow(dayOfDate('2026-11-23')), 1); // Monday
  assert.equal(isoDow(dayOfDate('2026-11-27')), 5); // Friday
  assert.equal(isoDow(dayOfDate('2026-11-29')), 7); // Sunday
  assert.equal(isoDow(dayOfDate('1969-12-29')), 1); // before the epoch
  assert.ok(Number.isNaN(dayOfDate('2026-02-30')));
  assert.ok(Number.isNaN(dayOfDate('26-2-3')));
  assert.ok(isTimeZone('Asia/Dubai'));
  assert.ok(!isTimeZone('Mars/Olympus_Mons'));
});
