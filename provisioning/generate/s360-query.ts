// A Services 360 query as a Foundation SDK builder, typed by the datasource's own query model
// (src/datasource/types.ts), so a panel target the datasource would not understand does not compile.
import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
// Metric and dimension names from the aggregator's own tables (GET /v1/catalog serves the same): a name it does not
// answer does not compile.
import type { MetricName as Metric } from '../../backend/query/metrics.ts';
import type { Dimension } from '../../backend/rollups/cubes.ts';
import type { QueryFormat } from '../../src/datasource/vocabulary.ts';
import {
  QUERY_SCHEMA_VERSION,
  type Filters,
  type S360Query,
  type S360RequestQuery,
} from '../../src/datasource/types.ts';
import { S360 } from './refs.ts';

export type S360Target = S360Query & Dataquery;

/** Every dashboard filter variable, applied to every query (each panel carries them: no hidden dependency). */
export const DASHBOARD_FILTERS: Filters = {
  zone: ['$zone'],
  channel: ['$channel'],
  category: ['$category'],
  department: ['$department'],
};

export class S360QueryBuilder implements Builder<Dataquery> {
  private readonly internal: S360Target;

  constructor(refId: string, metric: Metric, datasource: DataSourceRef = S360) {
    this.internal = {
      refId,
      datasource: datasource as S360Query['datasource'],
      queryType: 'metrics',
      metric,
      groupBy: [],
      filters: { ...DASHBOARD_FILTERS },
      format: 'time_series',
      language: '$language',
      schemaVersion: QUERY_SCHEMA_VERSION,
      _implementsDataqueryVariant() {},
    };
  }

  build(): S360Target {
    return this.internal;
  }

  groupBy(...dimensions: Dimension[]): this {
    this.internal.groupBy = dimensions;
    return this;
  }

  format(format: QueryFormat): this {
    this.internal.format = format;
    return this;
  }

  table(): this {
    return this.format('table');
  }

  /** Replaces the filters; the dashboard variables stay unless `keepVariables` is false. */
  filters(filters: Filters, keepVariables = true): this {
    this.internal.filters = keepVariables ? { ...DASHBOARD_FILTERS, ...filters } : { ...filters };
    return this;
  }

  /**
   * Drops the filter on the variable this panel's click sets (cross-filtering: a map that drills down keeps its
   * whole-city data while every other panel follows the selection).
   */
  crossFilter(dimension: keyof Filters): this {
    const { [dimension]: _dropped, ...rest } = this.internal.filters ?? {};
    this.internal.filters = rest;
    return this;
  }

  topN(n: number): this {
    this.internal.topN = n;
    return this;
  }

  /** Smallest bucket for this query (e.g. 1h, 1d). */
  interval(interval: string): this {
    this.internal.interval = interval;
    return this;
  }
}

export const s360 = (refId: string, metric: Metric, datasource?: DataSourceRef) =>
  new S360QueryBuilder(refId, metric, datasource);

/** A request query: one request and its journey by reference (GET /v1/requests/{reference}); two frames, the
 *  request then the journey. Personal data only when `datasource` is the PII datasource. */
export function s360Request(refId: string, reference: string, datasource: DataSourceRef): Builder<Dataquery> {
  const target = {
    refId,
    datasource: datasource as S360Query['datasource'],
    queryType: 'request',
    reference,
    language: '$language',
    schemaVersion: QUERY_SCHEMA_VERSION,
    _implementsDataqueryVariant() {},
  } satisfies S360RequestQuery & Dataquery;
  return { build: () => target };
}

/** The dashboard annotation query: incidents and SLA policy versions (GET /v1/annotations). */
export function s360Annotations(): Builder<Dataquery> {
  const target = {
    refId: 'Anno',
    queryType: 'annotations',
    language: '$language',
    _implementsDataqueryVariant() {},
  } satisfies Partial<S360Query> & Dataquery;
  return { build: () => target };
}
