// What a query may ask of each kind of metric (backend/query/metrics.ts): its formats, the dimensions it groups and
// filters by, and its extra options. Read by the catalogue (GET /v1/catalog); a new kind of metric must say what it
// supports here (the Record type makes it). Every kind answers a filter on any dimension.
import { DIMENSIONS, type Dimension } from '../rollups/cubes.ts';
import type { MetricDefinition } from '../query/metrics.ts';

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

export const KIND_SUPPORT: Readonly<Record<MetricDefinition['kind'], MetricSupport>> = {
  sum: SERIES,
  hist: SERIES,
  backlog: SERIES,
  per_10k: SERIES,
  warnings: SERIES,
  recurring_topics: RANKED_TABLE,
  hotspots: RANKED_TABLE,
};
