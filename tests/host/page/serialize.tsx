// DataFrames and errors as plain JSON, to hand them to a test through page.evaluate.
import { toDataFrame, type DataFrame, type DataQueryError } from '@grafana/data';

import type { SerializedError, SerializedFrame } from '../api';

export function serializeFrame(input: DataFrame | unknown): SerializedFrame {
  const frame = toDataFrame(input);
  return {
    name: frame.name,
    refId: frame.refId,
    meta: frame.meta,
    fields: frame.fields.map((f) => ({
      name: f.name,
      type: f.type,
      values: Array.from(f.values as ArrayLike<unknown>),
      config: JSON.parse(JSON.stringify(f.config ?? {})),
      ...(f.labels ? { labels: { ...f.labels } } : {}),
    })),
  };
}

export function serializeError(e: DataQueryError | any): SerializedError {
  return {
    message: e?.message ?? e?.data?.message,
    status: e?.status,
    statusText: e?.statusText,
    refId: e?.refId,
    data: e?.data === undefined ? undefined : JSON.parse(JSON.stringify(e.data)),
  };
}
