// PostgreSQL text cannot hold U+0000 (NUL): a NUL anywhere in the path, the query or the body (JSON or
// form, values and keys) is refused up front with a 400 naming where it is, instead of reaching the
// database and coming back as a 500 ("invalid byte sequence"). Found by tests/integration/injection.test.ts.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ValidationError, type ErrorDetail } from './errors.ts';
import { formatPath } from './validate.ts';

const MESSAGE = 'must not contain NUL characters';
const MAX_DETAILS = 20;
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s).replace(/\u0000/g, '\\0');

/** Where a value holds a NUL (in a string or a key), as readable paths. */
export function nulPaths(value: unknown, at: (string | number)[] = [], out: string[] = []): string[] {
  if (out.length >= MAX_DETAILS) return out;
  if (typeof value === 'string') { if (value.includes('\u0000')) out.push(formatPath(at.map((p) => (typeof p === 'string' ? clip(p) : p)))); }
  else if (Array.isArray(value)) value.forEach((v, i) => nulPaths(v, [...at, i], out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push(formatPath([...at, clip(k)]));
      else nulPaths(v, [...at, k], out);
    }
  }
  return out;
}

export function rejectNul(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const problems: ErrorDetail[] = [];
    const rawPath = req.originalUrl.split('?')[0];
    if (/%00|\u0000/i.test(rawPath)) problems.push({ path: 'path', message: MESSAGE });
    for (const p of nulPaths(req.query)) problems.push({ path: `query.${p}`, message: MESSAGE });
    for (const p of nulPaths(req.body)) problems.push({ path: p, message: MESSAGE });
    if (problems.length) return next(new ValidationError('the request contains NUL characters, which cannot be stored', problems.slice(0, MAX_DETAILS)));
    next();
  };
}
