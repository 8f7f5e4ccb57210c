// Static SQL lives in backend/sql/*.sql; this loads a file once by name, and fills a template's named slots.
// A slot is `{name}` in a file (as martin writes `{geometry_column}`), filled from an object of fragments
// (db/sql-fragment.ts: static SQL, whitelisted identifiers, never a value). Values are named parameters
// (`:name`), bound by db/named-params.ts; files without slots or names keep their own `$1..`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSqlFragment, SKIPPED_SQL, SqlFragment, SqlTemplateError } from './sql-fragment.ts';

export const SQL_DIR = join(fileURLToPath(import.meta.url), '../../sql');
const cache = new Map<string, string>();

// Deprecated as a template (the old style): rollups/bulk.ts still fills bulk_*.sql's /*UPPER*/ markers by replaceAll.
export function sql(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** A file of backend/sql as a fragment, for a slot (a shared piece such as geo/request_filters) or for bindNamed. */
export function sqlFile(name: string): SqlFragment {
  return new SqlFragment(sql(name).trim(), `${name}.sql`);
}

/** `{name}` outside string literals and comments. */
const SLOT = new RegExp(`${SKIPPED_SQL}|\\{([a-z][a-z0-9_]*)\\}`, 'g');

/** The slots of a template, in order of first use. */
export function slotsOf(text: string): string[] {
  return [...new Set([...text.matchAll(SLOT)].flatMap((m) => (m[1] === undefined ? [] : [m[1]])))];
}

/**
 * The template `name` (backend/sql/<name>.sql) with each `{slot}` replaced by the fragment of that name.
 * A slot without a fragment, or a fragment without a slot, is a SqlTemplateError; so is a value that is no fragment.
 */
export function sqlTemplate(name: string, slots: Readonly<Record<string, SqlFragment>>): SqlFragment {
  const template = sqlFile(name);
  const used = slotsOf(template.text);
  const missing = used.filter((s) => !Object.hasOwn(slots, s));
  if (missing.length) throw new SqlTemplateError(template.source, 'missing slot', missing);
  const unknown = Object.keys(slots).filter((s) => !used.includes(s));
  if (unknown.length) throw new SqlTemplateError(template.source, 'unknown slot', unknown);
  const wrong = Object.entries(slots).filter(([, f]) => !isSqlFragment(f)).map(([s]) => s);
  if (wrong.length) throw new SqlTemplateError(template.source, 'not a fragment', wrong);
  const text = template.text.replace(SLOT, (match, slot: string | undefined) => (slot === undefined ? match : slots[slot].text));
  return new SqlFragment(text, template.source);
}
