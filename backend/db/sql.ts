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

/** A file of backend/sql as text, as it is (a statement with `$1..` or none; templates go through sqlTemplate). */
export function sql(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** A file of backend/sql as a fragment, for a slot (a shared piece such as geo/request_filters) or for bindNamed. */
const files = new Map<string, SqlFragment>();
export function sqlFile(name: string): SqlFragment {
  let file = files.get(name);
  if (file === undefined) {
    file = new SqlFragment(sql(name).trim(), `${name}.sql`);
    files.set(name, file);
    staticIds.set(file, staticIds.size + 1);
  }
  return file;
}

/**
 * Ids of the static fragments: the files, and the templates filled with static fragments only. A template filled
 * with the same static fragments is the same fragment object (so bindNamed finds its numbering by identity).
 */
const staticIds = new Map<SqlFragment, number>();

/** `{name}` outside string literals and comments. */
const SLOT = new RegExp(`${SKIPPED_SQL}|\\{([a-z][a-z0-9_]*)\\}`, 'g');

/** The slots of a template, in order of first use. */
export function slotsOf(text: string): string[] {
  return [...new Set([...text.matchAll(SLOT)].flatMap((m) => (m[1] === undefined ? [] : [m[1]])))];
}

/** A template cut at its slots: static text, slot, static text, …, static text (parts.length = slots.length + 1). */
type Parsed = { source: string; parts: string[]; slots: string[]; names: string[]; filled: Map<string, SqlFragment> };
const parsed = new Map<string, Parsed>();

function parse(name: string): Parsed {
  let p = parsed.get(name);
  if (p === undefined) {
    const { text, source } = sqlFile(name);
    const parts: string[] = [];
    const slots: string[] = [];
    let at = 0;
    for (const m of text.matchAll(SLOT)) {
      if (m[1] === undefined) {
        continue;
      }
      parts.push(text.slice(at, m.index));
      slots.push(m[1]);
      at = m.index + m[0].length;
    }
    parts.push(text.slice(at));
    p = { source, parts, slots, names: [...new Set(slots)], filled: new Map() };
    parsed.set(name, p);
  }
  return p;
}

/**
 * The template `name` (backend/sql/<name>.sql) with each `{slot}` replaced by the fragment of that name.
 * A slot without a fragment, or a fragment without a slot, is a SqlTemplateError; so is a value that is no fragment.
 */
export function sqlTemplate(name: string, slots: Readonly<Record<string, SqlFragment>>): SqlFragment {
  const template = parse(name);
  const missing = template.names.filter((s) => !Object.hasOwn(slots, s));
  if (missing.length) {
    throw new SqlTemplateError(template.source, 'missing slot', missing);
  }
  const unknown = Object.keys(slots).filter((s) => !template.names.includes(s));
  if (unknown.length) {
    throw new SqlTemplateError(template.source, 'unknown slot', unknown);
  }
  const wrong = template.names.filter((s) => !isSqlFragment(slots[s]));
  if (wrong.length) {
    throw new SqlTemplateError(template.source, 'not a fragment', wrong);
  }
  const ids = template.names.map((s) => staticIds.get(slots[s]));
  const key = ids.every((id) => id !== undefined) ? ids.join(',') : null;
  const known = key === null ? undefined : template.filled.get(key);
  if (known) {
    return known;
  }
  let text = template.parts[0];
  for (let i = 0; i < template.slots.length; i++) {
    text += slots[template.slots[i]].text + template.parts[i + 1];
  }
  const filled = new SqlFragment(text, template.source);
  if (key !== null) {
    template.filled.set(key, filled);
    staticIds.set(filled, staticIds.size + 1);
  }
  return filled;
}
