// Annotations (major incidents, policy changes), optionally of some zones: GET /v1/annotations → one frame whose field names (time,
// timeEnd, title, text, tags) are the ones Grafana's standard frame-to-event processing reads.
import { FieldType, toDataFrame, type DataFrame } from '@grafana/data';
import { ALL_VALUE, isLanguage, type Language } from '../vocabulary.ts';

export interface WireAnnotation {
  time: number;
  timeEnd?: number | null;
  title?: string;
  text?: string;
  tags?: string[];
}

/** `zones`: zone codes, variables resolved (`all` or none: every zone); city-wide annotations are always kept. */
export function annotationsParams(
  from: number,
  to: number,
  language: string | undefined,
  defaultLanguage: Language,
  zones: readonly string[] = []
): URLSearchParams {
  const params = new URLSearchParams({
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    language: isLanguage(language) ? language : defaultLanguage,
  });
  if (!zones.includes(ALL_VALUE)) {
    for (const zone of zones) {
      params.append('zone', zone);
    }
  }
  return params;
}

export function annotationsToFrame(body: { annotations?: WireAnnotation[] } | undefined, refId: string): DataFrame {
  const list = (body?.annotations ?? []).filter((a) => a && typeof a.time === 'number');
  return toDataFrame({
    name: 'annotations',
    refId,
    fields: [
      { name: 'time', type: FieldType.time, values: list.map((a) => a.time) },
      { name: 'timeEnd', type: FieldType.time, values: list.map((a) => a.timeEnd ?? null) },
      { name: 'title', type: FieldType.string, values: list.map((a) => a.title ?? '') },
      { name: 'text', type: FieldType.string, values: list.map((a) => a.text ?? '') },
      { name: 'tags', type: FieldType.other, values: list.map((a) => (Array.isArray(a.tags) ? a.tags : [])) },
    ],
  });
}
