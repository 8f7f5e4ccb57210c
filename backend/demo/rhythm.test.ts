import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Prng } from './prng.ts';
import { arrivalTime, dailyCounts, localDate, periodStart, planDays } from './rhythm.ts';

const ZONE = 'Asia/Dubai';
const DUBAI_OFFSET_MS = 4 * 3600_000;

const END = Date.parse('2026-11-20T12:00:00+04:00');

test('the period starts at local midnight N months before the end', () => {
  assert.equal(new Date(periodStart(END, 3, ZONE)).toISOString(), '2026-08-19T20:00:00.000Z');
  assert.equal(localDate(periodStart(END, 3, ZONE), ZONE), '2026-08-20');
});

test('days cover the period; the last one stops at the end', () => {
  const days = planDays(periodStart(END, 1, ZONE), END, new Set(), new Prng('d'), ZONE);
  assert.equal(days[0].localDate, '2026-10-20');
  assert.equal(days[days.length - 1].localDate, '2026-11-20');
  assert.equal(days[days.length - 1].endMs, END);
  assert.ok(days[days.length - 1].weight < days[days.length - 2].weight, 'half a day weighs less');
});

test('weekends and holidays weigh less than working days', () => {
  const start = periodStart(END, 12, ZONE);
  const days = planDays(start, END, new Set(['2026-03-20', '2026-03-21']), new Prng('w'), ZONE);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b) / xs.length;
  const weekend = mean(days.filter((d) => d.weekend).map((d) => d.weight));
  const weekday = mean(days.filter((d) => !d.weekend && d.dow !== 5 && !d.holiday).map((d) => d.weight));
  assert.ok(weekend < weekday * 0.75, `${weekend} vs ${weekday}`);
  assert.ok(days.find((d) => d.localDate === '2026-03-20')!.holiday);
  const counts = dailyCounts(days, 100_000);
  assert.equal(
    counts.reduce((a, b) => a + b),
    100_000
  );
});

test('arrivals fall within their day, mostly by day, peaking late morning', () => {
  const days = planDays(periodStart(END, 1, ZONE), END, new Set(), new Prng('a'), ZONE);
  const p = new Prng('t');
  const hours = new Array(24).fill(0);
  for (const day of days) {
    for (let i = 0; i < 200; i++) {
      const t = arrivalTime(day, p);
      assert.ok(t >= day.startMs && t < day.endMs && t % 1000 === 0);
      hours[new Date(t + DUBAI_OFFSET_MS).getUTCHours()]++;
    }
  }
  assert.ok(hours[11] > 4 * hours[3], `${hours[11]} at 11:00 vs ${hours[3]} at 03:00`);
  assert.ok(hours[20] > hours[15], 'an evening peak');
});

test('in a zone with daylight saving, days run local midnight to local midnight (23 and 25 hours) and hours follow the wall clock', () => {
  const zone = 'America/Chicago';
  const end = Date.parse('2026-11-03T18:00:00Z');
  const start = periodStart(end, 8, zone);
  assert.equal(new Date(start).toISOString(), '2026-03-03T06:00:00.000Z');
  const days = planDays(start, end, new Set(['2026-07-03']), new Prng('c'), zone);
  const length = (date: string) => {
    const d = days.find((x) => x.localDate === date)!;
    return (d.endMs - d.startMs) / 3600_000;
  };
  assert.equal(length('2026-03-08'), 23);
  assert.equal(length('2026-11-01'), 25);
  assert.equal(length('2026-07-04'), 24);
  assert.equal(
    new Date(days.find((d) => d.localDate === '2026-07-04')!.startMs).toISOString(),
    '2026-07-04T05:00:00.000Z'
  );
  assert.ok(days.find((d) => d.localDate === '2026-07-03')!.holiday);
  assert.equal(days.find((d) => d.localDate === '2026-07-04')!.dow, 6);
  const p = new Prng('h');
  const hours = new Array(24).fill(0);
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' });
  for (const day of days) {
    for (let i = 0; i < 20; i++) {
      const t = arrivalTime(day, p);
      assert.ok(t >= day.startMs && t < day.endMs, day.localDate);
      hours[Number(hourOf.format(t))]++;
    }
  }
  assert.ok(hours[11] > 4 * hours[3], `${hours[11]} at 11:00 vs ${hours[3]} at 03:00 local`);
});
