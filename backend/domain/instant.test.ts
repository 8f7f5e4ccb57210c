import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { INSTANT_MAX_MS, readInstant, readIsoDay, readIsoInstant } from './instant.ts';

test('reads strict ISO 8601 date-times with a zone', () => {
  assert.equal(readIsoInstant('2026-11-29T10:00:00+04:00').ms, Date.UTC(2026, 10, 29, 6));
  assert.equal(readIsoInstant('2026-11-29T10:00:00+0400').ms, Date.UTC(2026, 10, 29, 6));
  assert.equal(readIsoInstant('2026-11-29T10:00Z').ms, Date.UTC(2026, 10, 29, 10));
  assert.equal(readIsoInstant('2026-11-29T10:00:00.123456Z').ms, Date.UTC(2026, 10, 29, 10, 0, 0, 123));
  assert.equal(readIsoInstant('2024-02-29T00:00:00Z').ms, Date.UTC(2024, 1, 29));
  assert.equal(readIsoInstant('2000-02-29T00:00:00Z').ms, Date.UTC(2000, 1, 29));
  assert.equal(readIsoInstant('1970-01-01T00:00:00Z').ms, 0);
  assert.equal(readIsoInstant('9998-12-31T23:59:59.999Z').ms, INSTANT_MAX_MS);
});

test('refuses days that do not exist (Date.parse rolls them into the next month)', () => {
  for (const s of [
    '2026-02-30T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2100-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-10-00T00:00:00Z',
  ]) {
    assert.match(readIsoInstant(s).error ?? '', /not a real date/, s);
  }
  assert.match(readIsoInstant('2026-10-01T24:00:00Z').error ?? '', /real time/);
  assert.match(readIsoInstant('2026-10-01T23:59:60Z').error ?? '', /real time/);
  assert.match(readIsoInstant('2026-10-01T10:00:00+15:00').error ?? '', /offset/);
  assert.match(readIsoDay('2026-02-30').error ?? '', /not a real date/);
});

test("refuses what is not the strict form (Date.parse reads \"' OR '1'='1\" as 2001-01-01)", () => {
  assert.ok(!Number.isNaN(Date.parse("' OR '1'='1")));
  for (const s of [
    "' OR '1'='1",
    '2026-10-01',
    '2026-10-01 10:00:00Z',
    '2026-10-01T10:00:00',
    'yesterday',
    '',
    ' 2026-10-01T10:00:00Z',
    '2026-10-01t10:00:00z',
    '+002026-10-01T10:00:00Z',
    '2026-10-01T10:00:00+04',
    'Thu, 01 Oct 2026 10:00:00 GMT',
  ]) {
    assert.ok(readIsoInstant(s).error, s);
  }
  assert.ok(readInstant("' OR '1'='1").error);
});

test('refuses instants outside 1970-01-01 .. 9998-12-31 UTC, in either form', () => {
  for (const s of [
    '0001-01-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '9999-12-31T23:59:59Z',
    '9998-12-31T23:00:00-04:00',
    '0099-01-01T00:00:00Z',
  ]) {
    assert.match(readIsoInstant(s).error ?? '', /outside the supported range/, s);
  }
  assert.match(readInstant('999999999999999').error ?? '', /outside/);
  assert.equal(readInstant('1764374400000').ms, 1764374400000);
  assert.equal(readInstant('0').ms, 0);
  assert.match(readIsoDay('9999-01-01').error ?? '', /outside/);
});
