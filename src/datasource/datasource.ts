// The Services 360 requests datasource (frontend only): metric queries, request queries (one request and its
// journey), variables, annotations and the health check, all through the plugin route to the aggregator
// (api/client.ts). The editors list metrics, dimensions and values from the aggregator's catalogue (catalog/store.ts,
// one per instance).
import {
  DataSourceApi,
  type AnnotationQuery,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type MetricFindValue,
  type ScopedVars,
  type TimeRange,
} from '@grafana/data';
import type { ComboboxOption } from '@grafana/ui';
import { getTemplateSrv } from '@grafana/runtime';
import { AggregatorClient } from './api/client.ts';
import { toAggregatorError } from './api/errors.ts';
import { activeValues, nameIn } from './catalog/catalog.ts';
import { CatalogStore } from './catalog/store.ts';
import { AnnotationQueryEditor } from './annotations/AnnotationQueryEditor.tsx';
import { annotationsParams, annotationsToFrame, type WireAnnotation } from './annotations/annotations.ts';
import { isLanguage, type Dimension, type Language } from './vocabulary.ts';
import {
  healthFromError,
  healthFromWhoami,
  healthWithoutUrl,
  type HealthResult,
  type Whoami,
} from './health/health.ts';
import { migrateQuery } from './migrations.ts';
import { buildQueryBodies, interpolateFilters } from './query/build-request.ts';
import { interpolateScalar } from './query/interpolate.ts';
import { responseToFrames, wireFrameToDataFrame, type QueryResponseBody } from './query/to-frames.ts';
import { noticeFrame, requestFrames } from './request/request-frames.ts';
import { requestLookup } from './request/request-query.ts';
import type { WireRequestDetail } from './request/wire.ts';
import { DEFAULT_LANGUAGE, DEFAULT_QUERY, type S360Options, type S360Query, type S360VariableQuery } from './types.ts';
import { parseVariableQuery, variableRequest } from './variables/variable-query.ts';
import { S360VariableSupport } from './variables/variable-support.ts';

export class S360DataSource extends DataSourceApi<S360Query, S360Options> {
  readonly client: AggregatorClient;
  readonly defaultLanguage: Language;
  readonly aggregatorUrl: string | undefined;
  /** GET /v1/catalog, cached for this instance (the compiled copy while the aggregator cannot be reached). */
  readonly catalog: CatalogStore;

  constructor(instanceSettings: DataSourceInstanceSettings<S360Options>) {
    super(instanceSettings);
    this.client = new AggregatorClient(instanceSettings.url ?? '');
    const language = instanceSettings.jsonData?.defaultLanguage;
    this.defaultLanguage = isLanguage(language) ? language : DEFAULT_LANGUAGE;
    this.aggregatorUrl = instanceSettings.jsonData?.url;
    this.catalog = new CatalogStore(() => this.client.get<unknown>('/v1/catalog'));
    this.variables = new S360VariableSupport(this);
    this.annotations = {
      QueryEditor: AnnotationQueryEditor,
      getDefaultQuery: () => ({ queryType: 'annotations' }),
      prepareQuery: (anno: AnnotationQuery<S360Query>) =>
        migrateQuery({ ...(anno.target ?? {}), refId: anno.target?.refId ?? 'Anno', queryType: 'annotations' }),
    };
  }

  override getDefaultQuery(): Partial<S360Query> {
    return DEFAULT_QUERY;
  }

  override filterQuery(query: S360Query): boolean {
    return !query.hide;
  }

  async query(request: DataQueryRequest<S360Query>): Promise<DataQueryResponse> {
    const tpl = getTemplateSrv();
    const targets = request.targets.map((t) => migrateQuery(t));
    const built = buildQueryBodies({ ...request, targets }, tpl, this.defaultLanguage, this.catalog.current());
    const errors: DataQueryError[] = [...built.errors];
    const parts: DataFrame[][] = [];

    const metricCalls = built.bodies.map(async (body, i) => {
      const refIds = body.targets.map((t) => t.refId);
      try {
        const requestId = request.requestId ? `${request.requestId}-${i}` : undefined;
        const answer = await this.client.post<QueryResponseBody>('/v1/query', body, requestId);
        const result = responseToFrames(answer, refIds);
        parts[i] = result.data;
        errors.push(...result.errors);
      } catch (err) {
        const e = toAggregatorError(err);
        if (e.kind === 'bad-request') {
          this.catalog.invalidate();
        } // a metric or code the catalogue in hand may lack
        if (e.kind !== 'cancelled') {
          for (const refId of refIds) {
            errors.push({ refId, message: e.message, status: e.status });
          }
        }
      }
    });

    const annotationTargets = targets.filter((t) => t.queryType === 'annotations' && !t.hide);
    const annotationCalls = annotationTargets.map(async (target, i) => {
      try {
        const frame = await this.annotationFrame(target, request.range, request.scopedVars);
        parts[built.bodies.length + i] = [frame];
      } catch (err) {
        const e = toAggregatorError(err);
        if (e.kind !== 'cancelled') {
          errors.push({ refId: target.refId, message: e.message, status: e.status });
        }
      }
    });

    const requestTargets = targets.filter((t) => t.queryType === 'request' && !t.hide);
    const requestOffset = built.bodies.length + annotationTargets.length;
    const requestCalls = requestTargets.map(async (target, i) => {
      try {
        const requestId = request.requestId ? `${request.requestId}-request-${target.refId}` : undefined;
        parts[requestOffset + i] = await this.requestFrames(target, request.scopedVars, requestId);
      } catch (err) {
        const e = toAggregatorError(err);
        if (e.kind !== 'cancelled') {
          errors.push({ refId: target.refId, message: e.message, status: e.status });
        }
      }
    });

    await Promise.all([...metricCalls, ...annotationCalls, ...requestCalls]);
    const data = parts.flatMap((p) => p ?? []);
    return errors.length ? { data, errors, error: errors[0] } : { data };
  }

