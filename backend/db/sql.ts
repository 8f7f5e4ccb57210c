// Static SQL lives in backend/sql/*.sql; this loads a file once by name. Values are always bound ($1..).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SQL_DIR = join(fileURLToPath(import.meta.url), '../../sql');
const cache = new Map<string, string>();

export function sql(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

// Static queries that share a piece of static SQL: `/* name */` markers in a query file are replaced by
// the named fragment file (wrapped in parentheses). Only file text is spliced, never input; values stay bound.
const withCache = new Map<string, string>();

export function sqlWith(name: string, fragments: Record<string, string>): string {
  const key = `${name}|${JSON.stringify(fragments)}`;
  let text = withCache.get(key);
  if (text === undefined) {
    text = sql(name);
    for (const [marker, fragment] of Object.entries(fragments)) {
      const mark = `/* ${marker} */`;
      if (!text.includes(mark)) throw new Error(`${name}.sql has no ${mark} marker`);
      text = text.replaceAll(mark, `(\n${sql(fragment).trim()}\n)`);
    }
    withCache.set(key, text);
  }
  return text;
}
