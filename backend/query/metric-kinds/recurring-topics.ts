// Recurring topics: the target's top N topics by volume in the range with their change against the previous
// equal period, as a table. Computed by backend/recurrence/topic-trends.ts, as GET /v1/recurrence/topics is.
import { topicTrends, type TopicTrend, type TopicTrendQuery } from '../../recurrence/topic-trends.ts';
import { column, frameName } from '../frames.ts';
import type { MetricKind } from './kind.ts';
import { RANKED_TABLE_SUPPORT } from '../../catalog/metric-support.ts';

export const recurringTopicsKind: MetricKind<'recurring_topics', TopicTrendQuery, TopicTrend[]> = {
  id: 'recurring_topics',
  description: 'the most frequent topics with their change against the previous period',
  support: () => RANKED_TABLE_SUPPORT,
  plan: (ctx) => ({
    from: ctx.range.from,
    to: ctx.range.to,
    filters: ctx.filters,
    topN: ctx.target.topN,
    language: ctx.target.language,
    snapshot: ctx.snapshot,
    limits: ctx.spec.limits,
  }),
  compute: (db, q, ctx) => topicTrends(db, ctx.ref, q),
  size: (rows) => rows.length,
  frame: (rows, ctx) => {
    const lang = ctx.target.language;
    return [
      {
        name: frameName(lang, ctx.metric),
        refId: ctx.target.refId,
        fields: [
          column(
            lang,
            'topic',
            'string',
            rows.map((r) => r.topic),
            'Topic',
            'الموضوع'
          ),
          column(
            lang,
            'topic_code',
            'string',
            rows.map((r) => r.topic_code),
            'Topic code',
            'رمز الموضوع'
          ),
          column(
            lang,
            'department',
            'string',
            rows.map((r) => r.department),
            'Department',
            'الإدارة'
          ),
          column(
            lang,
            'count',
            'number',
            rows.map((r) => r.count),
            'Requests',
            'العدد',
            { unit: 'short' }
          ),
          column(
            lang,
            'previous_count',
            'number',
            rows.map((r) => r.previous_count),
            'Previous period',
            'الفترة السابقة',
            { unit: 'short' }
          ),
          column(
            lang,
            'change_pct',
            'number',
            rows.map((r) => r.change_pct),
            'Change',
            'التغير',
            { unit: 'percent', decimals: 0 }
          ),
        ],
      },
    ];
  },
};
