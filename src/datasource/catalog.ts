// What the aggregator offers (docs/api.md): metrics and dimensions, with the labels the editors show.
// Declared once; the editors, the query builder and the variable support read them from here.

export const METRICS = [
  { value: 'received', label: 'Requests received', description: 'Requests created in each bucket' },
  { value: 'closed', label: 'Requests closed', description: 'Requests closed in each bucket' },
  { value: 'backlog', label: 'Open backlog', description: 'Requests open at the end of each bucket' },
  { value: 'on_time_pct', label: 'Resolved on time (%)', description: 'Share of due or finished requests resolved within the SLA' },
  { value: 'first_response_on_time_pct', label: 'First response on time (%)', description: 'Share answered within the first-response target' },
  { value: 'first_response_median', label: 'First response, median', description: 'Median time to the first response' },
  { value: 'first_response_p90', label: 'First response, p90', description: '90th percentile of the time to the first response' },
  { value: 'resolution_median', label: 'Resolution time, median', description: 'Median time to resolution' },
  { value: 'resolution_p90', label: 'Resolution time, p90', description: '90th percentile of the time to resolution' },
  { value: 'progress_mean', label: 'Mean progress (%)', description: 'Mean progress of open requests' },
  { value: 'received_per_10k', label: 'Received per 10k residents', description: 'Requests per 10,000 residents of the zone' },
  { value: 'satisfaction_mean', label: 'Satisfaction, mean', description: 'Mean satisfaction score' },
  { value: 'sla_warnings', label: 'SLA warnings', description: 'Requests that reached the SLA warning threshold' },
  { value: 'sla_breaches', label: 'SLA breaches', description: 'Requests that breached their SLA' },
  { value: 'recurring_topics', label: 'Recurring topics (top N)', description: 'Most frequent topics with their change against the previous period', tableOnly: true },
  { value: 'hotspots', label: 'Hot spots', description: 'Places where one topic recurs', tableOnly: true },
  { value: 'open_by_stage', label: 'Open requests by stage', description: 'Requests open now at each stage of the journey, with their share', tableOnly: true },
  { value: 'due_soon', label: 'About to breach (top N)', description: 'Open requests with an SLA target due within the hour, soonest first', tableOnly: true },
] as const;

export type Metric = (typeof METRICS)[number]['value'];

export const DIMENSIONS = [
  { value: 'zone', label: 'Zone' },
  { value: 'channel', label: 'Channel' },
  { value: 'category', label: 'Category' },
  { value: 'topic', label: 'Topic' },
  { value: 'department', label: 'Department' },
  { value: 'advisor', label: 'Advisor' },
  { value: 'status_class', label: 'Status' },
  { value: 'priority', label: 'Priority' },
] as const;

export type Dimension = (typeof DIMENSIONS)[number]['value'];

export const FORMATS = [
  { value: 'time_series', label: 'Time series' },
  { value: 'table', label: 'Table' },
] as const;

export type QueryFormat = (typeof FORMATS)[number]['value'];

export const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'ar', label: 'العربية' },
] as const;

export type Language = (typeof LANGUAGES)[number]['value'];

export const isMetric = (v: unknown): v is Metric => METRICS.some((m) => m.value === v);
export const isDimension = (v: unknown): v is Dimension => DIMENSIONS.some((d) => d.value === v);
export const isLanguage = (v: unknown): v is Language => v === 'en' || v === 'ar';
export const isFormat = (v: unknown): v is QueryFormat => v === 'time_series' || v === 'table';

/** Metrics answered as one table only (they have no time series form). */
export const isTableOnly = (metric: string): boolean => METRICS.some((m) => m.value === metric && 'tableOnly' in m && m.tableOnly);

/** Filter values that mean "every value" to the aggregator. */
export const ALL_VALUE = 'all';
