// Query planning, pure: the bucket size of a time series, and how a range splits into parts answered by
// each rollup level (month, day, hour) or by the per-request state (parts finer than an hour, or any
// part when no cube holds the query's dimensions).
import { ceilTo, DAY, floorTo, HOUR, type Unit } from './time.ts';

export type Level = 'hour' | 'day' | 'month' | 'state';
export type Segment = { level: Level; lo: number; hi: number };
/** A time-series bucket: a fixed size in ms (aligned on the epoch) or a calendar unit in the reporting zone. */
export type BucketSpec = { kind: 'fixed'; ms: number } | { kind: 'calendar'; unit: 'day' | 'week' };

const SIZES = [60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 7 * DAY];

/** max(interval, range / maxPoints, range / hardCap), snapped up to the next standard size. */
export function chooseBucket(rangeMs: number, intervalMs: number | undefined, maxDataPoints: number | undefined, hardCap: number): BucketSpec {
  const want = Math.max(intervalMs ?? 0, rangeMs / Math.min(maxDataPoints ?? hardCap, hardCap), 1);
  const size = SIZES.find((s) => s >= want) ?? 7 * DAY;
  if (size === DAY) return { kind: 'calendar', unit: 'day' };
  if (size === 7 * DAY) return { kind: 'calendar', unit: 'week' };
  return { kind: 'fixed', ms: size };
}

export function bucketStart(t: number, spec: BucketSpec): number {
  return spec.kind === 'fixed' ? Math.floor(t / spec.ms) * spec.ms : floorTo(t, spec.unit);
}

export function bucketEnd(start: number, spec: BucketSpec): number {
  return spec.kind === 'fixed' ? start + spec.ms : ceilTo(start + 1, spec.unit);
}

export function bucketStarts(from: number, to: number, spec: BucketSpec): number[] {
  const out: number[] = [];
  for (let b = bucketStart(from, spec); b < to; b = bucketEnd(b, spec)) out.push(b);
  return out;
}

/** The coarsest rollup level whose buckets never straddle an output bucket. */
export function coarsestLevel(spec: BucketSpec | null): Level {
  if (!spec) return 'month';                                   // a table: one bucket for the whole range
  if (spec.kind === 'calendar') return 'day';                  // days and weeks are made of local days
  return spec.ms >= HOUR && spec.ms % HOUR === 0 ? 'hour' : 'state';
}

const UNIT: Record<Exclude<Level, 'state'>, Unit> = { hour: 'hour', day: 'day', month: 'month' };
const FINER: Record<Exclude<Level, 'state'>, Level> = { month: 'day', day: 'hour', hour: 'state' };

/**
 * Splits [lo, hi) into segments: whole units of `level` in the middle, finer levels at the edges, down to
 * `finest` (below it: the per-request state). lo may be -Infinity (everything before hi: the backlog's start).
 */
export function segments(lo: number, hi: number, level: Level, finest: Exclude<Level, 'state'> = 'hour'): Segment[] {
  if (hi <= lo) return [];
  if (level === 'state') return [{ level, lo, hi }];
  const unit = UNIT[level];
  const finer: Level = level === finest ? 'state' : FINER[level];
  const a = lo === -Infinity ? -Infinity : ceilTo(lo, unit);
  const b = floorTo(hi, unit);
  if (a === -Infinity ? false : a >= b) return segments(lo, hi, finer, finest);
  return [
    ...(a === -Infinity ? [] : segments(lo, a, finer, finest)),
    { level, lo: a, hi: b },
    ...segments(b, hi, finer, finest),
  ];
}

/**
 * Hour rows exist only from the horizon on (migration 0023): the hour segments before it, or their part
 * before it, are answered from the per-request state instead.
 */
export function withHourHorizon(segs: Segment[], hourFrom: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    if (s.level !== 'hour' || s.lo >= hourFrom) out.push(s);
    else if (s.hi <= hourFrom) out.push({ ...s, level: 'state' });
    else out.push({ level: 'state', lo: s.lo, hi: hourFrom }, { ...s, lo: hourFrom });
  }
  return out;
}
