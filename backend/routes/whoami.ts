// GET /v1/whoami: the calling token's name and scopes (any valid token). Used by the datasource health check.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { bearerToken } from '../http/auth.ts';
import { handle } from '../http/async.ts';
import { UnauthenticatedError } from '../http/errors.ts';

export function registerWhoami(router: Router, ctx: AppContext): void {
  router.get(
    '/v1/whoami',
    handle(async (req, res) => {
      const token = bearerToken(req);
      if (!token) {
        throw new UnauthenticatedError();
      }
      const identity = await ctx.tokens.verify(token);
      if (!identity) {
        throw new UnauthenticatedError('the token is not valid (unknown or revoked)');
      }
      res.json({ name: identity.name, scopes: identity.scopes });
    })
  );
}
