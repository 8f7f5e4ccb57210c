// Annotation queries as a dashboard runs them: AnnotationSupport (prepareAnnotation, prepareQuery, query,
// processEvents) or the legacy annotationQuery.
import { getProcessedDataFrames, type DataSourceApi, type TimeRange } from '@grafana/data';

import { buildRequest, runRequest } from './query-runner';

export async function runAnnotationQuery(ds: DataSourceApi, json: Record<string, any>, range: TimeRange) {
  const support = ds.annotations;
  if (support) {
    const annotation = support.prepareAnnotation ? support.prepareAnnotation(json as any) : json;
    const query = support.prepareQuery ? support.prepareQuery(annotation as any) : (annotation as any).target;
    if (!query) {
      return { frames: [], events: [] };
    }
    const request = buildRequest(ds, [{ refId: 'Anno', ...query }], { range });
    const response = await runRequest(ds, request);
    if (response.error) {
      throw response.error;
    }
    const frames = getProcessedDataFrames(response.data);
    const events = support.processEvents ? await firstValue(support.processEvents(annotation as any, frames)) : [];
    return { frames, events: events ?? [] };
  }
  if (ds.annotationQuery) {
    const events = await ds.annotationQuery({ range, rangeRaw: range.raw, annotation: json as any, dashboard: {} });
    return { frames: [], events };
  }
  throw new Error(`${ds.type} supports no annotations`);
}

async function firstValue<T>(source: any): Promise<T | undefined> {
  if (!source) {
    return undefined;
  }
  if (typeof source.subscribe !== 'function') {
    return source as T;
  }
  return new Promise<T | undefined>((resolve, reject) => {
    const sub = source.subscribe({
      next: (v: T) => {
        resolve(v);
        queueMicrotask(() => sub?.unsubscribe());
      },
      error: reject,
      complete: () => resolve(undefined),
    });
  });
}
