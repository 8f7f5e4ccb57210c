// Grafana data frames from grouped results, pure.
import type { ReferenceIndex } from '../domain/reference.ts';
import type { Dimension } from '../rollups/cubes.ts';
import { DIMENSION_NAMES, codeOf, nameOf } from './labels.ts';
import type { Language, MetricDefinition } from './metrics.ts';

export type FieldType = 'time' | 'number' | 'string';
export type Field = { name: string; type: FieldType; values: unknown[]; labels?: Record<string, string>; config: Record<string, unknown> };
export type Frame = { name: string; refId: string; fields: Field[]; meta?: Record<string, unknown> };

/** One group's values: the stored dimension values (ids for zone/advisor) and value per bucket start. */
export type Series = { dims: (string | number | null)[]; values: Map<number | null, number | null> };

function valueConfig(metric: MetricDefinition, lang: Language, displayName: string) {
  const config: Record<string, unknown> = { unit: metric.unit, displayName };
  if (metric.decimals !== undefined) config.decimals = metric.decimals;
  return config;
}

export function timeSeriesFrames(p: {
  refId: string; metricName: string; metric: MetricDefinition; lang: Language; groupBy: Dimension[];
  series: Series[]; buckets: number[]; ref: ReferenceIndex; fill: number | null;
}): Frame[] {
  const metricTitle = p.lang === 'ar' ? p.metric.ar : p.metric.en;
  return p.series.map((s) => {
    const codes = p.groupBy.map((d, i) => codeOf(d, s.dims[i], p.ref));
    const labels = Object.fromEntries(p.groupBy.map((d, i) => [d, codes[i] ?? '']));
    const name = p.groupBy.length ? p.groupBy.map((d, i) => nameOf(d, codes[i], p.ref, p.lang)).join(' · ') : metricTitle;
    return {
      name, refId: p.refId,
      fields: [
        { name: 'time', type: 'time', values: p.buckets, config: {} },
        { name: p.metricName, type: 'number', values: p.buckets.map((b) => (s.values.has(b) ? s.values.get(b)! : p.fill)), labels, config: valueConfig(p.metric, p.lang, name) },
      ],
    };
  });
}

export function tableFrame(p: {
  refId: string; metricName: string; metric: MetricDefinition; lang: Language; groupBy: Dimension[];
  series: Series[]; ref: ReferenceIndex; sortDescending?: boolean;
}): Frame {
  const rows = p.series.map((s) => ({ codes: p.groupBy.map((d, i) => codeOf(d, s.dims[i], p.ref)), value: s.values.get(null) ?? null }));
  // Ties (medians share histogram bins) in code order, so the same query answers rows in the same order.
  const byCodes = (a: { codes: (string | null)[] }, b: { codes: (string | null)[] }) => a.codes.join('\u0000').localeCompare(b.codes.join('\u0000'));
  if (p.sortDescending) rows.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || byCodes(a, b));
  const fields: Field[] = [];
  p.groupBy.forEach((d, i) => {
    fields.push({ name: d, type: 'string', values: rows.map((r) => nameOf(d, r.codes[i], p.ref, p.lang)), config: { displayName: DIMENSION_NAMES[d][p.lang] } });
    fields.push({ name: `${d}_code`, type: 'string', values: rows.map((r) => r.codes[i]), config: { displayName: `${DIMENSION_NAMES[d][p.lang]} (${p.lang === 'ar' ? 'رمز' : 'code'})` } });
  });
  const title = p.lang === 'ar' ? p.metric.ar : p.metric.en;
  fields.push({ name: p.metricName, type: 'number', values: rows.map((r) => r.value), config: valueConfig(p.metric, p.lang, title) });
  return { name: title, refId: p.refId, fields };
}
