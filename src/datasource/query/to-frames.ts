// The aggregator's answer (Grafana data frames as JSON, docs/api.md) → DataFrames. Field types, units, display
// names (in the language asked for) and labels are kept; a target's own failure becomes an error on its refId.
import { FieldType, toDataFrame, type DataFrame, type DataQueryError, type FieldConfig } from '@grafana/data';

export interface WireField {
  name: string;
  type?: string;
  values: unknown[];
  labels?: Record<string, string>;
  config?: FieldConfig;
}

export interface WireFrame {
  name?: string;
  refId?: string;
  meta?: Record<string, unknown>;
  fields: WireField[];
}

/** One target's answer. The aggregator refuses a bad target with a 400 for the whole call, never per target. */
export interface WireResult {
  frames?: WireFrame[];
}

export interface QueryResponseBody {
  results?: Record<string, WireResult>;
}

const FIELD_TYPES = new Set<string>(Object.values(FieldType));

function fieldType(type: string | undefined): FieldType | undefined {
  if (type === undefined) {
    return undefined;
  } // toDataFrame guesses from the values
  return FIELD_TYPES.has(type) ? (type as FieldType) : FieldType.other;
}

/** Time values may come as epoch ms or ISO text; Grafana wants epoch ms. */
function timeValues(values: unknown[]): unknown[] {
  return values.map((v) => (typeof v === 'string' ? (Number.isNaN(Date.parse(v)) ? null : Date.parse(v)) : v));
}

export function wireFrameToDataFrame(frame: WireFrame, refId: string): DataFrame {
  return toDataFrame({
    name: frame.name,
    refId: frame.refId ?? refId,
    meta: frame.meta,
    fields: (frame.fields ?? []).map((f) => {
      const type = fieldType(f.type);
      return {
        name: f.name,
        type,
        values: type === FieldType.time ? timeValues(f.values ?? []) : (f.values ?? []),
        labels: f.labels,
        config: f.config ?? {},
      };
    }),
  });
}

export interface FramesAndErrors {
  data: DataFrame[];
  errors: DataQueryError[];
}

/** All frames of a /v1/query answer, in the order of the refIds asked for; errors per refId. */
export function responseToFrames(body: QueryResponseBody | undefined, refIds: readonly string[]): FramesAndErrors {
  const data: DataFrame[] = [];
  const errors: DataQueryError[] = [];
  const results = body?.results ?? {};
  for (const refId of refIds) {
    const result = results[refId];
    if (!result) {
      errors.push({ refId, message: `the aggregator sent no result for query ${refId}` });
      continue;
    }
    for (const frame of result.frames ?? []) {
      data.push(wireFrameToDataFrame(frame, refId));
    }
  }
  return { data, errors };
}
