// Answers one query target: checks its filters, plans what every kind shares (buckets, the rollup read and its
// limits), then runs its metric kind's steps (metric-kinds/registry.ts): plan, compute, a check of the answer's
// size against the query limits, frames.
import type { Config } from '../config.ts';
import type { ReferenceIndex } from '../domain/reference.ts';
import type { Db } from './aggregate.ts';
import type { Frame } from './frames.ts';
import { checkTargetSize, type CallBudget } from './limits.ts';
import { METRICS } from './metrics.ts';
import type { KindId, QueryRange, TargetContext } from './metric-kinds/kind.ts';
import { metricKind } from './metric-kinds/registry.ts';
import { bucketStarts, chooseBucket, type BucketSpec } from './plan.ts';
import type { Target } from './request-schema.ts';
import type { RollupSnapshot } from './snapshot.ts';
import { resolveFilters } from './target-filters.ts';

/** The targets of a call share its range: their bucket starts are computed once (the last range's are kept). */
let lastBuckets: { key: string; starts: number[] } | null = null;
function bucketsOf(from: number, to: number, spec: BucketSpec, tz: string): number[] {
  const key = `${from}|${to}|${JSON.stringify(spec)}|${tz}`;
  if (lastBuckets?.key !== key) {
    lastBuckets = { key, starts: bucketStarts(from, to, spec, tz) };
  }
  return lastBuckets.starts;
}

/** What every kind gets: the target's filters as stored values (a 400 naming unknown codes), its buckets and its rollup read. */
function planTarget(
  ref: ReferenceIndex,
  config: Config,
  range: QueryRange,
  target: Target,
  path: string,
  snapshot: RollupSnapshot,
  budget: CallBudget
): TargetContext {
  const metric = METRICS[target.metric];
  const filters = resolveFilters(target, ref, path);
  const bucket =
    target.format === 'table'
      ? null
      : chooseBucket(range.to - range.from, range.intervalMs, range.maxDataPoints, config.queryMaxPoints);
  const buckets = bucket ? bucketsOf(range.from, range.to, bucket, ref.time_zone) : null;
  const who = { refId: target.refId, path };
  return {
    target,
    metric,
    path,
    who,
    ref,
    config,
    range,
    snapshot,
    budget,
    filters,
    bucket,
    buckets,
    spec: {
      groupBy: target.groupBy,
      filters,
      from: range.from,
      to: range.to,
      bucket,
      timeZone: ref.time_zone,
      snapshot,
      limits: { maxRows: config.queryMaxRows, maxSeries: config.queryMaxSeries, target: who },
    },
  };
}

/**
 * `snapshot`: read (snapshot.ts: rollupSnapshotSql) in `db`'s snapshot. `budget`: the call's values so far; a
 * target that would pass a limit (config.ts: S360_QUERY_MAX_*) is refused with a QueryLimitError (422) before its
 * frames are built, and no statement reads more than S360_QUERY_MAX_ROWS rows (+1).
 */
export async function runTarget(
  db: Db,
  ref: ReferenceIndex,
  config: Config,
  range: QueryRange,
  target: Target,
  path: string,
  snapshot: RollupSnapshot,
  budget: CallBudget
): Promise<Frame[]> {
  const ctx = planTarget(ref, config, range, target, path, snapshot, budget);
  const kind = metricKind<KindId>(ctx.metric.kind);
  const result = await kind.compute(db, kind.plan(ctx), ctx);
  if (kind.size) {
    checkTargetSize(ctx.who, kind.size(result, ctx), ctx.buckets?.length ?? 1, budget);
  }
  return kind.frame(result, ctx);
}
