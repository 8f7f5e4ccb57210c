// parseTimestamptz reads every timestamptz text as pg's own reader does: the same instant (or the same Infinity), for
// the layouts PostgreSQL writes (fractions of 1–6 digits, offsets of hours, minutes or seconds, either sign) and for
// those it hands to pg's reader (BC, infinity, years below 1000).
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import { FAST_TIMESTAMPTZ, parseTimestamptz } from './timestamptz.ts';

const pgReader = pg.types.getTypeParser(1184, 'text') as (text: string) => Date | number | null;

/** The same reading: a Date of the same instant, or the same non-Date value. */
function assertSameReading(text: string) {
  const [ours, theirs] = [parseTimestamptz(text), pgReader(text)];
  if (theirs instanceof Date) {
    assert.ok(ours instanceof Date, `${text}: not a Date`);
    assert.equal(ours.getTime(), theirs.getTime(), text);
  } else {
    assert.equal(ours, theirs, text);
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as PostgreSQL writes it in a zone `offsetSeconds` east of UTC (trailing fraction zeros dropped). */
function postgresText(ms: number, micros: number, offsetSeconds: number): string {
  const local = new Date(ms + offsetSeconds * 1000);
  const fraction = micros ? `.${pad(micros, 6).replace(/0+$/, '')}` : '';
  const abs = Math.abs(offsetSeconds);
  const [h, m, s] = [Math.floor(abs / 3600), Math.floor((abs % 3600) / 60), abs % 60];
  const zone = `${offsetSeconds < 0 ? '-' : '+'}${pad(h)}${m || s ? `:${pad(m)}` : ''}${s ? `:${pad(s)}` : ''}`;
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${zone}`
  );
}

test('reads the layouts PostgreSQL writes as the same instants as pg does', () => {
  const offsets = [0, 4 * 3600, -3 * 3600 - 30 * 60, 5 * 3600 + 45 * 60, -(9 * 3600 + 30 * 60 + 15), 14 * 3600];
  let seed = 20261207;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < 5000; i++) {
    const ms = Date.UTC(1970, 0, 1) + (next() % 2_000_000) * 1_000_000 - 900_000_000_000;
    const micros = i % 4 === 0 ? 0 : i % 4 === 1 ? (next() % 1000) * 1000 : next() % 1_000_000;
    assertSameReading(postgresText(ms, micros, offsets[i % offsets.length]));
  }
});

test('hands what it does not read by position to pg, with the same result', () => {
  for (const text of [
    'infinity',
    '-infinity',
    '0099-05-06 07:08:09+00',
    '0044-03-15 12:00:00+00 BC',
    '2026-11-30 08:15:02.+04',
    '2026-11-30 08:15:02.5+4',
    '2026-11-30 08:15:02.5',
    '2026-11-30 08:15:02Z',
    '2026-11-30T08:15:02+04',
    '2026-1x-30 08:15:02+04',
    '2026-11-30',
  ]) {
    assertSameReading(text);
  }
});

test('is the reader of timestamptz in FAST_TIMESTAMPTZ; other types keep pg’s readers', () => {
  assert.equal(FAST_TIMESTAMPTZ.getTypeParser(1184, 'text'), parseTimestamptz);
  assert.equal(FAST_TIMESTAMPTZ.getTypeParser(20, 'text'), pg.types.getTypeParser(20, 'text'));
  assert.equal(FAST_TIMESTAMPTZ.getTypeParser(1114, 'text'), pg.types.getTypeParser(1114, 'text'));
});
