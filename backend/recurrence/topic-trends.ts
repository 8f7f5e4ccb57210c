// Recurring topics: ranked by volume over [from, to), each with its count in the previous equal period
// and the change in % (null when the previous period had none), counted from the requests table. For
// /v1/recurrence/topics; the query API's `recurring_topics` metric sums the rollups instead
// (backend/query/run-target.ts), the same counts.
import type pg from 'pg';
import { bindNamed } from '../db/named-params.ts';
import { filterParams, NO_FILTERS, withRequestFilters, type RequestFilters } from '../geo/request-filters.ts';
import type { Language, TimeRange } from '../geo/read-params.ts';

export type TopicTrend = {
  topic_code: string;
  topic: string;            // in the language
  department_code: string;
  department: string;       // in the language
  count: number;
  previous_count: number;
  change_pct: number | null;
};

export type TopicTrendParams = TimeRange & { topN: number; language?: Language; filters?: RequestFilters };

/** The previous period of the same length, ending where [from, to) starts. */
export function previousPeriod(range: TimeRange): TimeRange {
  const length = range.to.getTime() - range.from.getTime();
  return { from: new Date(range.from.getTime() - length), to: range.from };
}

/** Change from previous to current in %, one decimal; null when previous is 0. */
export function changePct(current: number, previous: number): number | null {
  return previous > 0 ? Math.round(((current - previous) * 1000) / previous) / 10 : null;
}

export async function topicTrends(db: pg.Pool | pg.PoolClient, p: TopicTrendParams): Promise<TopicTrend[]> {
  const language = p.language ?? 'en';
  const { text, values } = bindNamed(withRequestFilters('recurrence/topic_trends'), {
    from: p.from, to: p.to, ...filterParams(p.filters ?? NO_FILTERS), previous_from: previousPeriod(p).from, top_n: p.topN,
  });
  const { rows } = await db.query(text, values);
  return rows.map((r) => ({
    topic_code: r.topic_code,
    topic: language === 'ar' ? r.topic_name_ar : r.topic_name_en,
    department_code: r.department_code,
    department: language === 'ar' ? r.department_name_ar : r.department_name_en,
    count: r.count,
    previous_count: r.previous_count,
    change_pct: r.change_pct === null ? null : Number(r.change_pct),
  }));
}
