// Screens every request's path, query and body before any route (and before authentication) runs, with
// one iterative walk (no recursion: a body nested 100,000 levels deep used to overflow the stack and
// answer 500). Each finding is a 400 naming where it is:
// - nesting deeper than S360_MAX_BODY_DEPTH levels (the walk does not go past it);
// - U+0000 (NUL) in a string or a key: PostgreSQL text cannot hold it (found by injection.test.ts);
// - a lone surrogate (ill-formed UTF-16) in a string or a key: on its way to UTF-8 it became U+FFFD, so
//   external ids ending in different lone surrogates collapsed into one row;
// - a key named __proto__, constructor or prototype: no body of this API has such a field, and in a plain
//   object they reach the prototype (a `filters: {"__proto__": …}` passed the dimension check).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ValidationError, type ErrorDetail } from './errors.ts';
import { formatPath } from './validate.ts';

export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DETAILS = 20;

const NUL = 'must not contain NUL characters';
const LONE_SURROGATE = 'must be well-formed Unicode (it holds a lone surrogate)';
const RESERVED = 'is a reserved name (__proto__, constructor, prototype) and is refused';
const tooDeep = (max: number) => `is nested deeper than the limit of ${max} levels (S360_MAX_BODY_DEPTH)`;

type Kind = 'nul' | 'unicode' | 'reserved' | 'depth';
export type Finding = { kind: Kind; path: string; message: string };

declare global {
  interface String {
    /** ES2024 (Node 20 has it; TypeScript's ES2022 library does not declare it): no lone surrogate. */
    isWellFormed(): boolean;
  }
}
const isWellFormed = (s: string) => s.isWellFormed();
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A key as it can be shown: at most 60 characters, NUL as \0, a lone surrogate as \uXXXX. */
const shown = (s: string) =>
  (s.length > 60 ? `${s.slice(0, 60)}…` : s)
    .replace(/\u0000/g, '\\0')
    .replace(LONE, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

// The form parser (qs, for urlencoded bodies) drops a `__proto__` field before anyone sees it: the
// screen reads the form's keys from the raw body instead (kept by keepFormKeys, the parser's verify hook).
const formKeys = new WeakMap<object, string[]>();

/** express.urlencoded's `verify`: remembers the keys of the raw form body for the screen. */
export function keepFormKeys(req: object, _res: unknown, raw: Buffer): void {
  formKeys.set(req, [...new URLSearchParams(raw.toString('utf8')).keys()]);
}

type Node = { value: unknown; key: string | number | null; parent: Node | null; depth: number };

function pathOf(node: Node): string {
  const parts: Array<string | number> = [];
  for (let n: Node | null = node; n && n.key !== null; n = n.parent) {
    parts.push(typeof n.key === 'string' ? shown(n.key) : n.key);
  }
  return formatPath(parts.reverse());
}

function stringFinding(s: string): { kind: Kind; message: string } | null {
  if (s.includes('\u0000')) {
    return { kind: 'nul', message: NUL };
  }
  if (!isWellFormed(s)) {
    return { kind: 'unicode', message: LONE_SURROGATE };
  }
  return null;
}

/** Everything wrong with a parsed value, in document order, at most twenty findings. Never recurses. */
export function inputFindings(value: unknown, maxDepth: number): Finding[] {
  const out: Finding[] = [];
  const stack: Node[] = [{ value, key: null, parent: null, depth: 0 }];
  for (let node = stack.pop(); node && out.length < MAX_DETAILS; node = stack.pop()) {
    const v = node.value;
    if (typeof v === 'string') {
      const f = stringFinding(v);
      if (f) {
        out.push({ ...f, path: pathOf(node) });
      }
      continue;
    }
    if (!v || typeof v !== 'object') {
      continue;
    }
    if (node.depth >= maxDepth) {
      out.push({ kind: 'depth', path: pathOf(node), message: tooDeep(maxDepth) });
      continue;
    }
    const children: Node[] = [];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        children.push({ value: v[i], key: i, parent: node, depth: node.depth + 1 });
      }
    } else {
      for (const k of Object.keys(v)) {
        const keyNode: Node = { value: undefined, key: k, parent: node, depth: node.depth + 1 };
        const f = RESERVED_KEYS.has(k) ? { kind: 'reserved' as const, message: RESERVED } : stringFinding(k);
        if (f) {
          out.push({ ...f, path: pathOf(keyNode) });
          if (out.length >= MAX_DETAILS) {
            break;
          }
          continue;
        }
        keyNode.value = (v as Record<string, unknown>)[k];
        children.push(keyNode);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]);
    }
  }
  return out;
}

/** Where a value holds a NUL (in a string or a key), as readable paths. */
export function nulPaths(value: unknown, maxDepth = 1000): string[] {
  return inputFindings(value, maxDepth)
    .filter((f) => f.kind === 'nul')
    .map((f) => f.path);
}

const HEADLINES: Record<Kind, string> = {
  nul: 'the request contains NUL characters, which cannot be stored',
  unicode: 'the request contains text that is not well-formed Unicode (a lone surrogate)',
  reserved: 'the request uses a reserved name (__proto__, constructor or prototype) as a key',
  depth: 'the body is nested too deeply',
};

export function screenInput(maxDepth: number): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const problems: ErrorDetail[] = [];
    let first: Kind | null = null;
    const rawPath = req.originalUrl.split('?')[0];
    if (/%00|\u0000/i.test(rawPath)) {
      problems.push({ path: 'path', message: NUL });
      first = 'nul';
    }
    for (const key of formKeys.get(req) ?? []) {
      if (RESERVED_KEYS.has(key)) {
        first ??= 'reserved';
        problems.push({ path: key, message: RESERVED });
      }
    }
    for (const [where, value] of [
      ['query', req.query],
      ['body', req.body],
    ] as const) {
      for (const f of inputFindings(value, maxDepth)) {
        first ??= f.kind;
        problems.push({ path: where === 'query' ? `query.${f.path}` : f.path, message: f.message });
      }
    }
    if (!first) {
      return next();
    }
    const headline = first === 'depth' ? `${HEADLINES.depth}: the limit is ${maxDepth} levels` : HEADLINES[first];
    next(new ValidationError(headline, problems.slice(0, MAX_DETAILS)));
  };
}
