// GET /v1/catalog (scope `read`): the catalogue the Grafana datasource's editors list — metrics, dimensions and every
// dimension's values with English and Arabic names, the city's languages and time zone (backend/catalog). One document
// per version of the reference data: strong ETag, 304 on If-None-Match, revalidated on every use (`no-cache`).
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import { rejectUnknown } from '../geo/read-params.ts';
import { matchesIfNoneMatch } from '../geo/zones-geojson.ts';
import { servedCatalog } from '../catalog/served.ts';

export function registerCatalog(router: Router, ctx: AppContext): void {
  router.get(
    '/v1/catalog',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      rejectUnknown(req.query, []);
      const catalog = servedCatalog(await ctx.reference.get());
      res.setHeader('Cache-Control', 'private, no-cache');
      res.setHeader('ETag', catalog.etag);
      if (matchesIfNoneMatch(req.headers['if-none-match'], catalog.etag)) {
        res.status(304).end();
        return;
      }
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', String(catalog.body.length));
      res.status(200).end(catalog.body);
    })
  );
}
