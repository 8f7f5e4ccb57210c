// Recurring topics: ranked by volume over [from, to), each with its count in the previous equal period and the
// change in % (null when the previous period had none). The one computation behind both callers,
// GET /v1/recurrence/topics and the query API's `recurring_topics` metric (query/metric-kinds/recurring-topics.ts):
// counted from the rollups (with the pending delta: exact, as every count of the query API) in the caller's
// snapshot, ranked here.
import type { ReferenceIndex } from '../domain/reference.ts';
import type { Language, TimeRange } from '../geo/read-params.ts';
import { sums, type AggregateSpec, type Db, type Group } from '../query/aggregate.ts';
import { nameOf } from '../query/labels.ts';
import type { Sums } from '../query/metrics.ts';
import type { RollupSnapshot } from '../query/snapshot.ts';
import type { Filters } from '../query/sql-builder.ts';
import { lookup } from '../domain/lookup.ts';

export type TopicTrend = {
  topic_code: string;
  topic: string; // in the language
  department_code: string;
  department: string; // in the language
  count: number;
  previous_count: number;
  change_pct: number | null;
};

/**
 * [from, to) in epoch ms; `filters`: stored values (query/target-filters.ts); `limits`: the statements' row
 * and series limits, and whose they are (for the 422 naming them).
 */
export type TopicTrendQuery = {
  from: number;
  to: number;
  filters: Filters;
  topN: number;
  language: Language;
  snapshot: RollupSnapshot;
  limits: AggregateSpec['limits'];
};

/** The previous period of the same length, ending where [from, to) starts. */
export function previousPeriod(range: TimeRange): TimeRange {
  const length = range.to.getTime() - range.from.getTime();
  return { from: new Date(range.from.getTime() - length), to: range.from };
}

/** Change from previous to current in %, one decimal, halves away from zero (as PostgreSQL's round); null when previous is 0. */
export function changePct(current: number, previous: number): number | null {
  if (previous <= 0) {
    return null;
  }
  const tenths = ((current - previous) * 1000) / previous;
  return (Math.sign(tenths) * Math.round(Math.abs(tenths))) / 10 || 0;
}

/** Received per topic code over the whole range (requests without a topic left out). */
function receivedByTopic(groups: Map<string, Group<Sums>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of groups.values()) {
    const received = g.byBucket.get(null)?.received ?? 0;
    if (g.dims[0] !== null) {
      out.set(String(g.dims[0]), received);
    }
  }
  return out;
}

/**
 * Pure: the topics with requests in the current period, most first; ties by the larger rise (none last), then by
 * code. Topics the reference data does not know are left out (they have no name nor department).
 */
export function rankTopics(
  current: Map<string, number>,
  previous: Map<string, number>,
  topN: number,
  ref: ReferenceIndex,
  language: Language
): TopicTrend[] {
  const rows = [...current]
    .filter(([code, count]) => count > 0 && ref.topic.has(code))
    .map(([code, count]) => {
      const previousCount = previous.get(code) ?? 0;
      const departmentCode = lookup(ref.topic, code, 'ref.topic').department_code;
      return {
        topic_code: code,
        topic: nameOf('topic', code, ref, language),
        department_code: departmentCode,
        department: nameOf('department', departmentCode, ref, language),
        count,
        previous_count: previousCount,
        change_pct: changePct(count, previousCount),
      };
    });
  rows.sort(
    (a, b) =>
      b.count - a.count ||
      (b.change_pct ?? -Infinity) - (a.change_pct ?? -Infinity) ||
      a.topic_code.localeCompare(b.topic_code)
  );
  return rows.slice(0, topN);
}

/** The top `topN` topics of [from, to) with their trend, read in `db`'s snapshot (`q.snapshot` read in it). */
export async function topicTrends(db: Db, ref: ReferenceIndex, q: TopicTrendQuery): Promise<TopicTrend[]> {
  const span = q.to - q.from;
  const spec = {
    groupBy: ['topic' as const],
    filters: q.filters,
    bucket: null,
    timeZone: ref.time_zone,
    snapshot: q.snapshot,
    limits: q.limits,
  };
  const [current, previous] = await Promise.all([
    sums(db, { ...spec, from: q.from, to: q.to }),
    sums(db, { ...spec, from: q.from - span, to: q.from }),
  ]);
  return rankTopics(receivedByTopic(current), receivedByTopic(previous), q.topN, ref, q.language);
}
