// A piece of SQL text that may fill a template's slot: made only from static text (a file of backend/sql,
// a template literal of the code), whitelisted identifiers and the code's own integer constants — never from
// a value. Values are named parameters (`:name`, bound by db/named-params.ts). The class is nominal (a private
// field), so a plain string cannot pass for a fragment, and every constructor checks what it is given.

export type SqlTemplateProblem =
  | 'missing slot'
  | 'unknown slot'
  | 'missing parameter'
  | 'unknown parameter'
  | 'positional parameter'
  | 'not a fragment'
  | 'not whitelisted'
  | 'not a name'
  | 'not an integer';

/** A template filled wrongly: which template (file or fragment), what went wrong, and the names concerned. */
export class SqlTemplateError extends Error {
  constructor(
    readonly template: string,
    readonly problem: SqlTemplateProblem,
    readonly names: readonly string[]
  ) {
    super(`${template}: ${problem} ${names.join(', ')}`);
    this.name = 'SqlTemplateError';
  }
}

export class SqlFragment {
  /** Makes the type nominal: an object with the same fields is not a fragment. */
  private readonly nominal = true;
  /** `source`: the file or code that made it, for errors. Made only here and in db/sql.ts (sql-fragment.test.ts checks). */
  constructor(
    readonly text: string,
    readonly source: string
  ) {}
}

export function isSqlFragment(value: unknown): value is SqlFragment {
  return value instanceof SqlFragment;
}

/** What a scan of SQL text skips: string literals, quoted identifiers and comments (a slot or parameter there is text). */
export const SKIPPED_SQL = String.raw`'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|/\*[\s\S]*?\*/`;

/** The names of slots and parameters. */
const NAME = /^[a-z][a-z0-9_]*$/i;

/** Static SQL written in the code: `fragment\`(s.${column} = ANY(${param('x')}))\``; every interpolation a fragment. */
export function fragment(strings: TemplateStringsArray, ...parts: SqlFragment[]): SqlFragment {
  if (!Object.isFrozen(strings) || !Array.isArray(strings.raw)) {
    throw new SqlTemplateError('fragment', 'not a fragment', ['(called without a template literal)']);
  }
  const wrong = parts.filter((p) => !isSqlFragment(p));
  if (wrong.length) {
    throw new SqlTemplateError(
      'fragment',
      'not a fragment',
      wrong.map((w) => typeof w)
    );
  }
  return new SqlFragment(
    strings.reduce((text, s, i) => text + s + (i < parts.length ? parts[i].text : ''), ''),
    'fragment'
  );
}

/** A column or other identifier, if it is one of `allowed` (a list the code declares). */
export function identifier(name: string, allowed: readonly string[]): SqlFragment {
  if (!allowed.includes(name)) {
    throw new SqlTemplateError('identifier', 'not whitelisted', [String(name).slice(0, 80)]);
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new SqlTemplateError('identifier', 'not a name', [name]);
  }
  return new SqlFragment(name, 'identifier');
}

/** An integer constant of the code (a bit position, a grid size), never a value from input: those are bound. */
export function integer(n: number): SqlFragment {
  if (!Number.isSafeInteger(n)) {
    throw new SqlTemplateError('integer', 'not an integer', [String(n)]);
  }
  return new SqlFragment(String(n), 'integer');
}

/** The reference `:name` to a named parameter (its value bound by bindNamed). */
export function param(name: string): SqlFragment {
  if (!NAME.test(name)) {
    throw new SqlTemplateError('param', 'not a name', [name]);
  }
  return new SqlFragment(`:${name}`, 'param');
}

/** Fragments one after another, `separator` between them. */
export function joinFragments(parts: readonly SqlFragment[], separator: SqlFragment = fragment`, `): SqlFragment {
  const wrong = [...parts, separator].filter((p) => !isSqlFragment(p));
  if (wrong.length) {
    throw new SqlTemplateError(
      'joinFragments',
      'not a fragment',
      wrong.map((w) => typeof w)
    );
  }
  return new SqlFragment(parts.map((p) => p.text).join(separator.text), 'joinFragments');
}

export const EMPTY_FRAGMENT = fragment``;

/** Whether `name` may name a slot or a parameter. */
export const isSqlName = (name: string): boolean => NAME.test(name);
