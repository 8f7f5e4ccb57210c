import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { parseW3, w3 } from './datetime.ts';

test('writes UTC without a zero fraction, keeps a real one', () => {
  assert.equal(w3(new Date('2026-11-29T10:00:00+04:00')), '2026-11-29T06:00:00Z');
  assert.equal(w3(new Date('2026-11-29T06:00:00.250Z')), '2026-11-29T06:00:00.250Z');
  assert.equal(w3(null), null);
});

test('reads a date-time with its zone as given', () => {
  assert.deepEqual(parseW3('2026-11-29T10:00:00+04:00', 'start'), {
    at: '2026-11-29T10:00:00+04:00',
    ms: Date.parse('2026-11-29T06:00:00Z'),
  });
});

test('reads a bare date as a whole UTC day', () => {
  assert.equal((parseW3('2026-11-29', 'start') as { at: string }).at, '2026-11-29T00:00:00Z');
  assert.equal((parseW3('2026-11-29', 'end') as { at: string }).at, '2026-11-29T23:59:59.999999Z');
});

test('refuses a time without zone, an impossible date and free text', () => {
  for (const bad of [
    '2026-11-29T10:00:00',
    '2026-02-30',
    '2026-02-30T10:00:00Z',
    'yesterday',
    '2026-13-01T00:00:00Z',
  ]) {
    assert.ok('error' in parseW3(bad, 'start'), bad);
  }
});
