// Static queries that share a piece of static SQL: `/* name */` markers in a query file are replaced by
// the named fragment file (wrapped in parentheses). Only file text is spliced, never input; values stay bound.
import { sql } from '../db/sql.ts';

const cache = new Map<string, string>();

export function sqlWith(name: string, fragments: Record<string, string>): string {
  const key = `${name}|${JSON.stringify(fragments)}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = sql(name);
    for (const [marker, fragment] of Object.entries(fragments)) {
      const mark = `/* ${marker} */`;
      if (!text.includes(mark)) throw new Error(`${name}.sql has no ${mark} marker`);
      text = text.replaceAll(mark, `(\n${sql(fragment).trim()}\n)`);
    }
    cache.set(key, text);
  }
  return text;
}
