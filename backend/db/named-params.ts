// Named parameters: a statement written with `:name` (outside string literals, comments and `::` casts) and an
// object of values becomes the text with `$1, $2, …` and the bound list, numbered in order of first use (a name
// used twice is one parameter). So no file depends on another's positional order: a shared fragment names
// what it reads. A name without a value, a value without a name, and a `$n` in a named statement are refused.
import { SKIPPED_SQL, SqlTemplateError, type SqlFragment } from './sql-fragment.ts';

export type BoundQuery = { text: string; values: unknown[] };

const PARAM = new RegExp(`${SKIPPED_SQL}|::|:([A-Za-z][A-Za-z0-9_]*)|\\$(\\d+)`, 'g');

/** A statement's text with its names numbered, and the names in the order of their numbers. */
type Numbered = { text: string; order: string[]; positional: string[] };
/** Numbered texts by named text: the static statements, and the shapes of the generated ones a dashboard repeats. */
const numbered = new Map<string, Numbered>();
const MAX_NUMBERED = 2000;

/** Numberings by fragment: a static template (the same object each time, db/sql.ts) is found without hashing its text. */
const byFragment = new WeakMap<SqlFragment, Numbered>();

function number(query: SqlFragment): Numbered {
  const known = byFragment.get(query);
  if (known) {
    return known;
  }
  const named = query.text;
  let n = numbered.get(named);
  if (n === undefined) {
    const order: string[] = [];
    const positional: string[] = [];
    const text = named.replace(PARAM, (match, name: string | undefined, k: string | undefined) => {
      if (k !== undefined) {
        positional.push(`$${k}`);
        return match;
      }
      if (name === undefined) {
        return match;
      }
      let i = order.indexOf(name);
      if (i < 0) {
        i = order.push(name) - 1;
      }
      return `$${i + 1}`;
    });
    n = { text, order, positional: [...new Set(positional)] };
    if (numbered.size >= MAX_NUMBERED) {
      numbered.clear();
    }
    numbered.set(named, n);
  }
  byFragment.set(query, n);
  return n;
}

/** The statement `query` with its `:name` parameters numbered, and their values from `params` in that order. */
export function bindNamed(query: SqlFragment, params: Readonly<Record<string, unknown>>): BoundQuery {
  const { text, order, positional } = number(query);
  if (positional.length) {
    throw new SqlTemplateError(query.source, 'positional parameter', positional);
  }
  const missing = order.filter((name) => !Object.hasOwn(params, name) || params[name] === undefined);
  if (missing.length) {
    throw new SqlTemplateError(query.source, 'missing parameter', missing);
  }
  // Every name has its value (above), so a key more than the names is a value without a name.
  const keys = Object.keys(params);
  if (keys.length > order.length) {
    throw new SqlTemplateError(
      query.source,
      'unknown parameter',
      keys.filter((name) => !order.includes(name))
    );
  }
  return { text, values: order.map((name) => params[name]) };
}
