// The contract of a kind of metric (sums, histograms, backlog, per 10k, warnings, recurring topics, hot spots, …),
// one file each in this folder and listed in registry.ts, as Grafana's Geomap lists its layer types: a kind plans
// what to read from the target (pure), computes it (reads the database), says how many series or rows the answer
// has (checked against the query limits before any frame is built) and turns it into frames (pure). It also says
// what a query may ask of its metrics (the catalogue, GET /v1/catalog, serves it).
import type { MetricSupport } from '../../catalog/metric-support.ts';
import type { Config } from '../../config.ts';
import type { ReferenceIndex } from '../../domain/reference.ts';
import type { AggregateSpec, Db } from '../aggregate.ts';
import { seriesFrames, type Frame, type Series } from '../frames.ts';
import type { CallBudget, TargetRef } from '../limits.ts';
import type { MetricDefinition } from '../metrics.ts';
import type { BucketSpec } from '../plan.ts';
import type { Target } from '../request-schema.ts';
import type { RollupSnapshot } from '../snapshot.ts';
import type { Filters } from '../sql-builder.ts';

/** The call's range (epoch ms, [from, to)) and what Grafana asked of its resolution. */
export type QueryRange = { from: number; to: number; intervalMs?: number; maxDataPoints?: number };

export type KindId = MetricDefinition['kind'];
/** The metric definitions of one kind (metrics.ts). */
export type MetricOfKind<K extends KindId> = MetricDefinition extends infer D
  ? D extends { kind: infer DK }
    ? K extends DK
      ? D
      : never
    : never
  : never;

/** What the planning of a target (run-target.ts) gives its kind. */
export type TargetContext<K extends KindId = KindId> = {
  target: Target;
  metric: MetricOfKind<K>;
  path: string;
  who: TargetRef;
  ref: ReferenceIndex;
  config: Config;
  range: QueryRange;
  snapshot: RollupSnapshot;
  budget: CallBudget;
  /** the target's filters as stored values */
  filters: Filters;
  /** the buckets of a time series (null for a table) and their starts */
  bucket: BucketSpec | null;
  buckets: number[] | null;
  /** the target's read of the rollups: its group-by, filters, range, buckets and limits */
  spec: AggregateSpec;
};

export type MetricKind<K extends KindId, Plan, Result> = {
  id: K;
  /** What the kind answers, for whoever reads the registry. */
  description: string;
  /** What a query may ask of a metric of this kind: formats, group-by, filters and options (the catalogue). */
  support: (metric: MetricOfKind<K>) => MetricSupport;
  /** Pure: what to read for the target. */
  plan: (ctx: TargetContext<K>) => Plan;
  /** Reads it (and folds what it read into the answer's series or rows). */
  compute: (db: Db, plan: Plan, ctx: TargetContext<K>) => Promise<Result>;
  /**
   * The answer's series (or table rows), checked with the buckets against the query limits before `frame`.
   * Absent only where `compute` checks its own answer (the proactive metrics count values their own way).
   */
  size?: (result: Result, ctx: TargetContext<K>) => number;
  /** The answer as Grafana data frames, in the target's language (frames.ts). */
  frame: (result: Result, ctx: TargetContext<K>) => Frame[] | Promise<Frame[]>;
};

/** A grouped kind's frames: its series as the target's table or time series (`fill`: a bucket without a value). */
export function framesOfSeries(ctx: TargetContext, series: Series[], fill: number | null): Frame[] {
  const { target } = ctx;
  return seriesFrames({
    refId: target.refId,
    metricName: target.metric,
    metric: ctx.metric,
    lang: target.language,
    groupBy: target.groupBy,
    series,
    buckets: ctx.buckets,
    ref: ctx.ref,
    fill,
  });
}
