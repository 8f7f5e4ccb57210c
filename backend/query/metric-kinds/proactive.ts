// The proactive metrics (forecasts, early warning, the action list, channel shift): each answered by its own
// file in backend/forecast/metrics/, which checks its answer's size against the limits itself (a forecast's
// values are not series × buckets).
import { runProactiveMetric } from '../../forecast/metrics/dispatch.ts';
import type { Frame } from '../frames.ts';
import { checkTargetSize } from '../limits.ts';
import type { MetricKind } from './kind.ts';

export const proactiveKind: MetricKind<'proactive', null, Frame[]> = {
  id: 'proactive',
  description: 'forecasts, running above forecast, proactive actions and channel shift (backend/forecast/metrics/)',
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
