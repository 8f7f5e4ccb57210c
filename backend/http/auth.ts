// Bearer-token authentication and scope checks.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Scope, TokenIdentity, TokenVerifier } from '../auth/tokens.ts';
import { ForbiddenError, UnauthenticatedError } from './errors.ts';

declare module 'express-serve-static-core' {
  interface Request {
    identity?: TokenIdentity;
  }
}

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) {
    return undefined;
  }
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : undefined;
}

/** The token's identity on a route behind requireScope (a route without it is refused as unauthenticated). */
export function identityOf(req: Request): TokenIdentity {
  if (!req.identity) {
    throw new UnauthenticatedError();
  }
  return req.identity;
}

/** Requires a valid token carrying `scope`. `extract` lets Open311 take the token from `api_key`. */
export function requireScope(
  verifier: TokenVerifier,
  scope: Scope,
  extract: (req: Request) => string | undefined = bearerToken
): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const token = extract(req);
    if (!token) {
      return next(new UnauthenticatedError());
    }
    verifier.verify(token).then((identity) => {
      if (!identity) {
        return next(new UnauthenticatedError('the token is not valid (unknown or revoked)'));
      }
      if (!identity.scopes.includes(scope)) {
        return next(new ForbiddenError(scope));
      }
      req.identity = identity;
      next();
    }, next);
  };
}
