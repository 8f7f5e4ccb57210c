import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nulPaths } from './reject-nul.ts';

test('finds NUL in nested values and names them like the validators do', () => {
  assert.deepEqual(nulPaths({ requests: [{ description: 'ok' }, { customer: { name: 'a\u0000b' } }], note: '\u0000' }),
    ['requests[1].customer.name', 'note']);
});

test('finds NUL in keys, and shows the key without the NUL', () => {
  assert.deepEqual(nulPaths({ filters: { 'zo\u0000ne': ['1'] } }), ['filters.zo\\0ne']);
});

test('text without NUL, numbers, null and empty bodies pass', () => {
  assert.deepEqual(nulPaths({ a: 'x', b: 1, c: null, d: [true, 'y'], e: '\\0 is fine as text' }), []);
  assert.deepEqual(nulPaths(undefined), []);
  assert.deepEqual(nulPaths('plain'), []);
});

test('stops after twenty findings', () => {
  assert.equal(nulPaths(Array.from({ length: 100 }, () => '\u0000')).length, 20);
});
