// GET /v1/openapi.json (no token): the OpenAPI 3.1 document of every route, built once per app.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { buildOpenApiDocument } from '../openapi/document.ts';

export function registerOpenApi(router: Router, ctx: AppContext): void {
  const body = JSON.stringify(buildOpenApiDocument(ctx.config));
  router.get('/v1/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/json; charset=utf-8').send(body);
  });
}
