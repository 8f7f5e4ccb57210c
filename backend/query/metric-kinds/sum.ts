// Metrics that are a function of the rollups' sums per group and bucket (received, closed, on-time %, mean
// progress, satisfaction, breaches): metrics.ts says each one's `value`.
import { oneValuePerRow, sums, type AggregateSpec, type Group } from '../aggregate.ts';
import { ZERO_SUMS, type Sums } from '../metrics.ts';
import { framesOfSeries, type MetricKind } from './kind.ts';
import { SERIES_SUPPORT } from '../../catalog/metric-support.ts';

export const sumKind: MetricKind<'sum', AggregateSpec, Map<string, Group<Sums>>> = {
  id: 'sum',
  description: 'a value of the summed rollup measures, per group and bucket',
  support: () => SERIES_SUPPORT,
  // Every row read is a value of the answer.
  plan: (ctx) => oneValuePerRow(ctx.spec, ctx.config.queryMaxTargetPoints),
  compute: (db, spec) => sums(db, spec),
  size: (groups) => Math.max(groups.size, 1),
  frame: (groups, ctx) => {
    // Sparse: a bucket without rows takes the fill (the value of zero sums), as a dense map would hold it.
    const series = [...groups.values()].map((g) => ({
      dims: g.dims,
      values: new Map([...g.byBucket].map(([b, s]) => [b, ctx.metric.value(s)])),
    }));
    return framesOfSeries(ctx, series, ctx.metric.value(ZERO_SUMS));
  },
};
