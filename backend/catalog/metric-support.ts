// What a query may ask of each kind of metric (backend/query/metrics.ts): its formats, the dimensions it groups and
// filters by, and its extra options. Read by the catalogue (GET /v1/catalog); a new kind of metric must say what it
// supports here (the Record type makes it). Every kind answers a filter on any dimension.
import { DIMENSIONS, type Dimension } from '../rollups/cubes.ts';
import type { MetricDefinition, ProactiveMetric } from '../query/metrics.ts';

export const FORMATS = ['time_series', 'table'] as const;
export type Format = (typeof FORMATS)[number];
/** Options of a target beyond metric, group-by, filters, format and language (`top_n`: the body's `topN`). */
export type MetricOption = 'top_n';

export type MetricSupport = {
  formats: readonly Format[];
  group_by: readonly Dimension[];
  filters: readonly Dimension[];
  options: readonly MetricOption[];
};

const SERIES: MetricSupport = { formats: FORMATS, group_by: DIMENSIONS, filters: DIMENSIONS, options: [] };
/** One ranked table (top N rows), not grouped by the caller. */
const RANKED_TABLE: MetricSupport = { formats: ['table'], group_by: [], filters: DIMENSIONS, options: ['top_n'] };

/** The forecasts' levels (backend/forecast/metrics/level-of.ts): none, one of these, or zone and topic. */
const FORECAST_DIMENSIONS: readonly Dimension[] = ['department', 'channel', 'category', 'topic', 'zone'];

/** The proactive metrics (backend/forecast/metrics/) each say which of these they follow. */
export const PROACTIVE_SUPPORT: Readonly<Record<ProactiveMetric['support'], MetricSupport>> = {
  series: SERIES,
  forecast_series: { formats: FORMATS, group_by: FORECAST_DIMENSIONS, filters: FORECAST_DIMENSIONS, options: [] },
  forecast_table: { formats: ['table'], group_by: FORECAST_DIMENSIONS, filters: FORECAST_DIMENSIONS, options: [] },
  running_above: {
    formats: ['table'],
    group_by: ['zone', 'topic'],
    filters: ['zone', 'topic', 'department'],
    options: [],
  },
  ranked_table: RANKED_TABLE,
};

export function supportOf(m: MetricDefinition): MetricSupport {
  return m.kind === 'proactive' ? PROACTIVE_SUPPORT[m.support] : KIND_SUPPORT[m.kind];
}

export const KIND_SUPPORT: Readonly<Record<Exclude<MetricDefinition['kind'], 'proactive'>, MetricSupport>> = {
  sum: SERIES,
  hist: SERIES,
  backlog: SERIES,
  per_10k: SERIES,
  warnings: SERIES,
  recurring_topics: RANKED_TABLE,
  hotspots: RANKED_TABLE,
  open_by_stage: { formats: ['table'], group_by: [], filters: DIMENSIONS, options: [] },
  due_soon: RANKED_TABLE,
};
