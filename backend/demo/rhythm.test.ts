import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Prng } from './prng.ts';
import { DUBAI_OFFSET_MS, arrivalTime, dailyCounts, localDate, periodStart, planDays } from './rhythm.ts';

const END = Date.parse('2026-11-20T12:00:00+04:00');

test('the period starts at local midnight N months before the end', () => {
  assert.equal(new Date(periodStart(END, 3)).toISOString(), '2026-08-19T20:00:00.000Z');
  assert.equal(localDate(periodStart(END, 3)), '2026-08-20');
});

test('days cover the period; the last one stops at the end', () => {
  const days = planDays(periodStart(END, 1), END, new Set(), new Prng('d'));
  assert.equal(days[0].localDate, '2026-10-20');
  assert.equal(days[days.length - 1].localDate, '2026-11-20');
  assert.equal(days[days.length - 1].endMs, END);
  assert.ok(days[days.length - 1].weight < days[days.length - 2].weight, 'half a day weighs less');
});

test('weekends and holidays weigh less than working days', () => {
  const start = periodStart(END, 12);
  const days = planDays(start, END, new Set(['2026-03-20', '2026-03-21']), new Prng('w'));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b) / xs.length;
  const weekend = mean(days.filter((d) => d.weekend).map((d) => d.weight));
  const weekday = mean(days.filter((d) => !d.weekend && d.dow !== 5 && !d.holiday).map((d) => d.weight));
  assert.ok(weekend < weekday * 0.75, `${weekend} vs ${weekday}`);
  assert.ok(days.find((d) => d.localDate === '2026-03-20')!.holiday);
  const counts = dailyCounts(days, 100_000);
  assert.equal(counts.reduce((a, b) => a + b), 100_000);
});

test('arrivals fall within their day, mostly by day, peaking late morning', () => {
  const days = planDays(periodStart(END, 1), END, new Set(), new Prng('a'));
  const p = new Prng('t');
  const hours = new Array(24).fill(0);
  for (const day of days) for (let i = 0; i < 200; i++) {
    const t = arrivalTime(day, p);
    assert.ok(t >= day.startMs && t < day.endMs && t % 1000 === 0);
    hours[new Date(t + DUBAI_OFFSET_MS).getUTCHours()]++;
  }
  assert.ok(hours[11] > 4 * hours[3], `${hours[11]} at 11:00 vs ${hours[3]} at 03:00`);
  assert.ok(hours[20] > hours[15], 'an evening peak');
});
