// Every kind of metric the query API answers, by id (metrics.ts gives each metric its kind): the one place a new
// kind is registered, as Grafana's Geomap registers its layer types. The type makes the list complete.
import type { MetricSupport } from '../../catalog/metric-support.ts';
import type { MetricDefinition } from '../metrics.ts';
import { backlogKind } from './backlog.ts';
import { dueSoonKind } from './due-soon.ts';
import { histogramKind } from './histogram.ts';
import { hotspotsKind } from './hotspots.ts';
import type { KindId, MetricKind } from './kind.ts';
import { openByStageKind } from './open-by-stage.ts';
import { per10kKind } from './per-10k.ts';
import { proactiveKind } from './proactive.ts';
import { recurringTopicsKind } from './recurring-topics.ts';
import { sumKind } from './sum.ts';
import { warningsKind } from './warnings.ts';

// Plans and results differ from kind to kind; each kind's file holds them together.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind<K extends KindId> = MetricKind<K, any, any>;

const KINDS: { readonly [K in KindId]: AnyKind<K> } = {
  sum: sumKind,
  hist: histogramKind,
  backlog: backlogKind,
  per_10k: per10kKind,
  warnings: warningsKind,
  recurring_topics: recurringTopicsKind,
  hotspots: hotspotsKind,
  open_by_stage: openByStageKind,
  due_soon: dueSoonKind,
  proactive: proactiveKind,
};

/** The kind registered under `id`. */
export function metricKind<K extends KindId>(id: K): AnyKind<K> {
  return KINDS[id];
}

/** What a query may ask of `metric`, as its kind declares it (the catalogue, GET /v1/catalog). */
export function supportOf(metric: MetricDefinition): MetricSupport {
  return metricKind<KindId>(metric.kind).support(metric);
}

/** Every registered kind. */
export function metricKinds(): Array<AnyKind<KindId>> {
  return Object.values(KINDS);
}
