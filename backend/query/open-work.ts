// The wall's live views of open work, read from the requests themselves (not the rollups: they are about now):
// open requests by stage (the share at each stage of the journey) and the requests about to breach (an SLA target
// due within the hour). Both table-only metrics of POST /v1/query, with the target's dimension filters.
import type { ReferenceIndex } from '../domain/reference.ts';
import { bindNamed } from '../db/named-params.ts';
import { filterParams, withRequestFilters, type RequestFilters } from '../geo/request-filters.ts';
import type { Frame } from './frames.ts';
import { nameOf } from './labels.ts';
import { METRICS } from './metrics.ts';
import type { Target } from './request-schema.ts';

type Db = { query<R = any>(text: string, values?: unknown[]): Promise<{ rows: R[] }> };

/** How far ahead "about to breach" looks. */
export const DUE_SOON_MS = 3_600_000;
const MAX_STAGES = 100;

const TARGET_NAMES = {
  first_response: { en: 'First response', ar: 'الاستجابة الأولى' },
  resolution: { en: 'Resolution', ar: 'الحل' },
} as const;

const field = (name: string, type: 'string' | 'number' | 'time', values: unknown[], displayName: string, extra: Record<string, unknown> = {}) =>
  ({ name, type, values, config: { displayName, ...extra } });

/** Open requests (received before `at`) by stage: every open stage, its count and its share of the open ones. */
export async function openByStage(db: Db, ref: ReferenceIndex, target: Target, filters: RequestFilters, at: number): Promise<Frame> {
  const q = bindNamed(withRequestFilters('query/open_by_stage'), { at: new Date(at), max_stages: MAX_STAGES, ...filterParams(filters) });
  const { rows } = await db.query<{ stage_code: string; open: number }>(q.text, q.values);
  const total = rows.reduce((a, r) => a + r.open, 0);
  const ar = target.language === 'ar';
  const stageName = (code: string) => { const s = ref.stage.get(code); return s ? (ar ? s.name_ar : s.name_en) : code; };
  return {
    name: ar ? METRICS.open_by_stage.ar : METRICS.open_by_stage.en, refId: target.refId,
    fields: [
      field('stage', 'string', rows.map((r) => stageName(r.stage_code)), ar ? 'المرحلة' : 'Stage'),
      field('stage_code', 'string', rows.map((r) => r.stage_code), ar ? 'رمز المرحلة' : 'Stage code'),
      field('open', 'number', rows.map((r) => r.open), ar ? 'الطلبات المفتوحة' : 'Open requests', { unit: 'short', decimals: 0 }),
      field('share', 'number', rows.map((r) => (total > 0 ? (r.open / total) * 100 : 0)), ar ? 'النسبة' : 'Share', { unit: 'percent', decimals: 1 }),
    ],
  };
}

/** Open requests with an SLA target due in [now, now + 1 h), soonest first, at most topN. */
export async function dueSoon(db: Db, ref: ReferenceIndex, target: Target, filters: RequestFilters, now: number): Promise<Frame> {
  const q = bindNamed(withRequestFilters('query/due_soon'),
    { now: new Date(now), due_before: new Date(now + DUE_SOON_MS), ...filterParams(filters), top_n: target.topN });
  const { rows } = await db.query<{ reference: string; topic_code: string | null; zone_id: number | null; stage: string; target: keyof typeof TARGET_NAMES; due_at: Date }>(
    q.text, q.values);
  const lang = target.language;
  const ar = lang === 'ar';
  const stageName = (code: string) => { const s = ref.stage.get(code); return s ? (ar ? s.name_ar : s.name_en) : code; };
  return {
    name: ar ? METRICS.due_soon.ar : METRICS.due_soon.en, refId: target.refId,
    fields: [
      field('reference', 'string', rows.map((r) => r.reference), ar ? 'الرقم المرجعي' : 'Reference'),
      field('topic', 'string', rows.map((r) => nameOf('topic', r.topic_code, ref, lang)), ar ? 'الموضوع' : 'Topic'),
      field('zone', 'string', rows.map((r) => nameOf('zone', r.zone_id === null ? null : ref.zoneById.get(r.zone_id)?.code ?? null, ref, lang)), ar ? 'المنطقة' : 'Zone'),
      field('stage', 'string', rows.map((r) => stageName(r.stage)), ar ? 'المرحلة' : 'Stage'),
      field('target', 'string', rows.map((r) => TARGET_NAMES[r.target][lang]), ar ? 'الهدف' : 'Target'),
      field('due_at', 'time', rows.map((r) => r.due_at.getTime()), ar ? 'موعد الاستحقاق' : 'Due'),
      field('minutes_left', 'number', rows.map((r) => Math.max(0, Math.floor((r.due_at.getTime() - now) / 60_000))), ar ? 'الدقائق المتبقية' : 'Minutes left', { unit: 'm', decimals: 0 }),
    ],
  };
}
