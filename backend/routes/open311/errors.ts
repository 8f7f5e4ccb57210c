// Open311 errors: `[{code, description}]` (XML: <errors><error>…), one entry per problem, in the format
// the call asked for. A bad or missing api_key is a 403, as the spec says (never our 401).
import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody, ErrorWriter } from '../../http/error-handler.ts';
import { NotFoundError } from '../../http/errors.ts';
import { send } from './respond.ts';

export type Open311Error = { code: number; description: string };

const GENERIC_PATHS = new Set(['', 'body', 'path']);

export function toOpen311Errors(status: number, body: ErrorBody): Open311Error[] {
  if (!body.details.length) {
    return [{ code: status, description: body.error }];
  }
  return body.details.map((d) => ({
    code: status,
    // A detail about the whole body or path says less than the error itself ("too large").
    description: GENERIC_PATHS.has(d.path)
      ? body.error
      : d.message.startsWith(d.path)
        ? d.message
        : `${d.path}: ${d.message}`,
  }));
}

export const writeOpen311Error: ErrorWriter = (res, status, body) => {
  const spec = status === 401 ? 403 : status;
  res.removeHeader('WWW-Authenticate');
  send(res, spec, 'errors', toOpen311Errors(spec, body));
};

/** Anything under /open311/v2 that no route took. */
export function open311NotFound(req: Request, _res: Response, next: NextFunction): void {
  next(new NotFoundError(`resource ${req.method} ${req.baseUrl}${req.path}`, 'path'));
}
