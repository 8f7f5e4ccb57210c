// Requests per 10,000 residents: received per group (each zone's own population when grouped by zone, else the
// population of the zones in the filter's scope); null where the population is unknown.
import { sums, type AggregateSpec, type Stored } from '../aggregate.ts';
import type { Series } from '../frames.ts';
import type { Dimension } from '../../rollups/cubes.ts';
import { framesOfSeries, type MetricKind, type TargetContext } from './kind.ts';
import { SERIES_SUPPORT } from '../../catalog/metric-support.ts';

type Plan = { spec: AggregateSpec; maxGroups: number };
/** The target's groups with their received counts per bucket, zones folded in unless grouped by zone. */
type Folded = Map<string, { dims: Stored[]; received: Map<number | null, number> }>;

const byZone = (ctx: TargetContext) => ctx.target.groupBy.includes('zone');
const withZone = (ctx: TargetContext): Dimension[] =>
  byZone(ctx) ? ctx.target.groupBy : [...ctx.target.groupBy, 'zone'];
const populationOf = (ctx: TargetContext, zoneId: Stored) =>
  zoneId === null ? null : (ctx.ref.zoneById.get(Number(zoneId))?.population ?? null);

/** The residents of the zones the filter keeps (all zones without a zone filter), counting known populations only. */
function scopePopulation(ctx: TargetContext): number {
  const zoneFilter = ctx.filters.zone;
  return ctx.ref.zones
    .filter((z) => !zoneFilter || zoneFilter.includes(z.id))
    .reduce((a, z) => a + (z.population && z.population > 0 ? z.population : 0), 0);
}

export const per10kKind: MetricKind<'per_10k', Plan, Folded> = {
  id: 'per_10k',
  description: 'requests received per 10,000 residents, per group and bucket',
  support: () => SERIES_SUPPORT,
  plan: (ctx) => ({
    spec: { ...ctx.spec, groupBy: withZone(ctx) },
    // Zones fold into the target's series: up to the series limit per zone may come back.
    maxGroups: byZone(ctx)
      ? ctx.config.queryMaxSeries
      : ctx.config.queryMaxSeries * Math.max(1, ctx.ref.zones.length + 1),
  }),
  compute: async (db, plan, ctx) => {
    const groups = await sums(db, plan.spec, plan.maxGroups);
    const zoneAt = plan.spec.groupBy.indexOf('zone');
    const out: Folded = new Map();
    for (const g of groups.values()) {
      const pop = populationOf(ctx, g.dims[zoneAt]);
      const dims = byZone(ctx) ? g.dims : g.dims.filter((_, i) => i !== zoneAt);
      const key = JSON.stringify(dims);
      let o = out.get(key);
      if (!o) {
        o = { dims, received: new Map() };
        out.set(key, o);
      }
      if (!pop || pop <= 0) {
        continue;
      }
      for (const [b, s] of g.byBucket) {
        o.received.set(b, (o.received.get(b) ?? 0) + s.received);
      }
    }
    return out;
  },
  size: (folded) => Math.max(folded.size, 1),
  frame: (folded, ctx) => {
    const { groupBy } = ctx.target;
    const keys = ctx.buckets ?? [null];
    const scope = scopePopulation(ctx);
    const series: Series[] = [...folded.values()].map((o) => {
      const den = byZone(ctx) ? populationOf(ctx, o.dims[groupBy.indexOf('zone')]) : scope;
      return {
        dims: o.dims,
        values: new Map(keys.map((b) => [b, den && den > 0 ? ((o.received.get(b) ?? 0) / den) * 10_000 : null])),
      };
    });
    if (!groupBy.length && !series.length) {
      series.push({ dims: [], values: new Map(keys.map((b) => [b, scope > 0 ? 0 : null])) });
    }
    return framesOfSeries(ctx, series, scope > 0 && !byZone(ctx) ? 0 : null);
  },
};
