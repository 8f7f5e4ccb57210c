// Annotations as Grafana reads them ({time, timeEnd, title, text, tags}) in English or Arabic: rows of the
// annotations table, and SLA policy versions coming into force ("SLA policy complaint v2 in force"). Pure.
import type { ReferenceIndex } from '../domain/reference.ts';
import type { Language } from '../geo/read-params.ts';
import { nameOf } from '../query/labels.ts';

export type WireAnnotation = {
  time: number;
  timeEnd: number | null;
  title: string;
  text: string;
  tags: string[];
  kind: string;
  zone: { code: string; name: string } | null;
};

export type AnnotationRow = {
  id: number;
  kind: string;
  title_en: string;
  title_ar: string;
  text: string | null;
  starts_at: Date;
  ends_at: Date | null;
  tags: string[];
  zone_code: string | null;
  zone_name_en: string | null;
  zone_name_ar: string | null;
};

export type PolicyChangeRow = {
  id: number;
  code: string;
  version: number;
  category_code: string | null;
  topic_code: string | null;
  priority: string | null;
  first_response_minutes: number;
  resolution_minutes: number;
  warning_pct: number;
  valid_from: Date;
  valid_to: Date | null;
  calendar_code: string;
  calendar_name_en: string;
  calendar_name_ar: string;
  previous_version: number | null;
};

export function annotationOf(row: AnnotationRow, lang: Language): WireAnnotation {
  const zone =
    row.zone_code === null
      ? null
      : { code: row.zone_code, name: (lang === 'ar' ? row.zone_name_ar : row.zone_name_en) ?? row.zone_code };
  return {
    time: row.starts_at.getTime(),
    timeEnd: row.ends_at ? row.ends_at.getTime() : null,
    title: lang === 'ar' ? row.title_ar : row.title_en,
    text: row.text ?? '',
    tags: [...new Set([row.kind, ...row.tags])],
    kind: row.kind,
    zone,
  };
}

/** "45 min", "4 h", "1 h 30 min" / "45 دقيقة", "4 ساعة". */
export function duration(minutes: number, lang: Language): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const [hu, mu] = lang === 'ar' ? ['ساعة', 'دقيقة'] : ['h', 'min'];
  if (h === 0) {
    return `${m} ${mu}`;
  }
  return m === 0 ? `${h} ${hu}` : `${h} ${hu} ${m} ${mu}`;
}

const WORDS = {
  en: {
    title: (code: string, v: number) => `SLA policy ${code} v${v} in force`,
    targets: (fr: string, res: string, cal: string) =>
      `First response within ${fr}, resolution within ${res} (${cal}).`,
    scope: (parts: string[]) => `Applies to ${parts.length ? parts.join(', ') : 'every request'}.`,
    category: 'category',
    topic: 'topic',
    priority: 'priority',
    warning: (pct: number) => `Warning at ${pct}% of a target.`,
    replaces: (v: number) => `Replaces v${v}.`,
  },
  ar: {
    title: (code: string, v: number) => `سريان سياسة مستوى الخدمة ${code} الإصدار ${v}`,
    targets: (fr: string, res: string, cal: string) => `الرد الأول خلال ${fr}، والحل خلال ${res} (${cal}).`,
    scope: (parts: string[]) => `تنطبق على ${parts.length ? parts.join('، ') : 'جميع الطلبات'}.`,
    category: 'الفئة',
    topic: 'الموضوع',
    priority: 'الأولوية',
    warning: (pct: number) => `تنبيه عند ${pct}% من الهدف.`,
    replaces: (v: number) => `تحل محل الإصدار ${v}.`,
  },
} as const;

export function policyChangeOf(row: PolicyChangeRow, ref: ReferenceIndex, lang: Language): WireAnnotation {
  const w = WORDS[lang];
  const scope: string[] = [];
  if (row.category_code) {
    scope.push(`${w.category} ${nameOf('category', row.category_code, ref, lang)}`);
  }
  if (row.topic_code) {
    scope.push(`${w.topic} ${nameOf('topic', row.topic_code, ref, lang)}`);
  }
  if (row.priority) {
    scope.push(`${w.priority} ${nameOf('priority', row.priority, ref, lang)}`);
  }
  const calendar = lang === 'ar' ? row.calendar_name_ar : row.calendar_name_en;
  const text = [
    w.targets(duration(row.first_response_minutes, lang), duration(row.resolution_minutes, lang), calendar),
    w.scope(scope),
    w.warning(row.warning_pct),
    ...(row.previous_version !== null ? [w.replaces(row.previous_version)] : []),
  ].join(' ');
  return {
    time: row.valid_from.getTime(),
    timeEnd: null,
    title: w.title(row.code, row.version),
    text,
    tags: ['policy_change', 'sla', `sla_policy:${row.code}`],
    kind: 'policy_change',
    zone: null,
  };
}
