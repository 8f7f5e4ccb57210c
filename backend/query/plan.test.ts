import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { bucketStarts, chooseBucket, coarsestLevel, segments, withHourHorizon } from './plan.ts';
import { DAY, HOUR } from './time.ts';

const t = (s: string) => Date.parse(s);
/** The demo city's zone (UTC+4, no daylight saving); other cities' zones come from their configuration. */
const DUBAI = 'Asia/Dubai';

test('the bucket honours the interval, the point budget and snaps up', () => {
  assert.deepEqual(chooseBucket(DAY, 60_000, 1000, 2000), { kind: 'fixed', ms: 5 * 60_000 });
  assert.deepEqual(chooseBucket(30 * DAY, HOUR, 100, 2000), { kind: 'fixed', ms: 12 * HOUR });
  assert.deepEqual(chooseBucket(60 * DAY, HOUR, 100, 2000), { kind: 'calendar', unit: 'day' });
  assert.deepEqual(chooseBucket(365 * DAY, undefined, 100, 2000), { kind: 'calendar', unit: 'week' });
});

test('day buckets start at midnight in Dubai (20:00 UTC)', () => {
  const starts = bucketStarts(
    t('2026-11-01T00:00:00Z'),
    t('2026-11-03T00:00:00Z'),
    { kind: 'calendar', unit: 'day' },
    DUBAI
  );
  assert.deepEqual(
    starts.map((s) => new Date(s).toISOString()),
    ['2026-10-31T20:00:00.000Z', '2026-11-01T20:00:00.000Z', '2026-11-02T20:00:00.000Z']
  );
});

