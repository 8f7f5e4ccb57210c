// The proactive metrics (forecasts, early warning, the action list, channel shift): each answered by its own
// file in backend/forecast/metrics/, which checks its answer's size against the limits itself (a forecast's
// values are not series × buckets).
import { RANKED_TABLE_SUPPORT, SERIES_SUPPORT, FORMATS, type MetricSupport } from '../../catalog/metric-support.ts';
import { runProactiveMetric } from '../../forecast/metrics/dispatch.ts';
import type { Dimension } from '../../rollups/cubes.ts';
import type { Frame } from '../frames.ts';
import { checkTargetSize } from '../limits.ts';
import type { ProactiveMetric } from '../metrics.ts';
import type { MetricKind } from './kind.ts';

/** The forecasts' levels (backend/forecast/metrics/level-of.ts): none, one of these, or zone and topic. */
const FORECAST_DIMENSIONS: readonly Dimension[] = ['department', 'channel', 'category', 'topic', 'zone'];

/** What each proactive metric supports, by the `support` its definition names (metrics.ts). */
const PROACTIVE_SUPPORT: Readonly<Record<ProactiveMetric['support'], MetricSupport>> = {
  series: SERIES_SUPPORT,
  forecast_series: { formats: FORMATS, group_by: FORECAST_DIMENSIONS, filters: FORECAST_DIMENSIONS, options: [] },
  forecast_table: { formats: ['table'], group_by: FORECAST_DIMENSIONS, filters: FORECAST_DIMENSIONS, options: [] },
  running_above: {
    formats: ['table'],
    group_by: ['zone', 'topic'],
    filters: ['zone', 'topic', 'department'],
    options: [],
  },
  ranked_table: RANKED_TABLE_SUPPORT,
};

export const proactiveKind: MetricKind<'proactive', null, Frame[]> = {
  id: 'proactive',
  description: 'forecasts, running above forecast, proactive actions and channel shift (backend/forecast/metrics/)',
  support: (metric) => PROACTIVE_SUPPORT[metric.support],
  plan: () => null,
  compute: (db, _plan, ctx) =>
    runProactiveMetric({
      db,
      ref: ctx.ref,
      config: ctx.config,
      range: ctx.range,
      target: ctx.target,
      filters: ctx.filters,
      spec: ctx.spec,
      path: ctx.path,
      check: (series, values) => checkTargetSize(ctx.who, series, values, ctx.budget),
    }),
  frame: (frames) => frames,
};
