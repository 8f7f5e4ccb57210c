// GET /v1/tiles/requests/{z}/{x}/{y}.mvt?from=&to=&<dimension filters> (scope `read`): a Mapbox vector
// tile of the requests in the time range (default: the last tileDefaultDays days); 204 when empty.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import { parseTimeRange, rejectUnknown } from '../geo/read-params.ts';
import { FILTER_PARAMS } from '../geo/request-filters.ts';
import { readFilters } from '../geo/read-filters.ts';
import { parseTileCoords } from '../geo/tile-coords.ts';
import { renderRequestTile } from '../geo/request-tiles.ts';

const PARAMS = ['from', 'to', ...FILTER_PARAMS];
export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

export function registerTiles(router: Router, ctx: AppContext): void {
  router.get(
    '/v1/tiles/requests/:z/:x/:y',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      const coords = parseTileCoords(String(req.params.z), String(req.params.x), String(req.params.y));
      rejectUnknown(req.query, PARAMS);
      const range = parseTimeRange(req.query, ctx.config.tileDefaultDays);
      const filters = await readFilters(ctx, req.query);
      const { tile, layer, capped } = await ctx.reads.run((pool) =>
        renderRequestTile(pool, ctx.config, coords, range, filters)
      );
      res.setHeader('Cache-Control', `private, max-age=${ctx.config.tileCacheSeconds}`);
      res.setHeader('X-Tile-Layer', layer);
      if (capped) {
        res.setHeader('X-Tile-Capped', String(ctx.config.maxTileFeatures));
      }
      if (!tile) {
        res.status(204).end();
        return;
      }
      res.setHeader('Content-Type', MVT_CONTENT_TYPE);
      res.setHeader('Content-Length', String(tile.length));
      res.status(200).end(tile);
    })
  );
}
