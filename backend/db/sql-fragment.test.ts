// SQL fragments: only static text, whitelisted identifiers and the code's integers become SQL text.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fragment, identifier, integer, joinFragments, param, SqlFragment, SqlTemplateError } from './sql-fragment.ts';

const problem = (p: string) => (err: unknown) => {
  assert.ok(err instanceof SqlTemplateError, String(err));
  assert.equal(err.problem, p);
  return true;
};

test('a template literal joins static text and fragments', () => {
  const col = identifier('zone_id', ['zone_id', 'channel']);
  assert.equal(fragment`(s.${col} = ANY(${param('zones')}::int[]))`.text, '(s.zone_id = ANY(:zones::int[]))');
});

test('an interpolated string is refused at run time as by the type', () => {
  const untyped = fragment as (s: TemplateStringsArray, ...p: unknown[]) => SqlFragment;
  assert.throws(() => untyped`WHERE channel = '${"x' OR true --"}'`, problem('not a fragment'));
  assert.throws(() => untyped`LIMIT ${10}`, problem('not a fragment'));
});

test('an identifier must be on the list it is checked against, and a plain name', () => {
  assert.throws(() => identifier('password', ['zone_id']), problem('not whitelisted'));
  assert.throws(() => identifier('zone_id; DROP', ['zone_id; DROP']), problem('not a name'));
});

test('integers only as integers; parameter names only as names', () => {
  assert.equal(integer(1 << 7).text, '128');
  assert.throws(() => integer(1.5), problem('not an integer'));
  assert.throws(() => integer(Number.NaN), problem('not an integer'));
  assert.throws(() => param('a; b'), problem('not a name'));
});

test('fragments join with a fragment between them', () => {
  const cols = ['a', 'b'].map((c) => identifier(c, ['a', 'b']));
  assert.equal(joinFragments(cols).text, 'a, b');
  assert.equal(joinFragments(cols, fragment` | `).text, 'a | b');
  assert.equal(joinFragments([]).text, '');
});

const BACKEND = join(fileURLToPath(import.meta.url), '../..');
function tsFiles(dir: string): string[] {
  // Spread into this realm's array: fs's array is Node's, and under jest (a vm context) a strict deepEqual with a
  // literal array fails on the prototype alone.
  return [...readdirSync(dir, { withFileTypes: true })].flatMap((e) =>
    e.isDirectory()
      ? e.name === 'node_modules'
        ? []
        : tsFiles(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : []
  );
}

test('only db/sql.ts and db/sql-fragment.ts construct fragments from text', () => {
  const makers = tsFiles(BACKEND)
    .filter((f) => readFileSync(f, 'utf8').includes('new SqlFragment('))
    .map((f) => relative(BACKEND, f))
    .sort();
  assert.deepEqual(makers, ['db/sql-fragment.ts', 'db/sql.ts']);
});
