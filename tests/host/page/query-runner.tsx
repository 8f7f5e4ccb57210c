// Runs a panel's targets the way Grafana's PanelQueryRunner does: one DataQueryRequest per datasource with
// interval, maxDataPoints, range and scoped $__interval/$__interval_ms, then frames and errors as PanelData.
import { from, lastValueFrom, toArray } from 'rxjs';

import {
  CoreApp,
  getProcessedDataFrames,
  LoadingState,
  rangeUtil,
  type DataQuery,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  type DataSourceRef,
  type PanelData,
  type TimeRange,
} from '@grafana/data';
import { getDataSourceSrv, getTemplateSrv, toDataQueryError } from '@grafana/runtime';

import type { HostTemplateSrv } from './services/template-srv';

export const MIXED_UID = '-- Mixed --';
let requestCounter = 0;

export type QueryOptions = {
  range: TimeRange;
  maxDataPoints?: number;
  minInterval?: string | null;
  panelId?: number;
  dashboardUID?: string;
  app?: CoreApp | string;
  timezone?: string;
};

export function buildRequest(ds: DataSourceApi, targets: DataQuery[], opts: QueryOptions): DataQueryRequest {
  const maxDataPoints = opts.maxDataPoints ?? 1000;
  const { interval, intervalMs } = rangeUtil.calculateInterval(
    opts.range,
    maxDataPoints,
    opts.minInterval ?? ds.interval
  );
  const dsRef: DataSourceRef = { uid: ds.uid, type: ds.type };
  return {
    app: (opts.app ?? CoreApp.Dashboard) as CoreApp,
    requestId: `Q${++requestCounter}`,
    timezone: opts.timezone ?? 'browser',
    panelId: opts.panelId,
    dashboardUID: opts.dashboardUID,
    range: opts.range,
    rangeRaw: opts.range.raw,
    interval,
    intervalMs,
    maxDataPoints,
    targets: targets.filter((t) => !t.hide).map((t) => ({ ...t, datasource: t.datasource ?? dsRef })),
    scopedVars: {
      __interval: { text: interval, value: interval },
      __interval_ms: { text: String(intervalMs), value: intervalMs },
    },
    startTime: Date.now(),
  };
}

/** Every emission of ds.query(request), for streaming datasources too; the last one is the answer. */
export async function runRequest(ds: DataSourceApi, request: DataQueryRequest): Promise<DataQueryResponse> {
  (getTemplateSrv() as HostTemplateSrv).updateTimeRange(request.range);
  const emissions = await lastValueFrom(from(ds.query(request) as Promise<DataQueryResponse>).pipe(toArray()));
  return emissions[emissions.length - 1] ?? { data: [] };
}

/** The panel's PanelData for its targets (grouped by datasource when the panel's datasource is Mixed). */
export async function runPanelQueries(
  panelDatasource: DataSourceRef | string | null | undefined,
  targets: DataQuery[],
  opts: QueryOptions
): Promise<PanelData> {
  const srv = getDataSourceSrv();
  const panelUid = typeof panelDatasource === 'string' ? panelDatasource : panelDatasource?.uid;
  const groups = new Map<string, DataQuery[]>();
  for (const t of targets) {
    const uid = panelUid === MIXED_UID || !panelUid ? (t.datasource?.uid ?? panelUid ?? '') : panelUid;
    groups.set(uid, [...(groups.get(uid) ?? []), t]);
  }
  const series: PanelData['series'] = [];
  const errors: DataQueryError[] = [];
  let request: DataQueryRequest | undefined;
  for (const [uid, group] of groups) {
    try {
      const ds = await srv.get(uid || null);
      request = buildRequest(ds, group, opts);
      const response = await runRequest(ds, request);
      series.push(...getProcessedDataFrames(response.data));
      if (response.errors?.length) {
        errors.push(...response.errors);
      } else if (response.error) {
        errors.push(response.error);
      }
    } catch (err) {
      errors.push(toDataQueryError(err as any));
    }
  }
  return {
    state: errors.length ? LoadingState.Error : LoadingState.Done,
    series,
    errors: errors.length ? errors : undefined,
    error: errors[0],
    request,
    timeRange: opts.range,
  };
}
