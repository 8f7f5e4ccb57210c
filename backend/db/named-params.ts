// Named parameters: a statement written with `:name` (outside string literals, comments and `::` casts) and an
// object of values becomes the text with `$1, $2, …` and the bound list, numbered in order of first use (a name
// used twice is one parameter). So no file depends on another's positional order: a shared fragment names
// what it reads. A name without a value, a value without a name, and a `$n` in a named statement are refused.
import { SKIPPED_SQL, SqlTemplateError, type SqlFragment } from './sql-fragment.ts';

export type BoundQuery = { text: string; values: unknown[] };

const PARAM = new RegExp(`${SKIPPED_SQL}|::|:([A-Za-z][A-Za-z0-9_]*)|\\$(\\d+)`, 'g');

/** The statement `query` with its `:name` parameters numbered, and their values from `params` in that order. */
export function bindNamed(query: SqlFragment, params: Readonly<Record<string, unknown>>): BoundQuery {
  const order: string[] = [];
  const positional: string[] = [];
  const text = query.text.replace(PARAM, (match, name: string | undefined, n: string | undefined) => {
    if (n !== undefined) { positional.push(`$${n}`); return match; }
    if (name === undefined) return match;
    let i = order.indexOf(name);
    if (i < 0) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  if (positional.length) throw new SqlTemplateError(query.source, 'positional parameter', [...new Set(positional)]);
  const missing = order.filter((name) => !Object.hasOwn(params, name) || params[name] === undefined);
  if (missing.length) throw new SqlTemplateError(query.source, 'missing parameter', missing);
  const unknown = Object.keys(params).filter((name) => !order.includes(name));
  if (unknown.length) throw new SqlTemplateError(query.source, 'unknown parameter', unknown);
  return { text, values: order.map((name) => params[name]) };
}
