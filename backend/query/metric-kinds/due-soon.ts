// About to breach: open requests with an SLA target (first response or resolution) due within the hour,
// soonest first, the target's top N, with the minutes left.
import type { RequestFilters } from '../../geo/request-filters.ts';
import { column, frameName } from '../frames.ts';
import { nameOf } from '../labels.ts';
import { readDueSoon, type DueSoon } from '../open-work.ts';
import { asRequestFilters } from '../target-filters.ts';
import type { MetricKind } from './kind.ts';
import { RANKED_TABLE_SUPPORT } from '../../catalog/metric-support.ts';

const TARGET_NAMES: Record<DueSoon['target'], { en: string; ar: string }> = {
  first_response: { en: 'First response', ar: 'الاستجابة الأولى' },
  resolution: { en: 'Resolution', ar: 'الحل' },
};

/** `now`: the instant "within the hour" counts from (the minutes left are counted from it too). */
type Plan = { filters: RequestFilters; now: number };

export const dueSoonKind: MetricKind<'due_soon', Plan, { rows: DueSoon[]; now: number }> = {
  id: 'due_soon',
  description: 'open requests with an SLA target due within the hour, soonest first',
  support: () => RANKED_TABLE_SUPPORT,
  plan: (ctx) => ({ filters: asRequestFilters(ctx.filters, ctx.ref), now: Date.now() }),
  compute: async (db, plan, ctx) => ({
    rows: await readDueSoon(db, plan.filters, plan.now, ctx.target.topN),
    now: plan.now,
  }),
  size: (r) => r.rows.length,
  frame: ({ rows, now }, ctx) => {
    const { ref } = ctx;
    const lang = ctx.target.language;
    const stageName = (code: string) => {
      const s = ref.stage.get(code);
      return s ? frameName(lang, { en: s.name_en, ar: s.name_ar }) : code;
    };
    const zoneCode = (id: number | null) => (id === null ? null : (ref.zoneById.get(id)?.code ?? null));
    return [
      {
        name: frameName(lang, ctx.metric),
        refId: ctx.target.refId,
        fields: [
          column(
            lang,
            'reference',
            'string',
            rows.map((r) => r.reference),
            'Reference',
            'الرقم المرجعي'
          ),
          column(
            lang,
            'topic',
            'string',
            rows.map((r) => nameOf('topic', r.topic_code, ref, lang)),
            'Topic',
            'الموضوع'
          ),
          column(
            lang,
            'zone',
            'string',
            rows.map((r) => nameOf('zone', zoneCode(r.zone_id), ref, lang)),
            'Zone',
            'المنطقة'
          ),
          column(
            lang,
            'stage',
            'string',
            rows.map((r) => stageName(r.stage)),
            'Stage',
            'المرحلة'
          ),
          column(
            lang,
            'target',
            'string',
            rows.map((r) => frameName(lang, TARGET_NAMES[r.target])),
            'Target',
            'الهدف'
          ),
          column(
            lang,
            'due_at',
            'time',
            rows.map((r) => r.due_at.getTime()),
            'Due',
            'موعد الاستحقاق'
          ),
          column(
            lang,
            'minutes_left',
            'number',
            rows.map((r) => Math.max(0, Math.floor((r.due_at.getTime() - now) / 60_000))),
            'Minutes left',
            'الدقائق المتبقية',
            { unit: 'm', decimals: 0 }
          ),
        ],
      },
    ];
  },
};
