import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ValidationError } from '../http/errors.ts';
import { parseRequestKey } from './request-id.ts';

test('a numeric id and a reference number are both accepted', () => {
  assert.deepEqual(parseRequestKey('42'), { id: 42 });
  assert.deepEqual(parseRequestKey('S360-000000042'), { reference: 'S360-000000042' });
});

for (const bad of [
  '',
  'abc',
  '-1',
  '4.2',
  '1e3',
  'S360-42',
  's360-000000042',
  '1234567890123456',
  "' OR 1=1 --",
  '1; DROP TABLE requests',
]) {
  test(`"${bad}" is malformed (400 naming path.id)`, () => {
    assert.throws(
      () => parseRequestKey(bad),
      (err) => err instanceof ValidationError && err.details[0].path === 'path.id'
    );
  });
}
