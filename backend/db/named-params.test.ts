// bindNamed: `:name` parameters numbered in order of first use, every value bound, mistakes refused by name.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { bindNamed } from './named-params.ts';
import { fragment, param, SqlTemplateError } from './sql-fragment.ts';

const refused = (problem: string, names: string[]) => (err: unknown) => {
  assert.ok(err instanceof SqlTemplateError, String(err));
  assert.equal(err.problem, problem);
  assert.deepEqual(err.names, names);
  return true;
};

test('parameters are numbered in order of first use, whatever order the values come in', () => {
  const q = bindNamed(fragment`SELECT * FROM requests WHERE created_at < :to AND created_at >= :from`, {
    from: 'a',
    to: 'b',
  });
  assert.equal(q.text, 'SELECT * FROM requests WHERE created_at < $1 AND created_at >= $2');
  assert.deepEqual(q.values, ['b', 'a']);
});

test('a name used twice is one parameter', () => {
  const q = bindNamed(fragment`SELECT :at::timestamptz, :n::int, :at::timestamptz - interval '1 hour'`, {
    at: 't',
    n: 3,
  });
  assert.equal(q.text, "SELECT $1::timestamptz, $2::int, $1::timestamptz - interval '1 hour'");
  assert.deepEqual(q.values, ['t', 3]);
});

test('casts, string literals, quoted identifiers and comments hold no parameter', () => {
  const q = bindNamed(
    fragment`SELECT 'a :b'::text AS "c:d", :e -- :f
/* :g */ FROM t`,
    { e: 1 }
  );
  assert.equal(
    q.text,
    `SELECT 'a :b'::text AS "c:d", $1 -- :f
/* :g */ FROM t`
  );
  assert.deepEqual(q.values, [1]);
});

test('a value is never written into the text', () => {
  const hostile = "x'); DROP TABLE requests; --";
  const q = bindNamed(fragment`SELECT * FROM requests WHERE channel_code = ${param('channel')}`, { channel: hostile });
  assert.equal(q.text, 'SELECT * FROM requests WHERE channel_code = $1');
  assert.ok(!q.text.includes('DROP'));
  assert.deepEqual(q.values, [hostile]);
});

test('a parameter without a value is refused by name (undefined is no value; null is)', () => {
  assert.throws(
    () => bindNamed(fragment`SELECT :a, :b, :c`, { a: 1, c: undefined }),
    refused('missing parameter', ['b', 'c'])
  );
  assert.deepEqual(bindNamed(fragment`SELECT :a`, { a: null }).values, [null]);
});

test('a value without a parameter is refused by name (a misspelt name fails loudly)', () => {
  assert.throws(
    () => bindNamed(fragment`SELECT :zone_ids`, { zone_ids: null, zoneids: [1] }),
    refused('unknown parameter', ['zoneids'])
  );
});

test('a positional parameter in a named statement is refused: the two numberings would collide', () => {
  assert.throws(() => bindNamed(fragment`SELECT :a, $1`, { a: 1 }), refused('positional parameter', ['$1']));
});
