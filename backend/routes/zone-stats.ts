// GET /v1/zones/stats?from=&to=&metric=received|received_per_10k|open|breaches&<dimension filters>
// (scope `read`): one row per zone {zone_code, value, population} for a choropleth join by zone code.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import { parseChoice, parseTimeRange, rejectUnknown } from '../geo/read-params.ts';
import { FILTER_PARAMS } from '../geo/request-filters.ts';
import { readFilters } from '../geo/read-filters.ts';
import { ZONE_METRICS, zoneStats } from '../geo/zone-stats.ts';

const PARAMS = ['from', 'to', 'metric', ...FILTER_PARAMS];

export function registerZoneStats(router: Router, ctx: AppContext): void {
  router.get(
    '/v1/zones/stats',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      rejectUnknown(req.query, PARAMS);
      const range = parseTimeRange(req.query, ctx.config.tileDefaultDays);
      const metric = parseChoice(req.query, 'metric', ZONE_METRICS, 'received');
      const filters = await readFilters(ctx, req.query);
      const rows = await ctx.reads.run((pool) => zoneStats(pool, metric, range, filters));
      res.json({ metric, from: range.from.toISOString(), to: range.to.toISOString(), rows });
    })
  );
}
