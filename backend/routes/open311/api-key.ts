// POST requests needs `api_key` (form field; a Bearer header works too): a token with scope `ingest`.
// Missing, unknown, revoked or without the scope: 403, as the spec asks, saying which.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { bearerToken, requireScope } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { ForbiddenError, HttpError, UnauthenticatedError } from '../../http/errors.ts';

function apiKey(req: Request): string | undefined {
  const body = req.body as Record<string, unknown> | undefined;
  const key = body && typeof body === 'object' ? body.api_key : undefined;
  if (typeof key === 'string' && key !== '') {
    return key;
  }
  return bearerToken(req);
}

const refused = (message: string) => new HttpError(403, message, [{ path: 'api_key', message }]);

export function requireApiKey(ctx: AppContext): RequestHandler {
  const check = requireScope(ctx.tokens, 'ingest', apiKey);
  return (req: Request, res: Response, next: NextFunction) => {
    const given = (req.body as Record<string, unknown> | undefined)?.api_key;
    if (Array.isArray(given)) {
      return next(refused('api_key was given more than once; send it once'));
    }
    if (!apiKey(req)) {
      return next(refused('api_key was not provided'));
    }
    check(req, res, (err?: unknown) => {
      if (err instanceof UnauthenticatedError) {
        return next(refused('api_key is not valid (unknown or revoked)'));
      }
      if (err instanceof ForbiddenError) {
        return next(refused('api_key lacks the "ingest" scope needed to create requests'));
      }
      next(err);
    });
  };
}
