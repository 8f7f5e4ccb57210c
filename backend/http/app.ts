// Wires the Express app: body limits, routes, 405/404 and the error handler. Nothing else lives here.
import express, { type Express } from 'express';
import type { AppContext } from './context.ts';
import { errorHandler } from './error-handler.ts';
import { NotFoundError } from './errors.ts';
import { registerHealth } from '../routes/health.ts';
import { registerReady } from '../routes/ready.ts';
import { registerMetrics } from '../routes/metrics.ts';
import { registerOpenApi } from '../routes/openapi.ts';
import { createMetrics } from '../ops/metrics.ts';
import { httpMetrics } from './metrics-middleware.ts';
import { keepFormKeys, screenInput } from './screen-input.ts';
import { methodNotAllowed } from './method-not-allowed.ts';
import { registerRequestIngest } from '../routes/requests-ingest.ts';
import { registerRequestEvents } from '../routes/request-events.ts';
import { registerWhoami } from '../routes/whoami.ts';
import { registerZonesGeojson } from '../routes/zones-geojson.ts';
import { registerZoneStats } from '../routes/zone-stats.ts';
import { registerTiles } from '../routes/tiles.ts';
import { registerRequestTileJson } from '../routes/tile-json.ts';
import { registerRecurrence } from '../routes/recurrence.ts';
import { registerQuery } from '../routes/query.ts';
import { registerVariables } from '../routes/variables.ts';
import { registerCatalog } from '../routes/catalog.ts';
import { registerAnnotations } from '../routes/annotations.ts';
import { registerRequestDetail } from '../routes/request-detail.ts';
import { registerRequestFind } from '../routes/request-find.ts';
import { registerQuarantine } from '../routes/quarantine.ts';
import { open311ErrorHandler, registerOpen311 } from '../routes/open311/index.ts';

export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  const metrics = createMetrics(ctx);
  app.use(httpMetrics(metrics));
  app.use(express.json({ limit: ctx.config.maxBodyBytes }));
  app.use(express.urlencoded({ extended: false, limit: ctx.config.maxBodyBytes, verify: keepFormKeys }));
  app.use(screenInput(ctx.config.maxBodyDepth));

  const router = express.Router();
  registerHealth(router);
  registerReady(router, ctx);
  registerMetrics(router, ctx, metrics);
  registerOpenApi(router, ctx);
  registerRequestIngest(router, ctx);
  registerRequestEvents(router, ctx);
  registerWhoami(router, ctx);
  registerZonesGeojson(router, ctx);
  registerZoneStats(router, ctx);
  registerTiles(router, ctx);
  registerRequestTileJson(router, ctx);
  registerRecurrence(router, ctx);
  registerQuery(router, ctx);
  registerVariables(router, ctx);
  registerCatalog(router, ctx);
  registerAnnotations(router, ctx);
  registerRequestDetail(router, ctx);
  registerRequestFind(router, ctx);
  registerQuarantine(router, ctx);
  app.use(router);
  app.use('/open311/v2', registerOpen311(ctx));
  // Body-parser errors (413, 415) on Open311 paths answer in Open311's error shape too.
  app.use('/open311/v2', open311ErrorHandler(ctx));

  app.use(methodNotAllowed());
  app.use((req, _res, next) => next(new NotFoundError(`route ${req.method} ${req.path}`, 'path')));
  app.use(errorHandler(ctx.config.retryAfterSeconds));
  return app;
}
