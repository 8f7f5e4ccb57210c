// Recurring hot spots: same-topic clusters of reports in the range (DBSCAN, backend/recurrence/hotspots.ts),
// largest first, the target's top N as a table: the "act before it recurs" list.
import { findHotspots, type HotspotAnswer } from '../../recurrence/hotspots.ts';
import { column, frameName } from '../frames.ts';
import { nameOf } from '../labels.ts';
import { asRequestFilters } from '../target-filters.ts';
import type { MetricKind } from './kind.ts';
import { RANKED_TABLE_SUPPORT } from '../../catalog/metric-support.ts';

type Plan = Parameters<typeof findHotspots>[1];

export const hotspotsKind: MetricKind<'hotspots', Plan, HotspotAnswer> = {
  id: 'hotspots',
  description: 'places where one topic recurs, largest first',
  support: () => RANKED_TABLE_SUPPORT,
  plan: (ctx) => ({
    window: { from: new Date(ctx.range.from), to: new Date(ctx.range.to) },
    filters: asRequestFilters(ctx.filters, ctx.ref),
    language: ctx.target.language,
  }),
  compute: async (db, plan, ctx) => {
    const answer = await findHotspots(db, plan, ctx.config);
    return { ...answer, hotspots: answer.hotspots.slice(0, ctx.target.topN) };
  },
  size: (answer) => answer.hotspots.length,
  frame: (answer, ctx) => {
    const { target, ref } = ctx;
    const lang = target.language;
    const rows = answer.hotspots;
    return [
      {
        name: frameName(lang, ctx.metric),
        refId: target.refId,
        meta: { source: answer.source, window: { from: answer.window.from, to: answer.window.to } },
        fields: [
          column(
            lang,
            'zone',
            'string',
            rows.map((h) => h.zone ?? nameOf('zone', null, ref, lang)),
            'Zone',
            'المنطقة'
          ),
          column(
            lang,
            'zone_code',
            'string',
            rows.map((h) => h.zone_code),
            'Zone code',
            'رمز المنطقة'
          ),
          column(
            lang,
            'topic',
            'string',
            rows.map((h) => h.topic),
            'Topic',
            'الموضوع'
          ),
          column(
            lang,
            'topic_code',
            'string',
            rows.map((h) => h.topic_code),
            'Topic code',
            'رمز الموضوع'
          ),
          column(
            lang,
            'count',
            'number',
            rows.map((h) => h.count),
            'Reports',
            'البلاغات',
            { unit: 'short' }
          ),
          column(
            lang,
            'first_at',
            'time',
            rows.map((h) => Date.parse(h.first_at)),
            'First',
            'الأول'
          ),
          column(
            lang,
            'last_at',
            'time',
            rows.map((h) => Date.parse(h.last_at)),
            'Last',
            'الأخير'
          ),
          column(
            lang,
            'lon',
            'number',
            rows.map((h) => h.lon),
            'Longitude',
            'خط الطول'
          ),
          column(
            lang,
            'lat',
            'number',
            rows.map((h) => h.lat),
            'Latitude',
            'خط العرض'
          ),
          column(
            lang,
            'radius_m',
            'number',
            rows.map((h) => h.radius_m),
            'Radius',
            'نصف القطر',
            { unit: 'lengthm' }
          ),
        ],
      },
    ];
  },
};
