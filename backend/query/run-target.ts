// Answers one query target: plans it, runs the aggregate SQL, turns the sums into Grafana data frames.
import { createHash } from 'node:crypto';
import { sql } from '../db/sql.ts';
import type pg from 'pg';
import type { Config } from '../config.ts';
import type { ReferenceIndex } from '../domain/reference.ts';
import { ValidationError, type ErrorDetail } from '../http/errors.ts';
import { CUBES, coveringCube, DIMENSION_COLUMN, HIST_CUBES, LEAN_CUBE_IDS, type Dimension } from '../rollups/cubes.ts';
import { validCodes, nameOf } from './labels.ts';
import { addSums, METRICS, quantileFromBins, ZERO_SUMS, type MetricDefinition, type Sums } from './metrics.ts';
import { bucketStarts, chooseBucket, coarsestLevel, segments, withHourHorizon, type BucketSpec } from './plan.ts';
import { buildAggregateQuery, buildWarningsQuery, type Filters } from './sql-builder.ts';
import { findHotspots } from '../recurrence/hotspots.ts';
import { dueSoon, openByStage } from './open-work.ts';
import type { RequestFilters } from '../geo/request-filters.ts';
import { tableFrame, timeSeriesFrames, type Frame, type Series } from './frames.ts';
import { checkTargetSize, tooManyRows, tooManySeries, tooManyValues, type CallBudget, type TargetRef } from './limits.ts';
import type { Target } from './request-schema.ts';
import { runProactiveMetric } from '../forecast/metrics/dispatch.ts';

export type QueryRange = { from: number; to: number; intervalMs?: number; maxDataPoints?: number };
type Db = pg.Pool | pg.PoolClient;
type Stored = string | number | null;

/**
 * What a query needs to know of the rollups in its snapshot: whether any request is marked for the
 * rollup job (else the pending delta is left out) and where the hour level begins (migration 0023).
 */
export type RollupSnapshot = { pending: boolean; hourFrom: number; histHourFrom: number; leanHourFrom: number };

/** A timestamptz as read by pg (a Date, or ±Infinity for ±infinity); unknown: +Infinity (trust no hour row). */
const instant = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Infinity);

export type RollupSnapshotRow = { pending: boolean; hour_from: unknown; hist_hour_from: unknown; lean_hour_from: unknown };

/** The statement reading a snapshot's RollupSnapshot (static, no parameters). */
export function rollupSnapshotSql(): string {
  return sql('query/rollup_snapshot');
}

export function rollupSnapshotOf(r: RollupSnapshotRow): RollupSnapshot {
  return { pending: r.pending, hourFrom: instant(r.hour_from), histHourFrom: instant(r.hist_hour_from), leanHourFrom: instant(r.lean_hour_from) };
}


/** Codes in filters → stored values (zones and advisors by id); unknown codes are a 400 naming them. */
export function resolveFilters(target: Target, ref: ReferenceIndex, path: string): Filters {
  const out: Filters = {};
  const problems: ErrorDetail[] = [];
  for (const [dim, codes] of Object.entries(target.filters) as [Dimension, (string | null)[]][]) {
    const valid = new Set(validCodes(dim, ref));
    out[dim] = codes.map((code, i) => {
      if (code === null) return null;
      if (!valid.has(code)) { problems.push({ path: `${path}.filters.${dim}[${i}]`, message: `unknown ${dim} "${code}"` }); return null; }
      if (dim === 'zone') return ref.zone.get(code)!.id;
      if (dim === 'advisor') return ref.advisor.get(code)!.id;
      return code;
    });
  }
  if (problems.length) throw new ValidationError('the query is invalid', problems);
  return out;
}

/** `limits`: the rows a statement may read and the series a target may have (checked as the rows arrive), and whose they are. */
export type AggregateSpec = {
  groupBy: Dimension[]; filters: Filters; from: number; to: number; bucket: BucketSpec | null; timeZone: string; snapshot: RollupSnapshot;
  limits: { maxRows: number; maxSeries: number; target: TargetRef; valuesPerRow?: { max: number } };
};

