import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { zodDetails } from './validate.ts';

const schema = z.strictObject({ a: z.number(), b: z.string(), c: z.strictObject({ d: z.boolean() }) });

test('a missing field is "required"; a wrong type says what was expected; an extra field is named', () => {
  const r = schema.safeParse({ a: 'x', c: { d: true, e: 1 } });
  assert.equal(r.success, false);
  const details = zodDetails(r.error!, 'items[2]');
  assert.deepEqual(
    details.find((d) => d.path === 'items[2].b'),
    { path: 'items[2].b', message: 'required' }
  );
  assert.match(details.find((d) => d.path === 'items[2].a')!.message, /expected number, received string/);
  assert.deepEqual(
    details.find((d) => d.path === 'items[2].c.e'),
    { path: 'items[2].c.e', message: 'unknown field' }
  );
});
