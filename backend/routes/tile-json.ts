// GET /v1/tiles/requests.json (scope `read`): the request tiles' TileJSON document (geo/request-tilejson.ts), the
// zooms the zone map panel reads instead of copying the settings.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import { rejectUnknown } from '../geo/read-params.ts';
import { requestTileJson } from '../geo/request-tilejson.ts';

export function registerRequestTileJson(router: Router, ctx: AppContext): void {
  router.get(
    '/v1/tiles/requests.json',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      rejectUnknown(req.query, []);
      res.setHeader('Cache-Control', `private, max-age=${ctx.config.tileCacheSeconds}`);
      res.status(200).json(requestTileJson(ctx.config));
    })
  );
}
