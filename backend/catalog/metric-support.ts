// What a query may ask of a metric: its formats, the dimensions it groups and filters by, and its extra options.
// Each kind of metric says what its metrics support in its own file (backend/query/metric-kinds/, `support`); the
// catalogue (GET /v1/catalog) reads it from the registry. Here: the shape, and the two supports several kinds share.
// Every kind answers a filter on any dimension.
import { DIMENSIONS, type Dimension } from '../rollups/cubes.ts';

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

/** A time series or table, grouped by any dimension. */
export const SERIES_SUPPORT: MetricSupport = {
  formats: FORMATS,
  group_by: DIMENSIONS,
  filters: DIMENSIONS,
  options: [],
};
/** One ranked table (top N rows), not grouped by the caller. */
export const RANKED_TABLE_SUPPORT: MetricSupport = {
  formats: ['table'],
  group_by: [],
  filters: DIMENSIONS,
  options: ['top_n'],
};
