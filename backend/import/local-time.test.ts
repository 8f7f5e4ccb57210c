import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { LocalTimeError, LocalTimeReader } from './local-time.ts';

const chicago = new LocalTimeReader('America/Chicago');

test('a local time in winter and in summer takes the offset of its day', () => {
  assert.equal(chicago.read('2026-01-15 09:00:00'), '2026-01-15T15:00:00.000Z'); // CST, UTC−6
  assert.equal(chicago.read('2026-07-15T09:00'), '2026-07-15T14:00:00.000Z'); // CDT, UTC−5
});

test('2026-03-08 02:30 in Chicago never happens: it moves forward by the gap to 03:30 CDT', () => {
  // The clocks jump from 02:00 CST (08:00Z) to 03:00 CDT: 02:30 is read as 03:30 CDT = 08:30Z.
  assert.equal(chicago.read('2026-03-08 02:30:00'), '2026-03-08T08:30:00.000Z');
  assert.equal(chicago.read('2026-03-08 01:59:59'), '2026-03-08T07:59:59.000Z');
  assert.equal(chicago.read('2026-03-08 03:00:00'), '2026-03-08T08:00:00.000Z');
});

test('2026-11-01 01:30 in Chicago happens twice: the earlier instant (CDT)', () => {
  // The clocks go back from 02:00 CDT (07:00Z) to 01:00 CST: 01:30 is 06:30Z (CDT) and 07:30Z (CST).
  assert.equal(chicago.read('2026-11-01 01:30:00'), '2026-11-01T06:30:00.000Z');
  assert.equal(chicago.read('2026-11-01 02:30:00'), '2026-11-01T08:30:00.000Z');
});

test('US month/day/year with AM/PM, as many municipal exports write it', () => {
  assert.equal(chicago.read('03/08/2026 02:30:00 AM'), '2026-03-08T08:30:00.000Z');
  assert.equal(chicago.read('11/1/2026 1:30 AM'), '2026-11-01T06:30:00.000Z');
  assert.equal(chicago.read('07/15/2026 12:05:00 PM'), '2026-07-15T17:05:00.000Z');
  assert.equal(chicago.read('07/15/2026 12:05:00 AM'), '2026-07-15T05:05:00.000Z');
  assert.equal(chicago.read('07/15/2026 13:05'), '2026-07-15T18:05:00.000Z');
});

test('a date alone is a due time at the end of that local day, only where asked', () => {
  assert.equal(chicago.read('2026-03-10', true), '2026-03-11T04:59:59.999Z'); // CDT
  assert.equal(chicago.read('03/07/2026', true), '2026-03-08T05:59:59.999Z'); // CST; the day before the change
  assert.equal(chicago.read('2026-03-08', true), '2026-03-09T04:59:59.999Z'); // the 23-hour day ends in CDT
  assert.equal(chicago.read('2026-03-10'), '2026-03-10', 'a created_at must carry its time');
});

test('times with an offset and text that is no time are left to the strict reader', () => {
  assert.equal(chicago.read('2026-03-08T02:30:00-06:00'), '2026-03-08T02:30:00-06:00');
  assert.equal(chicago.read('2026-03-08T08:30:00Z'), '2026-03-08T08:30:00Z');
  assert.equal(chicago.read('yesterday'), 'yesterday');
  assert.equal(chicago.read('2026-02-30 10:00'), '2026-02-30 10:00');
  assert.equal(chicago.read('13/01/2026 10:00 PM'), '13/01/2026 10:00 PM');
  assert.equal(chicago.read('01/13/2026 13:00 PM'), '01/13/2026 13:00 PM');
});

test('an unknown zone is refused up front', () => {
  assert.throws(() => new LocalTimeReader('Mars/Olympus'), LocalTimeError);
});