/**
 * Counts and histograms are both rolled up by hour (from their horizons on; the lean cubes' counts from
 * theirs, migration 0030), day and month.
 */
function planOf(spec: AggregateSpec, kind: 'sums' | 'hist') {
  const needed = [...new Set([...spec.groupBy, ...(Object.keys(spec.filters) as Dimension[])])];
  const cube = coveringCube(needed, kind === 'hist' ? HIST_CUBES : CUBES);
  const level = cube ? coarsestLevel(spec.bucket) : 'state';
  const hourFrom = kind === 'hist' ? spec.snapshot.histHourFrom
    : cube && LEAN_CUBE_IDS.includes(cube.id) ? spec.snapshot.leanHourFrom : spec.snapshot.hourFrom;
  return { cube: cube?.id ?? null, segments: withHourHorizon(segments(spec.from, spec.to, level, spec.timeZone), hourFrom), pending: spec.snapshot.pending };
}

const bucketKey = (b: Date | null) => (b === null ? null : b.getTime());

/**
 * Runs a built query as a named prepared statement (one per distinct text and connection): planning these
 * statements costs more than running them on a small range (measured 18 ms against 2 ms), and a dashboard
 * repeats the same shapes every refresh.
 */
function runPrepared(db: Db, q: { text: string; values: unknown[] }) {
  const name = `s360_${createHash('sha1').update(q.text).digest('hex').slice(0, 20)}`;
  return db.query({ name, text: q.text, values: q.values });
}

type Group<T> = { dims: Stored[]; byBucket: Map<number | null, T> };

/** Lets the event loop answer other requests (health checks, small queries) during a long loop. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const YIELD_EVERY = 10_000;

/**
 * Refuses a statement's answer that hit its LIMIT (one row more than S360_QUERY_MAX_ROWS): as too many series
 * when the rows read already hold more than the series limit, else as too many rows.
 */
function checkRows(rows: Record<string, any>[], spec: AggregateSpec): void {
  if (rows.length <= rowLimit(spec)) return;
  const seen = new Set<string>();
  for (const row of rows) seen.add(JSON.stringify(spec.groupBy.map((d) => row[DIMENSION_COLUMN[d]])));
  if (seen.size > spec.limits.maxSeries) throw tooManySeries(spec.limits.target, seen.size, spec.limits.maxSeries);
  const perRow = spec.limits.valuesPerRow;
  if (perRow && perRow.max < spec.limits.maxRows) throw tooManyValues(spec.limits.target, perRow.max);
  throw tooManyRows(spec.limits.target, spec.limits.maxRows);
}

/**
 * The rows a statement may return: S360_QUERY_MAX_ROWS, or fewer where each row is one value of the answer
 * (a sum per group and bucket: more rows than values allowed per target cannot be answered anyway).
 */
function rowLimit(spec: AggregateSpec): number {
  return Math.min(spec.limits.maxRows, spec.limits.valuesPerRow?.max ?? Infinity);
}

/**
 * Rows → groups (by the group-by dimensions' stored values) → buckets, each folded into an accumulator. Refuses
 * (422) as soon as the groups pass `maxGroups`; yields to the event loop every 10,000 rows.
 */
async function groupRows<T>(rows: Record<string, any>[], groupBy: Dimension[], empty: () => T, add: (acc: T, row: Record<string, any>) => T,
  maxGroups: number, target: TargetRef): Promise<Map<string, Group<T>>> {
  const groups = new Map<string, Group<T>>();
  let i = 0;
  for (const row of rows) {
    if (++i % YIELD_EVERY === 0) await yieldToLoop();
    const dims = groupBy.map((d) => row[DIMENSION_COLUMN[d]] as Stored);
    const key = JSON.stringify(dims);
    let g = groups.get(key);
    if (!g) {
      g = { dims, byBucket: new Map() };
      groups.set(key, g);
      if (groups.size > maxGroups) throw tooManySeries(target, groups.size, maxGroups);
    }
    const b = bucketKey(row.bucket);
    g.byBucket.set(b, add(g.byBucket.get(b) ?? empty(), row));
  }
  return groups;
}

