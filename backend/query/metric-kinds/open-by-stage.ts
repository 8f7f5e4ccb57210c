// Open requests by stage: every stage of the journey with requests open now (received before the range's end),
// its count and its share of the open ones.
import type { RequestFilters } from '../../geo/request-filters.ts';
import { column, frameName } from '../frames.ts';
import { readOpenByStage, type OpenStage } from '../open-work.ts';
import { asRequestFilters } from '../target-filters.ts';
import type { MetricKind } from './kind.ts';
import { DIMENSIONS } from '../../rollups/cubes.ts';

export const openByStageKind: MetricKind<'open_by_stage', { filters: RequestFilters; at: number }, OpenStage[]> = {
  id: 'open_by_stage',
  description: 'requests open now at each stage, with their share',
  /** One table of the stages, not grouped by the caller. */
  support: () => ({ formats: ['table'], group_by: [], filters: DIMENSIONS, options: [] }),
  plan: (ctx) => ({ filters: asRequestFilters(ctx.filters, ctx.ref), at: ctx.range.to }),
  compute: (db, plan) => readOpenByStage(db, plan.filters, plan.at),
  size: (rows) => rows.length,
  frame: (rows, ctx) => {
    const lang = ctx.target.language;
    const total = rows.reduce((a, r) => a + r.open, 0);
    const stageName = (code: string) => {
      const s = ctx.ref.stage.get(code);
      return s ? frameName(lang, { en: s.name_en, ar: s.name_ar }) : code;
    };
    return [
      {
        name: frameName(lang, ctx.metric),
        refId: ctx.target.refId,
        fields: [
          column(
            lang,
            'stage',
            'string',
            rows.map((r) => stageName(r.stage_code)),
            'Stage',
            'المرحلة'
          ),
          column(
            lang,
            'stage_code',
            'string',
            rows.map((r) => r.stage_code),
            'Stage code',
            'رمز المرحلة'
          ),
          column(
            lang,
            'open',
            'number',
            rows.map((r) => r.open),
            'Open requests',
            'الطلبات المفتوحة',
            { unit: 'short', decimals: 0 }
          ),
          column(
            lang,
            'share',
            'number',
            rows.map((r) => (total > 0 ? (r.open / total) * 100 : 0)),
            'Share',
            'النسبة',
            { unit: 'percent', decimals: 1 }
          ),
        ],
      },
    ];
  },
};
