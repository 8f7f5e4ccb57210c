import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rng } from '../../bench/csv-history.ts';
import { readIsoInstant } from '../domain/instant.ts';
import { isoMs, isoString } from './iso-time.ts';

/** The shared reader's answer (NaN: refused); where it accepts, Date.parse agrees on the instant. */
const expected = (s: string) => { const r = readIsoInstant(s); if (r.ms !== undefined) assert.equal(r.ms, Date.parse(s), s); return r.ms ?? NaN; };

const EDGES = ['2026-10-01T10:00:00Z', '2026-10-01T10:00:00.123Z', '2026-10-01T10:00:00.1Z', '2026-10-01T10:00:00.1234Z', '2026-10-01T10:00Z',
  '2026-10-01T10:00:00+04:00', '2026-10-01T10:00:00-09:30', '2026-10-01T10:00:00+0400', '2026-10-01T10:00:00+04', '2026-10-01T10:00:00.999+14:00',
  '2026-02-28T23:59:59.999Z', '2026-02-29T10:00:00.000Z', '2024-02-29T10:00:00.000Z', '2026-02-30T10:00:00Z', '2026-04-31T10:00:00.000Z',
  '2026-02-31T00:00:00.000Z', '2100-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z', '1999-12-31T23:59:59.999Z', '2000-01-01T00:00:00.000Z',
  '2026-10-01T24:00:00Z', '2026-10-01T24:00:00.000Z', '2026-10-01T23:60:00Z', '2026-10-01T23:59:60Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z',
  '2026-10-00T00:00:00Z', '2026-10-32T00:00:00Z', '0000-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z',
  '2026-10-01 10:00:00Z', '2026-10-01T10:00:00', '2026-10-01', 'yesterday', '', '2026-1O-01T10:00:00Z', '2026-10-01T10:00:00+25:00',
  '2026-10-01T10:00:00+04:60', '2026-10-01T10:00:00.123+04:00', '2026-10-01T10:00:00.12aZ', '2026-10-01T10:00:00ZZ', ' 2026-10-01T10:00:00Z'];

test('isoMs is the shared strict reader, isoString is new Date().toISOString(), on edge cases', () => {
  for (const s of EDGES) {
    assert.equal(Object.is(isoMs(s), expected(s)), true, `${s}: ${isoMs(s)} vs ${expected(s)}`);
    if (!Number.isNaN(isoMs(s))) assert.equal(isoString(s), new Date(s).toISOString(), s);
  }
});

test('isoMs refuses days that do not exist and instants outside the range (Date.parse rolls 2026-02-30 into March)', () => {
  for (const s of ['2026-02-30T10:00:00Z', '2026-02-30T10:00:00.000Z', '2026-04-31T10:00:00+04:00', '2100-02-29T00:00:00.000Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
    assert.ok(Number.isNaN(isoMs(s)), s);
  }
});

test('… and on random times, with and without milliseconds and offsets', () => {
  const random = rng(11);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  for (let i = 0; i < 50_000; i++) {
    const t = new Date(Math.floor(random() * 8e12) - 1e12);
    const y = t.getUTCFullYear();
    if (y < 0 || y > 9999) continue;
    const base = `${pad(y, 4)}-${pad(t.getUTCMonth() + 1)}-${pad(1 + Math.floor(random() * 31))}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
    const ms = random() < 0.5 ? `.${pad(Math.floor(random() * 1000), 3)}` : '';
    const zone = random() < 0.6 ? 'Z' : `${random() < 0.5 ? '+' : '-'}${pad(Math.floor(random() * 15))}:${pad(Math.floor(random() * 4) * 15)}`;
    const s = base + ms + zone;
    assert.equal(Object.is(isoMs(s), expected(s)), true, s);
    if (!Number.isNaN(isoMs(s))) assert.equal(isoString(s), new Date(s).toISOString(), s);
    const iso = t.toISOString();
    assert.equal(Object.is(isoMs(iso), expected(iso)), true, iso);
    assert.equal(isoString(iso), iso);
  }
});