/**
 * Sums per group per bucket. `maxGroups`: the most groups the caller can use (the series limit, or more when
 * groups fold into fewer series, as per 10k folds zones).
 */
export async function sums(db: Db, spec: AggregateSpec, maxGroups = spec.limits.maxSeries): Promise<Map<string, Group<Sums>>> {
  const { rows } = await runPrepared(db, buildAggregateQuery('sums', { ...spec, ...planOf(spec, 'sums'), rowLimit: rowLimit(spec) }));
  checkRows(rows, spec);
  return groupRows(rows, spec.groupBy, () => ZERO_SUMS, (acc, row) => addSums(acc, row as Sums), maxGroups, spec.limits.target);
}

/** Histogram bins per group per bucket. */
async function histograms(db: Db, spec: AggregateSpec, kind: 'fr' | 'rs'): Promise<Map<string, Group<Map<number, number>>>> {
  const { rows } = await runPrepared(db, buildAggregateQuery('hist', { ...spec, ...planOf(spec, 'hist'), histKind: kind, rowLimit: spec.limits.maxRows }));
  checkRows(rows, spec);
  return groupRows(rows, spec.groupBy, () => new Map<number, number>(), (bins, row) => bins.set(row.bin, (bins.get(row.bin) ?? 0) + row.n),
    spec.limits.maxSeries, spec.limits.target);
}

function frames(target: Target, metric: MetricDefinition, ref: ReferenceIndex, series: Series[], buckets: number[] | null, fill: number | null, groupBy = target.groupBy): Frame[] {
  // Built only for answers checked by checkTargetSize (series, values per target and per call).
  // Without grouping there is always one series, even when nothing happened in the range.
  if (!series.length && !groupBy.length) series = [{ dims: [], values: new Map([[null, fill]]) }];
  const common = { refId: target.refId, metricName: target.metric, metric, lang: target.language, groupBy, series, ref };
  if (!buckets) return [tableFrame({ ...common, sortDescending: groupBy.length > 0 })];
  return timeSeriesFrames({ ...common, buckets, fill });
}

/** The targets of a call share its range: their bucket starts are computed once (the last range's are kept). */
let lastBuckets: { key: string; starts: number[] } | null = null;
function bucketsOf(from: number, to: number, spec: BucketSpec, tz: string): number[] {
  const key = `${from}|${to}|${JSON.stringify(spec)}|${tz}`;
  if (lastBuckets?.key !== key) lastBuckets = { key, starts: bucketStarts(from, to, spec, tz) };
  return lastBuckets.starts;
}

/**
 * `snapshot`: read (rollupSnapshotSql) in `db`'s snapshot. `budget`: the call's values so far; a target that
 * would pass a limit (config.ts: S360_QUERY_MAX_*) is refused with a QueryLimitError (422) before its frames
 * are built, and no statement reads more than S360_QUERY_MAX_ROWS rows (+1).
 */