  private async annotationFrame(
    target: S360Query,
    range: TimeRange,
    scopedVars: ScopedVars | undefined
  ): Promise<DataFrame> {
    const tpl = getTemplateSrv();
    const language = interpolateScalar(target.language, scopedVars, tpl);
    const zones = interpolateFilters(target.filters, scopedVars, tpl, this.catalog.current()).zone ?? [];
    const params = annotationsParams(range.from.valueOf(), range.to.valueOf(), language, this.defaultLanguage, zones);
    const body = await this.client.get<{ annotations?: WireAnnotation[] }>('/v1/annotations', params);
    return annotationsToFrame(body, target.refId);
  }

  /** A request query: the request and its journey (two frames), or one empty frame with a notice when there is
   *  no reference to ask for. An unknown reference fails with the aggregator's 404 message. */
  private async requestFrames(
    target: S360Query,
    scopedVars: ScopedVars | undefined,
    requestId: string | undefined
  ): Promise<DataFrame[]> {
    const lookup = requestLookup(target, scopedVars, getTemplateSrv(), this.defaultLanguage);
    if (lookup.kind === 'notice') {
      return [wireFrameToDataFrame(noticeFrame(target.refId, lookup.text), target.refId)];
    }
    const detail = await this.client.get<WireRequestDetail>(lookup.path, lookup.params, requestId);
    return requestFrames(detail, target.refId, lookup.language).map((f) => wireFrameToDataFrame(f, target.refId));
  }

  /** Values of a dimension (variable queries): GET /v1/variables, which reads the same reference data as the catalogue
   *  and narrows by the other dimensions (the topics of `$department`). `query` is a variable query object or text;
   *  its dimension is checked against the catalogue in hand. */
  override async metricFindQuery(
    query: S360VariableQuery | string,
    options?: { scopedVars?: ScopedVars; range?: TimeRange }
  ): Promise<MetricFindValue[]> {
    const parsed = parseVariableQuery(
      query,
      this.catalog.current().dimensions.map((d) => d.code)
    );
    const { path, params } = variableRequest(
      parsed,
      options?.scopedVars,
      getTemplateSrv(),
      this.defaultLanguage,
      this.catalog.current()
    );
    const body = await this.client.get<{ values?: Array<{ value: string | number; text?: string }> }>(path, params);
    return (body.values ?? []).map((v) => ({ value: String(v.value), text: v.text ?? String(v.value) }));
  }

  /** Options for a filter picker, narrowed by the search text (codes and names): the catalogue's current values of the
   *  dimension, or (the catalogue not reached) GET /v1/variables. */
  async dimensionOptions(
    dimension: Dimension,
    language: string | undefined,
    search = ''
  ): Promise<Array<ComboboxOption<string>>> {
    try {
      const catalog = await this.catalog.get();
      const lang = isLanguage(language) ? language : this.defaultLanguage;
      const values =
        catalog.source === 'aggregator' && catalog.values[dimension]
          ? activeValues(catalog, dimension).map((v) => ({ value: v.code, text: nameIn(v, lang) }))
          : await this.metricFindQuery({ refId: 'options', dimension, language, filters: {} });
      const needle = search.trim().toLowerCase();
      return values
        .filter(
          (v) => !needle || v.text.toLowerCase().includes(needle) || String(v.value).toLowerCase().includes(needle)
        )
        .map((v) => ({
          value: String(v.value),
          label: v.text,
          description: v.text === String(v.value) ? undefined : String(v.value),
        }));
    } catch {
      return []; // the picker still accepts typed codes and variables
    }
  }

  /** Used by Explore and "copy to another datasource": the queries with variables resolved. */
  override interpolateVariablesInQueries(queries: S360Query[], scopedVars: ScopedVars): S360Query[] {
    const tpl = getTemplateSrv();
    return queries.map((q) => {
      const query = migrateQuery(q);
      return {
        ...query,
        metric: interpolateScalar(query.metric, scopedVars, tpl) ?? query.metric,
        ...(query.reference !== undefined
          ? { reference: interpolateScalar(query.reference, scopedVars, tpl) ?? query.reference }
          : {}),
        language: interpolateScalar(query.language, scopedVars, tpl),
        filters: interpolateFilters(query.filters, scopedVars, tpl, this.catalog.current()),
      };
    });
  }

  /** Reachability, the token and its `read` scope, each answered with a plain message. */
  async testDatasource(): Promise<HealthResult> {
    if (!this.aggregatorUrl) {
      return healthWithoutUrl();
    }
    try {
      return healthFromWhoami(await this.client.get<Whoami>('/v1/whoami'));
    } catch (err) {
      return healthFromError(toAggregatorError(err));
    }
  }
}
