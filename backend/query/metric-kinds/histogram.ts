// Percentiles of first-response and resolution times (median, 90th), read from the rollups' histogram bins
// per group and bucket (metrics.ts: quantileFromBins, within its documented error bound).
import { histograms, type AggregateSpec, type Group } from '../aggregate.ts';
import { quantileFromBins } from '../metrics.ts';
import { framesOfSeries, type MetricKind } from './kind.ts';
import { SERIES_SUPPORT } from '../../catalog/metric-support.ts';

export const histogramKind: MetricKind<'hist', AggregateSpec, Map<string, Group<Map<number, number>>>> = {
  id: 'hist',
  description: 'a percentile of a time, from histogram bins per group and bucket',
  support: () => SERIES_SUPPORT,
  plan: (ctx) => ctx.spec,
  compute: (db, spec, ctx) => histograms(db, spec, ctx.metric.hist),
  size: (groups) => Math.max(groups.size, 1),
  frame: (groups, ctx) => {
    const series = [...groups.values()].map((g) => ({
      dims: g.dims,
      values: new Map([...g.byBucket].map(([b, bins]) => [b, quantileFromBins(bins, ctx.metric.quantile)])),
    }));
    return framesOfSeries(ctx, series, null);
  },
};
