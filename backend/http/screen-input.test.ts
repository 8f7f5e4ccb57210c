import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { inputFindings, nulPaths } from './screen-input.ts';

test('finds NUL in nested values and names them like the validators do', () => {
  assert.deepEqual(
    nulPaths({ requests: [{ description: 'ok' }, { customer: { name: 'a\u0000b' } }], note: '\u0000' }),
    ['requests[1].customer.name', 'note']
  );
});

test('finds NUL in keys, and shows the key without the NUL', () => {
  assert.deepEqual(nulPaths({ filters: { 'zo\u0000ne': ['1'] } }), ['filters.zo\\0ne']);
});

test('text without NUL, numbers, null and empty bodies pass', () => {
  assert.deepEqual(
    inputFindings({ a: 'x', b: 1, c: null, d: [true, 'y'], e: '\\0 is fine as text', f: 'emoji 😀 ok' }, 32),
    []
  );
  assert.deepEqual(inputFindings(undefined, 32), []);
  assert.deepEqual(inputFindings('plain', 32), []);
});

test('stops after twenty findings', () => {
  assert.equal(nulPaths(Array.from({ length: 100 }, () => '\u0000')).length, 20);
});

test('a body nested far deeper than the limit is one finding at the limit, without recursion (no stack overflow)', () => {
  const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000));
  const found = inputFindings({ a: deep }, 32);
  assert.equal(found.length, 1);
  assert.equal(found[0].kind, 'depth');
  assert.match(found[0].message, /deeper than the limit of 32 levels/);
  assert.equal(found[0].path, `a${'[0]'.repeat(31)}`);
  // exactly at the limit passes
  let ok: unknown = 'leaf';
  for (let i = 0; i < 32; i++) {
    ok = [ok];
  }
  assert.deepEqual(inputFindings(ok, 32), []);
  assert.equal(inputFindings([ok], 32).length, 1);
});

test("lone surrogates in values and keys, and reserved keys, are found and named (an object's keys before its values)", () => {
  const body = JSON.parse(
    '{"external_id":"x\\ud800","ok":"\\ud83d\\ude00","k\\udfff":1,"filters":{"__proto__":["1"]},"c":{"constructor":1,"prototype":2}}'
  );
  assert.deepEqual(
    inputFindings(body, 32).map((f) => [f.kind, f.path]),
    [
      ['unicode', 'k\\udfff'],
      ['unicode', 'external_id'],
      ['reserved', 'filters.__proto__'],
      ['reserved', 'c.constructor'],
      ['reserved', 'c.prototype'],
    ]
  );
});
