// Query planning, pure: the bucket size of a time series, and how a range splits into parts answered by
// each rollup level (month, day, hour) or by the per-request state (parts finer than an hour, or any
// part when no cube holds the query's dimensions).
import { ceilTo, DAY, floorTo, HOUR, localToUtc, offsetAt, type Unit } from './time.ts';

export type Level = 'hour' | 'day' | 'month' | 'state';
export type Segment = { level: Level; lo: number; hi: number };
/**
 * A time-series bucket: a fixed size in ms (aligned on the epoch), a calendar day or week in the reporting
 * zone, or n calendar months (local; aligned on January of year 0, so 12 months are calendar years and 120
 * decades; the block holding year 1 starts at year 1).
 */
export type BucketSpec =
  { kind: 'fixed'; ms: number } | { kind: 'calendar'; unit: 'day' | 'week' } | { kind: 'months'; n: number };

const SIZES = [60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 7 * DAY];
/** The shortest month (a bound for "n months last at least"), and the mean one (to honour an interval). */
const MIN_MONTH = 28 * DAY;
const MEAN_MONTH = 30.436875 * DAY;

/** Month counts of the buckets past a week: 1, 3, 6 months, then 1, 2, 5 years × 10^k (no end). */
function monthSteps(): Iterable<number> {
  return {
    *[Symbol.iterator]() {
      yield 1;
      yield 3;
      yield 6;
      for (let k = 1; ; k *= 10) {
        yield 12 * k;
        yield 24 * k;
        yield 60 * k;
      }
    },
  };
}

/**
 * The bucket of a time series over `rangeMs`: at least the interval and range / maxDataPoints (Grafana's
 * guide, as before), and never so small that the range holds more than `hardCap` buckets whatever its
 * alignment (S360_QUERY_MAX_POINTS, at least 2), snapped up to the next standard size. Past a week, buckets
 * grow by calendar months and years without end, so a series never exceeds the cap however long the range.
 */
export function chooseBucket(
  rangeMs: number,
  intervalMs: number | undefined,
  maxDataPoints: number | undefined,
  hardCap: number
): BucketSpec {
  const cap = Math.max(2, hardCap);
  const guide = Math.max(intervalMs ?? 0, rangeMs / Math.min(maxDataPoints ?? cap, cap), 1);
  // Buckets of size s starting anywhere: at most floor(range / s) + 1 of them, so s ≥ range / (cap − 1).
  const strict = rangeMs / (cap - 1);
  const size = SIZES.find((s) => s >= guide && s >= strict);
  if (size === DAY) {
    return { kind: 'calendar', unit: 'day' };
  }
  if (size === 7 * DAY) {
    return { kind: 'calendar', unit: 'week' };
  }
  if (size !== undefined) {
    return { kind: 'fixed', ms: size };
  }
  for (const n of monthSteps()) {
    if (n * MEAN_MONTH >= guide && n * MIN_MONTH >= strict) {
      return { kind: 'months', n };
    }
  }
  throw new Error('unreachable');
}

