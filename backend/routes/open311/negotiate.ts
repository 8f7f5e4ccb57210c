// What an Open311 call asks for: the format from the path's extension (JSON when there is none, as
// the resource without extension is ours to define) and the language from `?lang=en|ar`.
import type { NextFunction, Request, Response } from 'express';
import { ValidationError } from '../../http/errors.ts';
import { isLang, type Lang } from '../../open311/lang.ts';

export type Format = 'json' | 'xml';

const EXTENSION = /\.(json|xml)$/i;

export function formatOf(path: string): Format {
  return /\.xml$/i.test(path) ? 'xml' : 'json';
}

/** The three spellings of a resource: `/services`, `/services.json`, `/services.xml`. */
export function withFormats(path: string): string[] {
  return [path, `${path}.json`, `${path}.xml`];
}

/** A path segment without its format extension: `waste.overflowing_bin.xml` → `waste.overflowing_bin`. */
export function withoutFormat(segment: string): string {
  return segment.replace(EXTENSION, '');
}

/** First middleware of the router: later handlers and the error writer answer in this format. */
export function chooseFormat(req: Request, res: Response, next: NextFunction): void {
  res.locals.open311Format = formatOf(req.path);
  next();
}

/** `?lang=` (or the form's `lang` on POST); undefined when not given. */
export function langParam(req: Request): Lang | undefined {
  const body = req.body as Record<string, unknown> | undefined;
  const raw = req.query.lang ?? (body && typeof body === 'object' ? body.lang : undefined);
  if (raw === undefined || raw === '') {
    return undefined;
  }
  if (typeof raw === 'string' && isLang(raw)) {
    return raw;
  }
  throw new ValidationError('the query is invalid', [{ path: 'lang', message: 'must be en or ar' }]);
}

export function langOf(req: Request): Lang {
  return langParam(req) ?? 'en';
}