export async function runTarget(db: Db, ref: ReferenceIndex, config: Config, range: QueryRange, target: Target, path: string, snapshot: RollupSnapshot,
  budget: CallBudget): Promise<Frame[]> {
  const metric: MetricDefinition = METRICS[target.metric];
  const filters = resolveFilters(target, ref, path);
  const bucket = target.format === 'table' ? null : chooseBucket(range.to - range.from, range.intervalMs, range.maxDataPoints, config.queryMaxPoints);
  const buckets = bucket ? bucketsOf(range.from, range.to, bucket, ref.time_zone) : null;
  const who: TargetRef = { refId: target.refId, path };
  const spec: AggregateSpec = {
    groupBy: target.groupBy, filters, from: range.from, to: range.to, bucket, timeZone: ref.time_zone, snapshot,
    limits: { maxRows: config.queryMaxRows, maxSeries: config.queryMaxSeries, target: who },
  };
  const keys = buckets ?? [null];
  /** Series (or table rows) × buckets against the limits, before any frame is built. */
  const check = (series: number) => checkTargetSize(who, series, buckets?.length ?? 1, budget);
  /** For the statements whose every row is a value of the answer (sums of the target's own groups, warnings). */
  const oneValuePerRow: AggregateSpec = { ...spec, limits: { ...spec.limits, valuesPerRow: { max: config.queryMaxTargetPoints } } };

  switch (metric.kind) {
    case 'sum': {
      const groups = await sums(db, oneValuePerRow);
      check(Math.max(groups.size, 1));
      // Sparse: a bucket without rows takes the fill (the value of zero sums), as a dense map would hold it.
      const series = [...groups.values()].map((g) => ({
        dims: g.dims, values: new Map([...g.byBucket].map(([b, s]) => [b, metric.value(s)])),
      }));
      return frames(target, metric, ref, series, buckets, metric.value(ZERO_SUMS));
    }
    case 'hist': {
      const groups = await histograms(db, spec, metric.hist);
      check(Math.max(groups.size, 1));
      const series = [...groups.values()].map((g) => ({
        dims: g.dims, values: new Map([...g.byBucket].map(([b, bins]) => [b, quantileFromBins(bins, metric.quantile)])),
      }));
      return frames(target, metric, ref, series, buckets, null);
    }
    case 'backlog': {
      // Groups whose backlog stays zero (all closed) are no series: the limit is checked on the others, below;
      // until then the groups are bounded by the rows a statement may read.
      const [increments, prefix] = await Promise.all([
        sums(db, spec, config.queryMaxRows),
        sums(db, { ...spec, from: -Infinity, to: range.from, bucket: null }, config.queryMaxRows),
      ]);
      const net = (s: Sums | undefined) => (s ? s.received - s.closed - s.cancelled : 0);
      // The series that are not zero throughout: an open backlog before the range, or a change in it (one pass
      // over the groups' buckets, not over series × buckets).
      const moving = (key: string) => net(prefix.get(key)?.byBucket.get(null)) !== 0
        || [...(increments.get(key)?.byBucket.values() ?? [])].some((s) => net(s) !== 0);
      const keysAll = [...new Set([...increments.keys(), ...prefix.keys()])].filter(moving);
      check(Math.max(keysAll.length, 1));
      const series: Series[] = [];
      let n = 0;
      for (const key of keysAll) {
        if (++n % 100 === 0) await yieldToLoop();
        const g = increments.get(key) ?? prefix.get(key)!;
        let running = net(prefix.get(key)?.byBucket.get(null));
        const values = new Map<number | null, number>();
        if (!buckets) values.set(null, running + [...(increments.get(key)?.byBucket.values() ?? [])].reduce((a, s) => a + net(s), 0));
        else for (const b of buckets) { running += net(increments.get(key)?.byBucket.get(b)); values.set(b, running); }
        if ([...values.values()].some((v) => v !== 0)) series.push({ dims: g.dims, values });
      }
      return frames(target, metric, ref, series, buckets, 0);
    }
    case 'per_10k': {
      const withZone = target.groupBy.includes('zone') ? target.groupBy : [...target.groupBy, 'zone' as Dimension];
      // Zones fold into the target's series: up to the series limit per zone may come back.
      const groups = await sums(db, { ...spec, groupBy: withZone }, target.groupBy.includes('zone') ? config.queryMaxSeries : config.queryMaxSeries * Math.max(1, ref.zones.length + 1));
      const zoneAt = withZone.indexOf('zone');
      const population = (zoneId: Stored) => (zoneId === null ? null : ref.zoneById.get(Number(zoneId))?.population ?? null);
      const zoneFilter = filters.zone;
      const zonesInScope = ref.zones.filter((z) => !zoneFilter || zoneFilter.includes(z.id));
      const scopePopulation = zonesInScope.reduce((a, z) => a + (z.population && z.population > 0 ? z.population : 0), 0);
      const out = new Map<string, { dims: Stored[]; received: Map<number | null, number> }>();
      for (const g of groups.values()) {
        const pop = population(g.dims[zoneAt]);
        const dims = target.groupBy.includes('zone') ? g.dims : g.dims.filter((_, i) => i !== zoneAt);
        const key = JSON.stringify(dims);
        let o = out.get(key);
        if (!o) { o = { dims, received: new Map() }; out.set(key, o); }
        if (!pop || pop <= 0) continue;
        for (const [b, s] of g.byBucket) o.received.set(b, (o.received.get(b) ?? 0) + s.received);
      }
      check(Math.max(out.size, 1));
      const series: Series[] = [...out.values()].map((o) => {
        const den = target.groupBy.includes('zone') ? population(o.dims[target.groupBy.indexOf('zone')]) : scopePopulation;
        return { dims: o.dims, values: new Map(keys.map((b) => [b, den && den > 0 ? ((o.received.get(b) ?? 0) / den) * 10_000 : null])) };
      });
      if (!target.groupBy.length && !series.length) series.push({ dims: [], values: new Map(keys.map((b) => [b, scopePopulation > 0 ? 0 : null])) });
      return frames(target, metric, ref, series, buckets, scopePopulation > 0 && !target.groupBy.includes('zone') ? 0 : null);
    }
    case 'warnings': {
      const q = buildWarningsQuery({ ...spec, rowLimit: rowLimit(oneValuePerRow) });
      const { rows } = await db.query(q.text, q.values);
      checkRows(rows, oneValuePerRow);
      const groups = new Map<string, Series>();
      let i = 0;
      for (const row of rows) {
        if (++i % YIELD_EVERY === 0) await yieldToLoop();
        const dims = target.groupBy.map((d) => row[DIMENSION_COLUMN[d]] as Stored);
        const key = JSON.stringify(dims);
        if (!groups.has(key)) groups.set(key, { dims, values: new Map() });
        groups.get(key)!.values.set(bucketKey(row.bucket), row.n);
      }
      check(Math.max(groups.size, 1));
      return frames(target, metric, ref, [...groups.values()], buckets, 0);
    }
    case 'recurring_topics': {
      const frame = await recurringTopics(db, ref, range, target, filters, snapshot, spec.limits);
      check(frame.fields[0].values.length);
      return [frame];
    }
    case 'hotspots': {
      const frame = await hotspots(db, ref, config, range, target, filters);
      check(frame.fields[0].values.length);
      return [frame];
    }
    case 'proactive': return runProactiveMetric({ db, ref, config, range, target, filters, spec, path, check: (series, values) => checkTargetSize(who, series, values, budget) });
    case 'open_by_stage': {
      // Open now: received before the range's end, in the stage they are in now.
      const frame = await openByStage(db, ref, target, asRequestFilters(filters, ref), range.to);
      check(frame.fields[0].values.length);
      return [frame];
    }
    case 'due_soon': {
      const frame = await dueSoon(db, ref, target, asRequestFilters(filters, ref), Date.now());
      check(frame.fields[0].values.length);
      return [frame];
    }
  }
}

