// A path some route serves, asked with a method none of them takes: 405 with an `Allow` header listing
// the methods that path does take (RFC 9110 §15.5.6), instead of a 404 that says the resource is not
// there. Uses the app's own routes (walked once, matched with Express's matchers), so every route —
// /v1, the ops routes and Open311's sub-router — answers the same way without listing anything here.
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { listAppRoutes, type AppRoute } from '../openapi/app-routes.ts';
import { HttpError } from './errors.ts';

export class MethodNotAllowedError extends HttpError {
  constructor(method: string, allowed: string[]) {
    const message = `method ${method} is not allowed here; allowed: ${allowed.join(', ')}`;
    super(405, message, [{ path: 'method', message }], { Allow: allowed.join(', ') });
  }
}

const routesOf = new WeakMap<Express, AppRoute[]>();

/** The methods the app serves at `path` (HEAD wherever GET is, as Express answers it). */
export function allowedMethods(app: Express, path: string): string[] {
  let routes = routesOf.get(app);
  if (!routes) {
    routes = listAppRoutes(app);
    routesOf.set(app, routes);
  }
  const methods = new Set(routes.filter((r) => r.matches(path)).map((r) => r.method));
  if (methods.has('GET')) {
    methods.add('HEAD');
  }
  return [...methods].sort();
}

/** Put just before a 404 handler: a known path with another method becomes a 405. */
export function methodNotAllowed(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const allowed = allowedMethods(req.app as Express, req.originalUrl.split('?')[0]);
    if (allowed.length && !allowed.includes(req.method)) {
      return next(new MethodNotAllowedError(req.method, allowed));
    }
    next();
  };
}
