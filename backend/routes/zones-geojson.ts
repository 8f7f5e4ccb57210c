// GET /v1/zones.geojson?zoom=Z&language=en|ar&kind=community|public_site (scope `read`):
// the zones simplified for the zoom, cached in memory, strong ETag and 304, gzip when accepted.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import { parseChoice, parseLanguage, parseNumber, rejectUnknown } from '../geo/read-params.ts';
import { MAX_TILE_ZOOM } from '../geo/tile-coords.ts';
import {
  ZonesGeojsonCache,
  acceptsGzip,
  gzipEtag,
  matchesIfNoneMatch,
  type ZoneKindFilter,
} from '../geo/zones-geojson.ts';

const PARAMS = ['zoom', 'language', 'kind'] as const;
const KINDS: readonly ZoneKindFilter[] = ['all', 'community', 'public_site'];

export function registerZonesGeojson(router: Router, ctx: AppContext): void {
  const cache = new ZonesGeojsonCache((fn) => ctx.reads.run(fn), ctx.config);
  router.get(
    '/v1/zones.geojson',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      rejectUnknown(req.query, PARAMS);
      const zoom = parseNumber(req.query, 'zoom', 0, MAX_TILE_ZOOM, 10);
      const language = parseLanguage(req.query);
      const kind = parseChoice(req.query, 'kind', KINDS, 'all');
      const doc = await cache.get({ zoom, language, kind });
      const gzip = acceptsGzip(req.headers['accept-encoding']);
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Cache-Control', 'private, no-cache');
      res.setHeader('ETag', gzip ? gzipEtag(doc.etag) : doc.etag);
      res.setHeader('X-Zoom-Level', String(doc.bucket));
      if (matchesIfNoneMatch(req.headers['if-none-match'], doc.etag)) {
        res.status(304).end();
        return;
      }
      res.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
      if (gzip) {
        res.setHeader('Content-Encoding', 'gzip');
      }
      const body = gzip ? doc.gzip : doc.body;
      res.setHeader('Content-Length', String(body.length));
      res.status(200).end(body);
    })
  );
}
