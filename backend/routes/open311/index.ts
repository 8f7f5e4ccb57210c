// Open311 GeoReport v2 under /open311/v2: discovery, services and their definitions, POST requests
// (api_key with scope `ingest`), GET requests and GET requests/{id} (public). JSON or XML by extension;
// errors in the spec's `[{code, description}]` shape, in the format asked for.
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { AppContext } from '../../http/context.ts';
import { errorHandler } from '../../http/error-handler.ts';
import { chooseFormat } from './negotiate.ts';
import { registerDiscovery } from './discovery.ts';
import { registerServices } from './services.ts';
import { registerPostRequest } from './post-request.ts';
import { registerGetRequests } from './get-requests.ts';
import { registerGetRequest } from './get-request.ts';
import { open311NotFound, writeOpen311Error } from './errors.ts';
import { methodNotAllowed } from '../../http/method-not-allowed.ts';

export function registerOpen311(ctx: AppContext): Router {
  const router = express.Router();
  router.use(chooseFormat);
  registerDiscovery(router, ctx);
  registerServices(router, ctx);
  registerPostRequest(router, ctx);
  registerGetRequests(router, ctx);
  registerGetRequest(router, ctx);
  router.use(methodNotAllowed());
  router.use(open311NotFound);
  router.use(open311ErrorHandler(ctx));
  return router;
}

/**
 * Errors in the spec's shape. The router uses it; the app should also mount it right after the router
 * (`app.use('/open311/v2', open311ErrorHandler(ctx))`) so that errors raised by the app-wide body
 * parsers before the router runs (413 too large, 415 bad charset) are answered in the same shape.
 */
export function open311ErrorHandler(ctx: AppContext): ErrorRequestHandler {
  return errorHandler(ctx.config.retryAfterSeconds, writeOpen311Error);
}