test('day buckets follow the zone they are given, daylight saving included', () => {
  // New York: midnight is 04:00 UTC in summer time, 05:00 UTC after it ends (1 November 2026, 02:00 local).
  const starts = bucketStarts(
    t('2026-10-31T12:00:00Z'),
    t('2026-11-02T12:00:00Z'),
    { kind: 'calendar', unit: 'day' },
    'America/New_York'
  );
  assert.deepEqual(
    starts.map((s) => new Date(s).toISOString()),
    ['2026-10-31T04:00:00.000Z', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']
  );
});

test('weeks start on Monday in Dubai', () => {
  const [first] = bucketStarts(
    t('2026-11-29T10:00:00Z'),
    t('2026-11-30T00:00:00Z'),
    { kind: 'calendar', unit: 'week' },
    DUBAI
  );
  assert.equal(new Date(first).toISOString(), '2026-11-22T20:00:00.000Z'); // Monday 23 Nov 00:00 +04
});

test('a range splits into months, days, hours and state edges that tile it exactly', () => {
  const lo = t('2026-01-15T10:17:00Z'),
    hi = t('2026-04-03T05:42:00Z');
  const segs = segments(lo, hi, 'month', DUBAI);
  assert.equal(segs[0].lo, lo);
  assert.equal(segs[segs.length - 1].hi, hi);
  for (let i = 1; i < segs.length; i++) {
    assert.equal(segs[i].lo, segs[i - 1].hi, 'contiguous');
  }
  assert.deepEqual(
    segs.map((s) => s.level),
    ['state', 'hour', 'day', 'month', 'day', 'hour', 'state']
  );
  const month = segs.find((s) => s.level === 'month')!;
  assert.equal(new Date(month.lo).toISOString(), '2026-01-31T20:00:00.000Z');
  assert.equal(new Date(month.hi).toISOString(), '2026-03-31T20:00:00.000Z');
});

test('a range inside one hour is answered from the state alone', () => {
  assert.deepEqual(
    segments(t('2026-01-01T10:05:00Z'), t('2026-01-01T10:55:00Z'), 'month', DUBAI).map((s) => s.level),
    ['state']
  );
});

test('everything before an instant starts with months from the beginning of time', () => {
  const segs = segments(-Infinity, t('2026-03-10T12:30:00Z'), 'month', DUBAI);
  assert.equal(segs[0].level, 'month');
  assert.equal(segs[0].lo, -Infinity);
  assert.deepEqual(
    segs.map((s) => s.level),
    ['month', 'day', 'hour', 'state']
  );
});

test('fine buckets cannot use hour rollups; hourly buckets cannot use days', () => {
  assert.equal(coarsestLevel({ kind: 'fixed', ms: 15 * 60_000 }), 'state');
  assert.equal(coarsestLevel({ kind: 'fixed', ms: 3 * HOUR }), 'hour');
  assert.equal(coarsestLevel({ kind: 'calendar', unit: 'week' }), 'day');
  assert.equal(coarsestLevel(null), 'month');
});

test('without an hour level, the edges of days come from the state', () => {
  const segs = segments(t('2026-01-15T10:17:00Z'), t('2026-04-03T05:42:00Z'), 'month', DUBAI, 'day');
  assert.deepEqual(
    segs.map((s) => s.level),
    ['state', 'day', 'month', 'day', 'state']
  );
});

test('hour segments before the hour horizon become state; one straddling it is split there', () => {
  const H = t('2026-11-10T05:00:00Z');
  const segs = withHourHorizon(
    [
      { level: 'state', lo: t('2026-11-01T00:10:00Z'), hi: t('2026-11-01T01:00:00Z') },
      { level: 'hour', lo: t('2026-11-01T01:00:00Z'), hi: t('2026-11-01T20:00:00Z') },
      { level: 'day', lo: t('2026-11-01T20:00:00Z'), hi: t('2026-11-09T20:00:00Z') },
      { level: 'hour', lo: t('2026-11-09T20:00:00Z'), hi: t('2026-11-10T09:00:00Z') },
    ],
    H
  );
  assert.deepEqual(
    segs.map((s) => [s.level, new Date(s.lo).toISOString().slice(5, 16), new Date(s.hi).toISOString().slice(5, 16)]),
    [
      ['state', '11-01T00:10', '11-01T01:00'],
      ['state', '11-01T01:00', '11-01T20:00'],
      ['day', '11-01T20:00', '11-09T20:00'],
      ['state', '11-09T20:00', '11-10T05:00'],
      ['hour', '11-10T05:00', '11-10T09:00'],
    ]
  );
  assert.deepEqual(
    withHourHorizon(segments(t('2026-11-01T00:10:00Z'), t('2026-11-03T00:00:00Z'), 'month', DUBAI), -Infinity),
    segments(t('2026-11-01T00:10:00Z'), t('2026-11-03T00:00:00Z'), 'month', DUBAI)
  );
});

test('past a week the bucket grows by calendar months and years, without end', () => {
  const YEAR = 365.25 * DAY;
  assert.deepEqual(chooseBucket(5 * YEAR, undefined, 100, 2000), { kind: 'months', n: 1 });
  assert.deepEqual(chooseBucket(20 * YEAR, undefined, 100, 2000), { kind: 'months', n: 3 });
  assert.deepEqual(chooseBucket(9998 * YEAR, undefined, undefined, 2000), { kind: 'months', n: 120 });
  assert.deepEqual(chooseBucket(9998 * YEAR, undefined, undefined, 2), { kind: 'months', n: 240000 });
  assert.deepEqual(
    chooseBucket(60 * DAY, 30 * DAY, 1000, 2000),
    { kind: 'months', n: 1 },
    'an interval of a month is a month'
  );
});

test('month buckets start on local month boundaries in Dubai; 12 months are calendar years', () => {
  const months = bucketStarts(t('2026-01-15T00:00:00Z'), t('2026-04-01T00:00:00Z'), { kind: 'months', n: 1 }, DUBAI);
  assert.deepEqual(
    months.map((s) => new Date(s).toISOString()),
    ['2025-12-31T20:00:00.000Z', '2026-01-31T20:00:00.000Z', '2026-02-28T20:00:00.000Z', '2026-03-31T20:00:00.000Z']
  );
  const quarters = bucketStarts(t('2026-05-15T00:00:00Z'), t('2026-08-01T00:00:00Z'), { kind: 'months', n: 3 }, DUBAI);
  assert.deepEqual(
    quarters.map((s) => new Date(s).toISOString()),
    ['2026-03-31T20:00:00.000Z', '2026-06-30T20:00:00.000Z']
  );
  const decades = bucketStarts(t('0001-03-01T00:00:00Z'), t('0031-01-01T00:00:00Z'), { kind: 'months', n: 120 }, DUBAI);
  assert.deepEqual(
    decades.map((s) => new Date(s).toISOString().slice(0, 4)),
    ['0000', '0009', '0019', '0029'],
    'year 1 (from 31 Dec 0 UTC), 10, 20, 30 in Dubai'
  );
  assert.deepEqual(
    bucketStarts(t('2026-05-15T00:00:00Z'), t('2041-01-01T00:00:00Z'), { kind: 'months', n: 120 }, DUBAI).map((s) =>
      new Date(s).toISOString()
    ),
    ['2019-12-31T20:00:00.000Z', '2029-12-31T20:00:00.000Z', '2039-12-31T20:00:00.000Z']
  );
  assert.equal(coarsestLevel({ kind: 'months', n: 3 }), 'month');
});

test('a series never holds more buckets than the hard cap, whatever the range, interval, alignment or cap', () => {
  let seed = 17;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const earliest = t('0001-01-01T00:00:00Z'),
    latest = t('9999-12-31T00:00:00Z');
  for (let i = 0; i < 150; i++) {
    const cap = [2, 3, 10, 100, 2000][i % 5];
    // ranges from a minute to the whole of years 1–9999, log-uniform
    const span = Math.min(
      latest - earliest,
      Math.exp(Math.log(60_000) + rnd() * (Math.log(latest - earliest) - Math.log(60_000)))
    );
    const from = earliest + rnd() * (latest - earliest - span);
    const interval = rnd() < 0.5 ? undefined : Math.exp(rnd() * Math.log(span));
    const spec = chooseBucket(span, interval, rnd() < 0.5 ? undefined : Math.ceil(rnd() * 5000), cap);
    const n = bucketStarts(from, from + span, spec, DUBAI).length;
    assert.ok(
      n <= cap && n >= 1,
      `${n} buckets > ${cap}: ${JSON.stringify(spec)} over ${span} ms from ${new Date(from).toISOString()}`
    );
  }
});
