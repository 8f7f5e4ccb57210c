import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketStarts, chooseBucket, coarsestLevel, segments, withHourHorizon } from './plan.ts';
import { DAY, HOUR } from './time.ts';

const t = (s: string) => Date.parse(s);

test('the bucket honours the interval, the point budget and snaps up', () => {
  assert.deepEqual(chooseBucket(DAY, 60_000, 1000, 2000), { kind: 'fixed', ms: 5 * 60_000 });
  assert.deepEqual(chooseBucket(30 * DAY, HOUR, 100, 2000), { kind: 'fixed', ms: 12 * HOUR });
  assert.deepEqual(chooseBucket(60 * DAY, HOUR, 100, 2000), { kind: 'calendar', unit: 'day' });
  assert.deepEqual(chooseBucket(365 * DAY, undefined, 100, 2000), { kind: 'calendar', unit: 'week' });
});

test('day buckets start at midnight in Dubai (20:00 UTC)', () => {
  const starts = bucketStarts(t('2026-11-01T00:00:00Z'), t('2026-11-03T00:00:00Z'), { kind: 'calendar', unit: 'day' });
  assert.deepEqual(starts.map((s) => new Date(s).toISOString()), ['2026-10-31T20:00:00.000Z', '2026-11-01T20:00:00.000Z', '2026-11-02T20:00:00.000Z']);
});

test('weeks start on Monday in Dubai', () => {
  const [first] = bucketStarts(t('2026-11-29T10:00:00Z'), t('2026-11-30T00:00:00Z'), { kind: 'calendar', unit: 'week' });
  assert.equal(new Date(first).toISOString(), '2026-11-22T20:00:00.000Z'); // Monday 23 Nov 00:00 +04
});

test('a range splits into months, days, hours and state edges that tile it exactly', () => {
  const lo = t('2026-01-15T10:17:00Z'), hi = t('2026-04-03T05:42:00Z');
  const segs = segments(lo, hi, 'month');
  assert.equal(segs[0].lo, lo);
  assert.equal(segs[segs.length - 1].hi, hi);
  for (let i = 1; i < segs.length; i++) assert.equal(segs[i].lo, segs[i - 1].hi, 'contiguous');
  assert.deepEqual(segs.map((s) => s.level), ['state', 'hour', 'day', 'month', 'day', 'hour', 'state']);
  const month = segs.find((s) => s.level === 'month')!;
  assert.equal(new Date(month.lo).toISOString(), '2026-01-31T20:00:00.000Z');
  assert.equal(new Date(month.hi).toISOString(), '2026-03-31T20:00:00.000Z');
});

test('a range inside one hour is answered from the state alone', () => {
  assert.deepEqual(segments(t('2026-01-01T10:05:00Z'), t('2026-01-01T10:55:00Z'), 'month').map((s) => s.level), ['state']);
});

test('everything before an instant starts with months from the beginning of time', () => {
  const segs = segments(-Infinity, t('2026-03-10T12:30:00Z'), 'month');
  assert.equal(segs[0].level, 'month');
  assert.equal(segs[0].lo, -Infinity);
  assert.deepEqual(segs.map((s) => s.level), ['month', 'day', 'hour', 'state']);
});

test('fine buckets cannot use hour rollups; hourly buckets cannot use days', () => {
  assert.equal(coarsestLevel({ kind: 'fixed', ms: 15 * 60_000 }), 'state');
  assert.equal(coarsestLevel({ kind: 'fixed', ms: 3 * HOUR }), 'hour');
  assert.equal(coarsestLevel({ kind: 'calendar', unit: 'week' }), 'day');
  assert.equal(coarsestLevel(null), 'month');
});

test('without an hour level, the edges of days come from the state', () => {
  const segs = segments(t('2026-01-15T10:17:00Z'), t('2026-04-03T05:42:00Z'), 'month', 'day');
  assert.deepEqual(segs.map((s) => s.level), ['state', 'day', 'month', 'day', 'state']);
});

test('hour segments before the hour horizon become state; one straddling it is split there', () => {
  const H = t('2026-11-10T05:00:00Z');
  const segs = withHourHorizon([
    { level: 'state', lo: t('2026-11-01T00:10:00Z'), hi: t('2026-11-01T01:00:00Z') },
    { level: 'hour', lo: t('2026-11-01T01:00:00Z'), hi: t('2026-11-01T20:00:00Z') },
    { level: 'day', lo: t('2026-11-01T20:00:00Z'), hi: t('2026-11-09T20:00:00Z') },
    { level: 'hour', lo: t('2026-11-09T20:00:00Z'), hi: t('2026-11-10T09:00:00Z') },
  ], H);
  assert.deepEqual(segs.map((s) => [s.level, new Date(s.lo).toISOString().slice(5, 16), new Date(s.hi).toISOString().slice(5, 16)]), [
    ['state', '11-01T00:10', '11-01T01:00'],
    ['state', '11-01T01:00', '11-01T20:00'],
    ['day', '11-01T20:00', '11-09T20:00'],
    ['state', '11-09T20:00', '11-10T05:00'],
    ['hour', '11-10T05:00', '11-10T09:00'],
  ]);
  assert.deepEqual(withHourHorizon(segments(t('2026-11-01T00:10:00Z'), t('2026-11-03T00:00:00Z'), 'month'), -Infinity),
    segments(t('2026-11-01T00:10:00Z'), t('2026-11-03T00:00:00Z'), 'month'));
});
