// Templates of backend/sql with named slots: filled from an object of fragments, a missing or unknown slot
// refused, and one style across the tree (the old comment markers gone, but for the bulk build being rewritten).
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SQL_DIR, slotsOf, sqlFile, sqlTemplate } from './sql.ts';
import { fragment, SqlTemplateError, type SqlFragment } from './sql-fragment.ts';

const refused = (problem: string, names: string[]) => (err: unknown) => {
  assert.ok(err instanceof SqlTemplateError, String(err));
  assert.equal(err.problem, problem);
  assert.equal(err.template, 'geo/zone_stats_received.sql');
  assert.deepEqual(err.names, names);
  return true;
};

const filters = () => sqlFile('geo/request_filters');

test('a slot is replaced by its fragment, and the template keeps the rest of its text', () => {
  const filled = sqlTemplate('geo/zone_stats_received', { request_filters: filters() });
  assert.deepEqual(slotsOf(filled.text), []);
  assert.ok(filled.text.includes(`AND (${filters().text})`));
  assert.equal(filled.source, 'geo/zone_stats_received.sql');
});

test('a slot without a fragment is refused by name', () => {
  assert.throws(() => sqlTemplate('geo/zone_stats_received', {}), refused('missing slot', ['request_filters']));
});

test('a fragment without a slot is refused by name', () => {
  assert.throws(
    () => sqlTemplate('geo/zone_stats_received', { request_filters: filters(), request_filter: filters() }),
    refused('unknown slot', ['request_filter'])
  );
});

test('a slot takes fragments only: a string (a value, perhaps) is refused at run time as by the type', () => {
  const untyped = sqlTemplate as (name: string, slots: Record<string, unknown>) => SqlFragment;
  assert.throws(
    () => untyped('geo/zone_stats_received', { request_filters: "true OR '1'='1'" }),
    refused('not a fragment', ['request_filters'])
  );
});

test('a slot is filled wherever it appears, and braces in literals and comments are no slots', () => {
  assert.deepEqual(slotsOf(`SELECT {a}, '{b}', "{c}" -- {d}\n/* {e} */ FROM {a} JOIN {f}`), ['a', 'f']);
  assert.deepEqual(slotsOf(sql360('sla/load_calendars')), []); // '{}' array literals
});

const sql360 = (name: string) => readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');

function sqlFiles(dir: string): string[] {
  // Spread into this realm's array: fs's array is Node's, and under jest (a vm context) a strict deepEqual with a
  // literal array fails on the prototype alone.
  return [...readdirSync(dir, { withFileTypes: true })].flatMap((e) =>
    e.isDirectory() ? sqlFiles(join(dir, e.name)) : e.name.endsWith('.sql') ? [join(dir, e.name)] : []
  );
}

test('one template style: no statement uses the old comment markers', () => {
  const old = sqlFiles(SQL_DIR)
    .filter((f) => !f.includes('/migrations/'))
    .filter((f) => /\/\*[A-Z_]+\*\/|\/\* [a-z_]+ \*\//.test(readFileSync(f, 'utf8')))
    .map((f) => relative(SQL_DIR, f));
  assert.deepEqual(old, []);
});

test('fragments nest: a filled template fills another slot', () => {
  const clusters = sqlTemplate('recurrence/hotspot_clusters', { request_filters: filters() });
  const live = sqlTemplate('recurrence/hotspots_live', { hotspot_clusters: clusters });
  assert.ok(live.text.includes(filters().text));
  assert.deepEqual(slotsOf(live.text), []);
  assert.equal(fragment`${live}`.text, live.text);
});
