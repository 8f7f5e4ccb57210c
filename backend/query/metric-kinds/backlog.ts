// The open backlog at the end of each bucket: what was open before the range, plus received − closed − cancelled
// in each bucket so far (two reads of the sums: the range's increments and the prefix before it).
import { sums, yieldToLoop, type AggregateSpec, type Group } from '../aggregate.ts';
import type { Series } from '../frames.ts';
import type { Sums } from '../metrics.ts';
import { framesOfSeries, type MetricKind } from './kind.ts';
import { SERIES_SUPPORT } from '../../catalog/metric-support.ts';
import { lookup } from '../../domain/lookup.ts';

type Plan = { increments: AggregateSpec; prefix: AggregateSpec; maxGroups: number };
/** `moving`: the keys of the groups whose backlog is not zero throughout. */
type Result = { increments: Map<string, Group<Sums>>; prefix: Map<string, Group<Sums>>; moving: string[] };

const net = (s: Sums | undefined) => (s ? s.received - s.closed - s.cancelled : 0);

export const backlogKind: MetricKind<'backlog', Plan, Result> = {
  id: 'backlog',
  description: 'requests open at the end of each bucket, per group',
  support: () => SERIES_SUPPORT,
  plan: (ctx) => ({
    increments: ctx.spec,
    prefix: { ...ctx.spec, from: -Infinity, to: ctx.range.from, bucket: null },
    // Groups whose backlog stays zero (all closed) are no series: the limit is checked on the others (size);
    // until then the groups are bounded by the rows a statement may read.
    maxGroups: ctx.config.queryMaxRows,
  }),
  compute: async (db, plan) => {
    const [increments, prefix] = await Promise.all([
      sums(db, plan.increments, plan.maxGroups),
      sums(db, plan.prefix, plan.maxGroups),
    ]);
    // The series that are not zero throughout: an open backlog before the range, or a change in it (one pass
    // over the groups' buckets, not over series × buckets).
    const moving = (key: string) =>
      net(prefix.get(key)?.byBucket.get(null)) !== 0 ||
      [...(increments.get(key)?.byBucket.values() ?? [])].some((s) => net(s) !== 0);
    return { increments, prefix, moving: [...new Set([...increments.keys(), ...prefix.keys()])].filter(moving) };
  },
  size: (r) => Math.max(r.moving.length, 1),
  frame: async ({ increments, prefix, moving }, ctx) => {
    const series: Series[] = [];
    let n = 0;
    for (const key of moving) {
      if (++n % 100 === 0) {
        await yieldToLoop();
      }
      const g = increments.get(key) ?? lookup(prefix, key, 'prefix');
      let running = net(prefix.get(key)?.byBucket.get(null));
      const values = new Map<number | null, number>();
      if (!ctx.buckets) {
        values.set(null, running + [...(increments.get(key)?.byBucket.values() ?? [])].reduce((a, s) => a + net(s), 0));
      } else {
        for (const b of ctx.buckets) {
          running += net(increments.get(key)?.byBucket.get(b));
          values.set(b, running);
        }
      }
      if ([...values.values()].some((v) => v !== 0)) {
        series.push({ dims: g.dims, values });
      }
    }
    return framesOfSeries(ctx, series, 0);
  },
};
