// Grafana data frames, pure and bilingual: every frame a metric kind answers is built here — series of grouped
// results as time series or a table, and ranked tables column by column with their names in the target's language.
import type { ReferenceIndex } from '../domain/reference.ts';
import type { Dimension } from '../rollups/cubes.ts';
import { DIMENSION_NAMES, codeOf, nameOf } from './labels.ts';
import type { Language, MetricDefinition } from './metrics.ts';

export type FieldType = 'time' | 'number' | 'string';
export type Field = {
  name: string;
  type: FieldType;
  values: unknown[];
  labels?: Record<string, string>;
  config: Record<string, unknown>;
};
export type Frame = { name: string; refId: string; fields: Field[]; meta?: Record<string, unknown> };

/** One group's values: the stored dimension values (ids for zone/advisor) and value per bucket start. */
export type Series = { dims: Array<string | number | null>; values: Map<number | null, number | null> };

/** A table column with its display name in the target's language (`extra`: unit, decimals, …). */
export function column(
  lang: Language,
  name: string,
  type: FieldType,
  values: unknown[],
  en: string,
  ar: string,
  extra: Record<string, unknown> = {}
): Field {
  return { name, type, values, config: { displayName: lang === 'ar' ? ar : en, ...extra } };
}

/** A frame's (or metric's) name in the target's language. */
export const frameName = (lang: Language, m: { en: string; ar: string }) => (lang === 'ar' ? m.ar : m.en);

function valueConfig(metric: MetricDefinition, lang: Language, displayName: string) {
  const config: Record<string, unknown> = { unit: metric.unit, displayName };
  if (metric.decimals !== undefined) {
    config.decimals = metric.decimals;
  }
  return config;
}

export function timeSeriesFrames(p: {
  refId: string;
  metricName: string;
  metric: MetricDefinition;
  lang: Language;
  groupBy: Dimension[];
  series: Series[];
  buckets: number[];
  ref: ReferenceIndex;
  fill: number | null;
}): Frame[] {
  const metricTitle = frameName(p.lang, p.metric);
  return p.series.map((s) => {
    const codes = p.groupBy.map((d, i) => codeOf(d, s.dims[i], p.ref));
    const labels = Object.fromEntries(p.groupBy.map((d, i) => [d, codes[i] ?? '']));
    const name = p.groupBy.length
      ? p.groupBy.map((d, i) => nameOf(d, codes[i], p.ref, p.lang)).join(' · ')
      : metricTitle;
    return {
      name,
      refId: p.refId,
      fields: [
        { name: 'time', type: 'time', values: p.buckets, config: {} },
        {
          name: p.metricName,
          type: 'number',
          values: p.buckets.map((b) => {
            const v = s.values.get(b);
            return v === undefined ? p.fill : v;
          }),
          labels,
          config: valueConfig(p.metric, p.lang, name),
        },
      ],
    };
  });
}

export function tableFrame(p: {
  refId: string;
  metricName: string;
  metric: MetricDefinition;
  lang: Language;
  groupBy: Dimension[];
  series: Series[];
  ref: ReferenceIndex;
  sortDescending?: boolean;
}): Frame {
  const rows = p.series.map((s) => ({
    codes: p.groupBy.map((d, i) => codeOf(d, s.dims[i], p.ref)),
    value: s.values.get(null) ?? null,
  }));
  // Ties (medians share histogram bins) in code order, so the same query answers rows in the same order.
  const byCodes = (a: { codes: Array<string | null> }, b: { codes: Array<string | null> }) =>
    a.codes.join('\u0000').localeCompare(b.codes.join('\u0000'));
  if (p.sortDescending) {
    rows.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || byCodes(a, b));
  }
  const fields: Field[] = [];
  p.groupBy.forEach((d, i) => {
    fields.push({
      name: d,
      type: 'string',
      values: rows.map((r) => nameOf(d, r.codes[i], p.ref, p.lang)),
      config: { displayName: DIMENSION_NAMES[d][p.lang] },
    });
    fields.push({
      name: `${d}_code`,
      type: 'string',
      values: rows.map((r) => r.codes[i]),
      config: { displayName: `${DIMENSION_NAMES[d][p.lang]} (${p.lang === 'ar' ? 'رمز' : 'code'})` },
    });
  });
  const title = frameName(p.lang, p.metric);
  fields.push({
    name: p.metricName,
    type: 'number',
    values: rows.map((r) => r.value),
    config: valueConfig(p.metric, p.lang, title),
  });
  return { name: title, refId: p.refId, fields };
}

/**
 * A grouped metric's frames: one table, or one time series per series over `buckets` (a bucket without a value
 * takes `fill`). Built only for answers checked against the limits (series, values per target and per call).
 * Without grouping there is always one series, even when nothing happened in the range.
 */
export function seriesFrames(p: {
  refId: string;
  metricName: string;
  metric: MetricDefinition;
  lang: Language;
  groupBy: Dimension[];
  series: Series[];
  buckets: number[] | null;
  ref: ReferenceIndex;
  fill: number | null;
}): Frame[] {
  const series = !p.series.length && !p.groupBy.length ? [{ dims: [], values: new Map([[null, p.fill]]) }] : p.series;
  if (!p.buckets) {
    return [tableFrame({ ...p, series, sortDescending: p.groupBy.length > 0 })];
  }
  return timeSeriesFrames({ ...p, series, buckets: p.buckets });
}
