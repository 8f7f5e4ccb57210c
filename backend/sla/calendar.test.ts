import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { CalendarError, compileCalendar, dayIntervals, isPlainWeek, workingIntervals } from './calendar.ts';
import { dayOfDate } from './time-zone.ts';
import { ALL_DAY, FIELD_HOURS, allDay, dxb, field } from './test-builders.ts';

const spans = (xs: ReadonlyArray<{ start: number; end: number }>) =>
  xs.map((x) => `${new Date(x.start).toISOString()}/${new Date(x.end).toISOString()}`);

test('the field calendar opens 4 × 8 h + 4.5 h = 2190 minutes a week', () => {
  const cal = field();
  assert.equal(cal.weekMs / 60_000, 2190);
  assert.deepEqual(cal.hours[5], [[450, 720]]); // Friday 07:30–12:00
  assert.deepEqual(cal.hours[6], []); // Saturday closed
  assert.equal(allDay().weekMs / 60_000, 7 * 1440);
});

test('working intervals from Thursday afternoon to Monday morning: the Friday half-day, no weekend', () => {
  // Thu 14:00–15:30 (10:00Z–11:30Z), Fri 07:30–12:00 (03:30Z–08:00Z), Mon 07:30–09:00 (03:30Z–05:00Z).
  assert.deepEqual(spans(workingIntervals(field(), +dxb('2026-11-19 14:00'), +dxb('2026-11-23 09:00'))), [
    '2026-11-19T10:00:00.000Z/2026-11-19T11:30:00.000Z',
    '2026-11-20T03:30:00.000Z/2026-11-20T08:00:00.000Z',
    '2026-11-23T03:30:00.000Z/2026-11-23T05:00:00.000Z',
  ]);
});

test('a holiday removes the whole day', () => {
  // 2025-12-01 (Mon) to 12-03 (Wed) are holidays: nothing opens before Thursday 2025-12-04.
  assert.deepEqual(spans(workingIntervals(field(), +dxb('2025-11-30 00:00'), +dxb('2025-12-04 08:00'))), [
    '2025-12-04T03:30:00.000Z/2025-12-04T04:00:00.000Z',
  ]);
  assert.deepEqual(dayIntervals(field(), dayOfDate('2025-12-02')), []);
  assert.equal(dayIntervals(field({ holidays: [] }), dayOfDate('2025-12-02')).length, 1);
});

test('a 24x7 day runs from midnight to midnight ("24:00")', () => {
  assert.deepEqual(spans(dayIntervals(allDay(), dayOfDate('2026-11-25'))), [
    '2026-11-24T20:00:00.000Z/2026-11-25T20:00:00.000Z',
  ]);
});

test('overlapping and touching hours merge', () => {
  const cal = compileCalendar({
    timezone: 'Asia/Dubai',
    weekly_hours: [
      { dow: 1, from: '13:00', to: '17:00' },
      { dow: 1, from: '08:00', to: '12:00' },
      { dow: 1, from: '11:00', to: '13:00' },
    ],
  });
  assert.deepEqual(cal.hours[1], [[480, 1020]]);
  assert.equal(cal.weekMs / 60_000, 540);
});

test('a clock change inside the hours makes that day shorter (New York, 24x7, 2026-03-08)', () => {
  const ny = compileCalendar({ timezone: 'America/New_York', weekly_hours: ALL_DAY });
  const [day] = dayIntervals(ny, dayOfDate('2026-03-08'));
  assert.equal((day.end - day.start) / 3_600_000, 23);
  assert.ok(!isPlainWeek(ny, dayOfDate('2026-03-05')));
  assert.ok(isPlainWeek(ny, dayOfDate('2026-03-12')));
  // Field hours keep their wall-clock times: Monday 07:30 EDT is 11:30Z (the Friday before, 12:30Z).
  const nyField = compileCalendar({ timezone: 'America/New_York', weekly_hours: FIELD_HOURS });
  assert.equal(
    new Date(dayIntervals(nyField, dayOfDate('2026-03-06'))[0].start).toISOString(),
    '2026-03-06T12:30:00.000Z'
  );
  assert.equal(
    new Date(dayIntervals(nyField, dayOfDate('2026-03-09'))[0].start).toISOString(),
    '2026-03-09T11:30:00.000Z'
  );
});

test('a week holding a holiday is not plain', () => {
  assert.ok(!isPlainWeek(field(), dayOfDate('2025-11-27')));
  assert.ok(isPlainWeek(field(), dayOfDate('2025-11-17')));
});

test('bad calendars are refused, naming the part', () => {
  const bad: Array<[string, Parameters<typeof compileCalendar>[0], RegExp]> = [
    ['unknown zone', { timezone: 'Asia/Atlantis', weekly_hours: ALL_DAY }, /timezone/],
    [
      'bad time',
      { timezone: 'Asia/Dubai', weekly_hours: [{ dow: 1, from: '7:30', to: '15:30' }] },
      /weekly_hours\[0\]\.from/,
    ],
    [
      '24:30',
      { timezone: 'Asia/Dubai', weekly_hours: [{ dow: 1, from: '07:30', to: '24:30' }] },
      /weekly_hours\[0\]\.to/,
    ],
    [
      'end before start',
      { timezone: 'Asia/Dubai', weekly_hours: [{ dow: 1, from: '15:30', to: '07:30' }] },
      /must be after/,
    ],
    ['day 8', { timezone: 'Asia/Dubai', weekly_hours: [{ dow: 8, from: '07:30', to: '15:30' }] }, /dow/],
    ['never open', { timezone: 'Asia/Dubai', weekly_hours: [] }, /never open/],
    ['bad holiday', { timezone: 'Asia/Dubai', weekly_hours: ALL_DAY, holidays: ['2026-13-01'] }, /holidays\[0\]/],
  ];
  for (const [what, spec, message] of bad) {
    assert.throws(
      () => compileCalendar(spec),
      (e: unknown) => e instanceof CalendarError && message.test(e.message),
      what
    );
  }
});

test('a day asked again is the answer kept for its calendar, which no caller can change', () => {
  const cal = field();
  const day = dayOfDate('2026-11-19');
  const first = dayIntervals(cal, day);
  assert.equal(dayIntervals(cal, day), first);
  assert.throws(() => (first as Array<{ start: number; end: number }>).push({ start: 0, end: 1 }), TypeError);
  assert.throws(() => Object.assign(first[0], { end: 0 }), TypeError);
  // Another calendar with other holidays keeps its own answers for the same day.
  assert.deepEqual(dayIntervals(field({ holidays: ['2026-11-19'] }), day), []);
  assert.equal(spans(dayIntervals(cal, day)).length, 1);
});
