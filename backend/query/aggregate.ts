// Reads the rollups for a query target: sums and histogram bins per group (the group-by dimensions' stored
// values) per bucket, from the cube and levels the plan picks, under the target's row and series limits.
// Shared by the metric kinds that read rollups (backend/query/metric-kinds/) and the proactive ones.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { coveringCube, CUBES, DIMENSION_COLUMN, HIST_CUBES, LEAN_CUBE_IDS, type Dimension } from '../rollups/cubes.ts';
import { addSums, ZERO_SUMS, type Sums } from './metrics.ts';
import { coarsestLevel, segments, withHourHorizon, type BucketSpec } from './plan.ts';
import { buildAggregateQuery, type Filters } from './sql-builder.ts';
import { tooManyRows, tooManySeries, tooManyValues, type TargetRef } from './limits.ts';
import type { RollupSnapshot } from './snapshot.ts';

export type Db = pg.Pool | pg.PoolClient;
/** A dimension's stored value (ids for zone and advisor, codes otherwise; null: none). */
export type Stored = string | number | null;

/** `limits`: the rows a statement may read and the series a target may have (checked as the rows arrive), and whose they are. */
export type AggregateSpec = {
  groupBy: Dimension[];
  filters: Filters;
  from: number;
  to: number;
  bucket: BucketSpec | null;
  timeZone: string;
  snapshot: RollupSnapshot;
  limits: { maxRows: number; maxSeries: number; target: TargetRef; valuesPerRow?: { max: number } };
};

/** One group: its dimensions' stored values and an accumulator per bucket start (null: the whole range). */
export type Group<T> = { dims: Stored[]; byBucket: Map<number | null, T> };

/**
 * Counts and histograms are both rolled up by hour (from their horizons on; the lean cubes' counts from
 * theirs, migration 0030), day and month.
 */
function planOf(spec: AggregateSpec, kind: 'sums' | 'hist') {
  const needed = [...new Set([...spec.groupBy, ...(Object.keys(spec.filters) as Dimension[])])];
  const cube = coveringCube(needed, kind === 'hist' ? HIST_CUBES : CUBES);
  const level = cube ? coarsestLevel(spec.bucket) : 'state';
  const hourFrom =
    kind === 'hist'
      ? spec.snapshot.histHourFrom
      : cube && LEAN_CUBE_IDS.includes(cube.id)
        ? spec.snapshot.leanHourFrom
        : spec.snapshot.hourFrom;
  return {
    cube: cube?.id ?? null,
    segments: withHourHorizon(segments(spec.from, spec.to, level, spec.timeZone), hourFrom),
    pending: spec.snapshot.pending,
  };
}

/** A row's bucket as a map key (its start in ms; null for the whole range). */
export const bucketKey = (b: Date | null) => (b === null ? null : b.getTime());

/**
 * Runs a built query as a named prepared statement (one per distinct text and connection): planning these
 * statements costs more than running them on a small range (measured 18 ms against 2 ms), and a dashboard
 * repeats the same shapes every refresh.
 */
function runPrepared(db: Db, q: { text: string; values: unknown[] }) {
  const name = `s360_${createHash('sha1').update(q.text).digest('hex').slice(0, 20)}`;
  return db.query({ name, text: q.text, values: q.values });
}

/** Lets the event loop answer other requests (health checks, small queries) during a long loop. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Rows between two yields to the event loop. */
export const YIELD_EVERY = 10_000;

/**
 * Refuses a statement's answer that hit its LIMIT (one row more than S360_QUERY_MAX_ROWS): as too many series
 * when the rows read already hold more than the series limit, else as too many rows.
 */
export function checkRows(rows: Array<Record<string, unknown>>, spec: AggregateSpec): void {
  if (rows.length <= rowLimit(spec)) {
    return;
  }
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(JSON.stringify(spec.groupBy.map((d) => row[DIMENSION_COLUMN[d]])));
  }
  if (seen.size > spec.limits.maxSeries) {
    throw tooManySeries(spec.limits.target, seen.size, spec.limits.maxSeries);
  }
  const perRow = spec.limits.valuesPerRow;
  if (perRow && perRow.max < spec.limits.maxRows) {
    throw tooManyValues(spec.limits.target, perRow.max);
  }
  throw tooManyRows(spec.limits.target, spec.limits.maxRows);
}

/**
 * The rows a statement may return: S360_QUERY_MAX_ROWS, or fewer where each row is one value of the answer
 * (a sum per group and bucket: more rows than values allowed per target cannot be answered anyway).
 */
export function rowLimit(spec: AggregateSpec): number {
  return Math.min(spec.limits.maxRows, spec.limits.valuesPerRow?.max ?? Infinity);
}

/**
 * Rows → groups (by the group-by dimensions' stored values) → buckets, each folded into an accumulator. Refuses
 * (422) as soon as the groups pass `maxGroups`; yields to the event loop every 10,000 rows.
 */
/** A row of the sums or histogram statements: its bucket, the group-by columns and its values. */
type AggregateRow = Record<string, unknown> & { bucket: Date | null };
type HistRow = AggregateRow & { bin: number; n: number };

async function groupRows<T, R extends AggregateRow>(
  rows: R[],
  groupBy: Dimension[],
  empty: () => T,
  add: (acc: T, row: R) => T,
  maxGroups: number,
  target: TargetRef
): Promise<Map<string, Group<T>>> {
  const groups = new Map<string, Group<T>>();
  let i = 0;
  for (const row of rows) {
    if (++i % YIELD_EVERY === 0) {
      await yieldToLoop();
    }
    const dims = groupBy.map((d) => row[DIMENSION_COLUMN[d]] as Stored);
    const key = JSON.stringify(dims);
    let g = groups.get(key);
    if (!g) {
      g = { dims, byBucket: new Map() };
      groups.set(key, g);
      if (groups.size > maxGroups) {
        throw tooManySeries(target, groups.size, maxGroups);
      }
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
export async function sums(
  db: Db,
  spec: AggregateSpec,
  maxGroups = spec.limits.maxSeries
): Promise<Map<string, Group<Sums>>> {
  const { rows } = await runPrepared(
    db,
    buildAggregateQuery('sums', { ...spec, ...planOf(spec, 'sums'), rowLimit: rowLimit(spec) })
  );
  checkRows(rows, spec);
  return groupRows<Sums, AggregateRow & Sums>(
    rows,
    spec.groupBy,
    () => ZERO_SUMS,
    addSums,
    maxGroups,
    spec.limits.target
  );
}

/** Histogram bins per group per bucket (`kind`: first response or resolution times). */
export async function histograms(
  db: Db,
  spec: AggregateSpec,
  kind: 'fr' | 'rs'
): Promise<Map<string, Group<Map<number, number>>>> {
  const { rows } = await runPrepared(
    db,
    buildAggregateQuery('hist', { ...spec, ...planOf(spec, 'hist'), histKind: kind, rowLimit: spec.limits.maxRows })
  );
  checkRows(rows, spec);
  return groupRows<Map<number, number>, HistRow>(
    rows,
    spec.groupBy,
    () => new Map<number, number>(),
    (bins, row) => bins.set(row.bin, (bins.get(row.bin) ?? 0) + row.n),
    spec.limits.maxSeries,
    spec.limits.target
  );
}

/** For the statements whose every row is a value of the answer (sums of the target's own groups, warnings): fewer rows may come back. */
export function oneValuePerRow(spec: AggregateSpec, maxTargetValues: number): AggregateSpec {
  return { ...spec, limits: { ...spec.limits, valuesPerRow: { max: maxTargetValues } } };
}