/** The query's filters in the shape of the geo/recurrence modules. */
export function asRequestFilters(filters: Filters, ref: ReferenceIndex): RequestFilters {
  const list = <T>(d: Dimension) => (filters[d] ? (filters[d]!.filter((v) => v !== null) as T[]) : null);
  const classes = list<string>('status_class');
  return {
    zoneIds: list<number>('zone'), channels: list<string>('channel'), categories: list<string>('category'),
    topics: list<string>('topic'), departments: list<string>('department'), advisorIds: list<number>('advisor'),
    statuses: classes ? ref.statuses.filter((st) => classes.includes(st.status_class)).map((st) => st.code) : null,
    priorities: list<string>('priority'),
  };
}

/** Same-topic clusters of reports in the range (DBSCAN): the "act before it recurs" list. */
async function hotspots(db: Db, ref: ReferenceIndex, config: Config, range: QueryRange, target: Target, filters: Filters): Promise<Frame> {
  const answer = await findHotspots(db, { window: { from: new Date(range.from), to: new Date(range.to) }, filters: asRequestFilters(filters, ref), language: target.language }, config);
  const rows = answer.hotspots.slice(0, target.topN);
  const ar = target.language === 'ar';
  const col = (name: string, type: 'string' | 'number' | 'time', values: unknown[], en: string, arName: string, unit?: string) =>
    ({ name, type, values, config: { displayName: ar ? arName : en, ...(unit ? { unit } : {}) } });
  return {
    name: ar ? METRICS.hotspots.ar : METRICS.hotspots.en, refId: target.refId,
    meta: { source: answer.source, window: { from: answer.window.from, to: answer.window.to } },
    fields: [
      col('zone', 'string', rows.map((h) => h.zone ?? nameOf('zone', null, ref, target.language)), 'Zone', 'المنطقة'),
      col('zone_code', 'string', rows.map((h) => h.zone_code), 'Zone code', 'رمز المنطقة'),
      col('topic', 'string', rows.map((h) => h.topic), 'Topic', 'الموضوع'),
      col('topic_code', 'string', rows.map((h) => h.topic_code), 'Topic code', 'رمز الموضوع'),
      col('count', 'number', rows.map((h) => h.count), 'Reports', 'البلاغات', 'short'),
      col('first_at', 'time', rows.map((h) => Date.parse(h.first_at)), 'First', 'الأول'),
      col('last_at', 'time', rows.map((h) => Date.parse(h.last_at)), 'Last', 'الأخير'),
      col('lon', 'number', rows.map((h) => h.lon), 'Longitude', 'خط الطول'),
      col('lat', 'number', rows.map((h) => h.lat), 'Latitude', 'خط العرض'),
      col('radius_m', 'number', rows.map((h) => h.radius_m), 'Radius', 'نصف القطر', 'lengthm'),
    ],
  };
}

