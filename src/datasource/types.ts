// The datasource's query, options and secrets, and the defaults a new query starts from.
import type { DataQuery, DataSourceJsonData } from '@grafana/schema';
import type { Dimension, Language, QueryFormat } from './vocabulary.ts';

/** Filters per dimension: codes, template variables (`$zone`) or `all`. */
export type Filters = Partial<Record<Dimension, string[]>>;

/**
 * What a query asks for: `metrics` (the default) asks POST /v1/query; `request` asks GET /v1/requests/{reference}
 * (one request and its journey); `annotations` asks GET /v1/annotations.
 */
export const QUERY_TYPES = ['metrics', 'request', 'annotations'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];
export const isQueryType = (v: unknown): v is QueryType => QUERY_TYPES.some((t) => t === v);

/**
 * The saved query. One flat shape discriminated by `queryType` (as Grafana stores queries): the metric fields are
 * filled with their defaults for every kind (migrations.ts), so switching the kind in the editor keeps them.
 */
export interface S360Query extends DataQuery {
  queryType?: QueryType;
  /** `request` queries: a reference number (`S360-000012345`), a numeric id, or a template variable (`$reference`). */
  reference?: string;
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

export const QUERY_SCHEMA_VERSION = 2;
export const DEFAULT_TOP_N = 10;

export const DEFAULT_QUERY: Omit<S360Query, 'refId'> = {
  queryType: 'metrics',
  metric: 'received',
  groupBy: [],
  filters: {},
  format: 'time_series',
  schemaVersion: QUERY_SCHEMA_VERSION,
};

/** The saved shape of a `request` query (what a dashboard needs to carry; the rest is filled when it runs). */
export type S360RequestQuery = Pick<S360Query, 'refId' | 'datasource' | 'hide' | 'language' | 'schemaVersion'> & {
  queryType: 'request';
  reference: string;
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
