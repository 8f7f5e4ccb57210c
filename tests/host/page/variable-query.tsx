// A query variable's options, fetched as Grafana's variable query runners do: StandardVariableSupport,
// CustomVariableSupport, DataSourceVariableSupport, or the legacy metricFindQuery.
import { from, lastValueFrom, toArray } from 'rxjs';

import {
  CoreApp,
  FieldType,
  getProcessedDataFrames,
  VariableSupportType,
  type DataFrame,
  type DataQueryResponse,
  type DataSourceApi,
  type MetricFindValue,
  type TimeRange,
} from '@grafana/data';

import { buildRequest, runRequest } from './query-runner';

export function frameToOptions(frame: DataFrame): MetricFindValue[] {
  const textField =
    frame.fields.find((f) => f.name === 'text') ??
    frame.fields.find((f) => f.type === FieldType.string) ??
    frame.fields.find((f) => f.type !== FieldType.time);
  const valueField = frame.fields.find((f) => f.name === 'value');
  if (!textField) {
    return [];
  }
  const out: MetricFindValue[] = [];
  for (let i = 0; i < frame.length; i++) {
    const text = String(textField.values[i]);
    out.push(valueField ? { text, value: valueField.values[i] as string | number } : { text });
  }
  return out;
}

export async function runVariableQuery(
  ds: DataSourceApi,
  query: any,
  range: TimeRange,
  name = 'query0'
): Promise<MetricFindValue[]> {
  const variable = { name, type: 'query', query, datasource: { uid: ds.uid, type: ds.type } };
  const support = ds.variables as any;
  const type = support?.getType?.();
  const options = { range, app: CoreApp.Dashboard };
  if (type === VariableSupportType.Standard) {
    const dataQuery = support.toDataQuery(query);
    const request = buildRequest(ds, [{ refId: 'variable-query', ...dataQuery }], options);
    const response = support.query
      ? await lastValueFrom(from(support.query(request) as any).pipe(toArray())).then((r: any[]) => r[r.length - 1])
      : await runRequest(ds, request);
    return toOptions(response);
  }
  if (type === VariableSupportType.Custom) {
    const request = buildRequest(
      ds,
      [{ refId: 'variable-query', ...(typeof query === 'object' ? query : { query }) }],
      options
    );
    const responses = await lastValueFrom(from(support.query(request) as Promise<DataQueryResponse>).pipe(toArray()));
    return toOptions(responses[responses.length - 1]);
  }
  if (type === VariableSupportType.Datasource) {
    const request = buildRequest(ds, [{ refId: 'variable-query', ...query }], options);
    return toOptions(await runRequest(ds, request));
  }
  if (!ds.metricFindQuery) {
    throw new Error(`${ds.type} supports no variable queries`);
  }
  return ds.metricFindQuery(query, { range, rangeRaw: range.raw, variable, scopedVars: {} } as any);
}

function toOptions(response: DataQueryResponse | undefined): MetricFindValue[] {
  if (!response) {
    return [];
  }
  if (response.error) {
    throw response.error;
  }
  if (response.errors?.length) {
    throw response.errors[0];
  }
  return getProcessedDataFrames(response.data).flatMap(frameToOptions);
}