/** Topics ranked by volume in the range, with their change against the previous equal period. */
async function recurringTopics(db: Db, ref: ReferenceIndex, range: QueryRange, target: Target, filters: Filters, snapshot: RollupSnapshot,
  limits: AggregateSpec['limits']): Promise<Frame> {
  const span = range.to - range.from;
  const spec = { groupBy: ['topic'] as Dimension[], filters, bucket: null, timeZone: ref.time_zone, snapshot, limits };
  const [current, previous] = await Promise.all([
    sums(db, { ...spec, from: range.from, to: range.to }),
    sums(db, { ...spec, from: range.from - span, to: range.from }),
  ]);
  const count = (m: typeof current, key: string) => m.get(key)?.byBucket.get(null)?.received ?? 0;
  const rows = [...current.entries()]
    .filter(([key, g]) => g.dims[0] !== null && count(current, key) > 0)
    .map(([key, g]) => ({ code: String(g.dims[0]), count: count(current, key), previous: count(previous, key) }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, target.topN);
  const lang = target.language;
  const metric = METRICS.recurring_topics;
  const dept = (code: string) => nameOf('department', ref.topic.get(code)?.department_code ?? null, ref, lang);
  return {
    name: lang === 'ar' ? metric.ar : metric.en, refId: target.refId,
    fields: [
      { name: 'topic', type: 'string', values: rows.map((r) => nameOf('topic', r.code, ref, lang)), config: { displayName: lang === 'ar' ? 'الموضوع' : 'Topic' } },
      { name: 'topic_code', type: 'string', values: rows.map((r) => r.code), config: {} },
      { name: 'department', type: 'string', values: rows.map((r) => dept(r.code)), config: { displayName: lang === 'ar' ? 'الإدارة' : 'Department' } },
      { name: 'count', type: 'number', values: rows.map((r) => r.count), config: { unit: 'short', displayName: lang === 'ar' ? 'العدد' : 'Requests' } },
      { name: 'previous_count', type: 'number', values: rows.map((r) => r.previous), config: { unit: 'short', displayName: lang === 'ar' ? 'الفترة السابقة' : 'Previous period' } },
      { name: 'change_pct', type: 'number', values: rows.map((r) => (r.previous > 0 ? ((r.count - r.previous) / r.previous) * 100 : null)), config: { unit: 'percent', decimals: 0, displayName: lang === 'ar' ? 'التغير' : 'Change' } },
    ],
  };
}
