// The datasource's query, options and secrets, and the defaults a new query starts from.
import type { DataQuery, DataSourceJsonData } from '@grafana/schema';
import type { Dimension, Language, QueryFormat } from './catalog.ts';

/** Filters per dimension: codes, template variables (`$zone`) or `all`. */
export type Filters = Partial<Record<Dimension, string[]>>;

export interface S360Query extends DataQuery {
  /** `metrics` (default) asks POST /v1/query; `annotations` asks GET /v1/annotations. */
  queryType?: 'metrics' | 'annotations';
  /** One of METRICS, or a template variable. */
  metric: string;
  groupBy: Dimension[];
  filters: Filters;
  format: QueryFormat;
  /** `en`, `ar` or a template variable; absent: the datasource's default language. */
  language?: string;
  /** Rows of `recurring_topics`. */
  topN?: number;
  /** Smallest bucket for this query (`1h`, `1d`, `$__interval`, `$bucket`); never below the panel's interval. */
  interval?: string;
  /** Version of the saved shape (migrations.ts); absent on queries saved before versioning. */
  schemaVersion?: number;
}

export const QUERY_SCHEMA_VERSION = 1;
export const DEFAULT_TOP_N = 10;

export const DEFAULT_QUERY: Omit<S360Query, 'refId'> = {
  queryType: 'metrics',
  metric: 'received',
  groupBy: [],
  filters: {},
  format: 'time_series',
  schemaVersion: QUERY_SCHEMA_VERSION,
};

/** Options stored in jsonData (visible to the browser). The route reads `url`. */
export interface S360Options extends DataSourceJsonData {
  url?: string;
  defaultLanguage?: Language;
}

/** Secrets stored encrypted by Grafana; never sent back to the browser, injected by the route. */
export interface S360SecureJsonData {
  apiToken?: string;
}

/** A variable query: the values of one dimension, narrowed by other dimensions (topics of a department). */
export interface S360VariableQuery extends DataQuery {
  dimension: Dimension;
  language?: string;
  filters?: Filters;
}

export const DEFAULT_LANGUAGE: Language = 'en';
