// digital_share: the share (%) of requests received through the digital channels — those the city file marks
// `digital: true` (channels.digital, in the reference data: the website, the apps, WhatsApp, the virtual assistant
// in Dubai's file) — of all requests received, by any dimension and over time, from the same sums as `received`
// (per channel, folded).
import { bucketStarts } from '../../query/plan.ts';
import { tableFrame, timeSeriesFrames, type Frame, type Series } from '../../query/frames.ts';
import { METRICS } from '../../query/metrics.ts';
import { sums } from '../../query/aggregate.ts';
import type { Dimension } from '../../rollups/cubes.ts';
import type { ProactiveContext } from './context.ts';

export async function digitalShare(ctx: ProactiveContext): Promise<Frame[]> {
  const { db, ref, config, range, target, spec } = ctx;
  const withChannel: Dimension[] = target.groupBy.includes('channel') ? target.groupBy : [...target.groupBy, 'channel'];
  const channelAt = withChannel.indexOf('channel');
  const digitalChannels = new Set(ref.channels.filter((c) => c.digital).map((c) => c.code));
  const groups = await sums(db, { ...spec, groupBy: withChannel }, config.queryMaxSeries * (ref.channels.length + 1));
  const out = new Map<
    string,
    { dims: Array<string | number | null>; byBucket: Map<number | null, { digital: number; all: number }> }
  >();
  for (const g of groups.values()) {
    const dims = target.groupBy.includes('channel') ? g.dims : g.dims.filter((_, i) => i !== channelAt);
    const digital = digitalChannels.has(String(g.dims[channelAt]));
    const key = JSON.stringify(dims);
    let o = out.get(key);
    if (!o) {
      o = { dims, byBucket: new Map() };
      out.set(key, o);
    }
    for (const [b, s] of g.byBucket) {
      const acc = o.byBucket.get(b) ?? { digital: 0, all: 0 };
      acc.all += s.received;
      if (digital) {
        acc.digital += s.received;
      }
      o.byBucket.set(b, acc);
    }
  }
  const buckets = spec.bucket ? bucketStarts(range.from, range.to, spec.bucket, ref.time_zone) : null;
  ctx.check(Math.max(out.size, 1), buckets?.length ?? 1);
  const series: Series[] = [...out.values()].map((o) => ({
    dims: o.dims,
    values: new Map([...o.byBucket].map(([b, s]) => [b, s.all > 0 ? (100 * s.digital) / s.all : null])),
  }));
  if (!series.length && !target.groupBy.length) {
    series.push({ dims: [], values: new Map([[null, null]]) });
  }
  const common = {
    refId: target.refId,
    metricName: target.metric,
    metric: METRICS.digital_share,
    lang: target.language,
    groupBy: target.groupBy,
    series,
    ref,
  };
  return buckets
    ? timeSeriesFrames({ ...common, buckets, fill: null })
    : [tableFrame({ ...common, sortDescending: target.groupBy.length > 0 })];
}