/** The months since year 0 of the local month (in tz) holding t. */
function monthIndex(t: number, tz: string): number {
  const start = floorTo(t, 'month', tz);
  const d = new Date(start + offsetAt(start, tz));
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * The first month of the block of n holding month index i; never before January of year 1 (there is no year 0:
 * the first block of a range reaching back to year 1 starts there). sql-builder.ts computes the same in SQL.
 */
const blockOf = (i: number, n: number) => Math.max(12, i - (i % n));

const monthStart = (index: number, tz: string) => localToUtc(Math.floor(index / 12), index % 12, 1, tz);

/** Calendar buckets (days, weeks, months) are local to `tz`, the city's time zone. */
export function bucketStart(t: number, spec: BucketSpec, tz: string): number {
  if (spec.kind === 'fixed') {
    return Math.floor(t / spec.ms) * spec.ms;
  }
  if (spec.kind === 'months') {
    return monthStart(blockOf(monthIndex(t, tz), spec.n), tz);
  }
  return floorTo(t, spec.unit, tz);
}

export function bucketEnd(start: number, spec: BucketSpec, tz: string): number {
  if (spec.kind === 'fixed') {
    return start + spec.ms;
  }
  if (spec.kind === 'months') {
    const i = monthIndex(start, tz);
    return monthStart(i - (i % spec.n) + spec.n, tz);
  }
  return ceilTo(start + 1, spec.unit, tz);
}

/**
 * The starts of the buckets meeting [from, to). Cheap per bucket (a query may have 2,000): the time zone's
 * offset is asked once per day or week bucket (a local day is 24 h unless the offset changes across it; only
 * then is the calendar asked) and twice per month bucket, where bucketEnd would ask it five times or more.
 */
export function bucketStarts(from: number, to: number, spec: BucketSpec, tz: string): number[] {
  const out: number[] = [];
  if (spec.kind === 'fixed') {
    for (let b = bucketStart(from, spec, tz); b < to; b += spec.ms) {
      out.push(b);
    }
  } else if (spec.kind === 'months') {
    for (
      let i = blockOf(monthIndex(from, tz), spec.n), b = monthStart(i, tz);
      b < to;
      i = i - (i % spec.n) + spec.n, b = monthStart(i, tz)
    ) {
      out.push(b);
    }
  } else {
    const step = spec.unit === 'day' ? DAY : 7 * DAY;
    let b = bucketStart(from, spec, tz);
    let offset = offsetAt(b, tz);
    while (b < to) {
      out.push(b);
      const next = offsetAt(b + step, tz);
      if (next === offset) {
        b += step;
      } else {
        b = bucketEnd(b, spec, tz);
        offset = offsetAt(b, tz);
      }
    }
  }
  return out;
}

/** The coarsest rollup level whose buckets never straddle an output bucket. */
export function coarsestLevel(spec: BucketSpec | null): Level {
  if (!spec) {
    return 'month';
  } // a table: one bucket for the whole range
  if (spec.kind === 'months') {
    return 'month';
  } // local months
  if (spec.kind === 'calendar') {
    return 'day';
  } // days and weeks are made of local days
  return spec.ms >= HOUR && spec.ms % HOUR === 0 ? 'hour' : 'state';
}

const UNIT: Record<Exclude<Level, 'state'>, Unit> = { hour: 'hour', day: 'day', month: 'month' };
const FINER: Record<Exclude<Level, 'state'>, Level> = { month: 'day', day: 'hour', hour: 'state' };

/**
 * Splits [lo, hi) into segments: whole units of `level` in the middle, finer levels at the edges, down to
 * `finest` (below it: the per-request state), days and months local to tz. lo may be -Infinity (everything before hi: the backlog's start).
 */
export function segments(
  lo: number,
  hi: number,
  level: Level,
  tz: string,
  finest: Exclude<Level, 'state'> = 'hour'
): Segment[] {
  if (hi <= lo) {
    return [];
  }
  if (level === 'state') {
    return [{ level, lo, hi }];
  }
  const unit = UNIT[level];
  const finer: Level = level === finest ? 'state' : FINER[level];
  const a = lo === -Infinity ? -Infinity : ceilTo(lo, unit, tz);
  const b = floorTo(hi, unit, tz);
  if (a === -Infinity ? false : a >= b) {
    return segments(lo, hi, finer, tz, finest);
  }
  return [
    ...(a === -Infinity ? [] : segments(lo, a, finer, tz, finest)),
    { level, lo: a, hi: b },
    ...segments(b, hi, finer, tz, finest),
  ];
}

/**
 * Hour rows exist only from the horizon on (migration 0023): the hour segments before it, or their part
 * before it, are answered from the per-request state instead.
 */
export function withHourHorizon(segs: Segment[], hourFrom: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    if (s.level !== 'hour' || s.lo >= hourFrom) {
      out.push(s);
    } else if (s.hi <= hourFrom) {
      out.push({ ...s, level: 'state' });
    } else {
      out.push({ level: 'state', lo: s.lo, hi: hourFrom }, { ...s, lo: hourFrom });
    }
  }
  return out;
}
