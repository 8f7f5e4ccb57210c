// Wall-clock arithmetic in any IANA time zone, through Intl only (no tz database of our own).
//
// A zone's UTC offsets are learnt one UTC year at a time: the offset is sampled every 24 h through the
// year and each change is pinned to the second by bisection. After that, every conversion is plain
// arithmetic over a short table. Assumption (true of every zone in the tz database): a zone never
// changes its offset twice within 24 hours.
//
// Local times are handled as "local milliseconds": the wall-clock date and time written as if it were
// UTC (localMs = epochDay × DAY_MS + minuteOfDay × MINUTE_MS).

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

type Transition = { at: number; offset: number };
type YearTable = { initial: number; transitions: Transition[] };

const formatters = new Map<string, Intl.DateTimeFormat>();
const tables = new Map<string, Map<number, YearTable>>();

export class TimeZoneError extends Error {}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new TimeZoneError(`unknown time zone "${zone}"`);
    }
    formatters.set(zone, f);
  }
  return f;
}

/** True when Intl knows the zone. */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at instant t, in ms, straight from Intl (whole seconds). */
function intlOffset(zone: string, t: number): number {
  const at = Math.floor(t / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(at)) {
    p[part.type] = part.value;
  }
  // (Date.UTC maps years 0–99 to 1900–1999; no calendar here goes that far back.)
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second)
  );
  return wall - at;
}

function yearTable(zone: string, year: number): YearTable {
  let byYear = tables.get(zone);
  if (!byYear) {
    byYear = new Map();
    tables.set(zone, byYear);
  }
  let table = byYear.get(year);
  if (table) {
    return table;
  }
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const initial = intlOffset(zone, start);
  const transitions: Transition[] = [];
  let prevT = start;
  let prevOffset = initial;
  for (let t = start + DAY_MS; ; t = Math.min(t + DAY_MS, end)) {
    const sampleT = t === end ? end - 1000 : t;
    const offset = intlOffset(zone, sampleT);
    if (offset !== prevOffset) {
      // Bisect on whole seconds: the first second in (prevT, sampleT] with the new offset.
      let lo = Math.floor(prevT / 1000);
      let hi = Math.floor(sampleT / 1000);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (intlOffset(zone, mid * 1000) === prevOffset) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      transitions.push({ at: hi * 1000, offset });
      prevOffset = offset;
    }
    prevT = sampleT;
    if (t === end) {
      break;
    }
  }
  table = { initial, transitions };
  byYear.set(year, table);
  return table;
}

/** A stretch of time over which a zone keeps one offset (within one UTC year), remembered per zone. */
type Segment = { start: number; end: number; offset: number };
const lastSegment = new Map<string, Segment>();

function segmentAt(zone: string, t: number): Segment {
  const seg = lastSegment.get(zone);
  if (seg && t >= seg.start && t < seg.end) {
    return seg;
  }
  const year = new Date(t).getUTCFullYear();
  const table = yearTable(zone, year);
  const found: Segment = { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1), offset: table.initial };
  for (const tr of table.transitions) {
    if (tr.at <= t) {
      found.offset = tr.offset;
      found.start = tr.at;
    } else {
      found.end = tr.at;
      break;
    }
  }
  lastSegment.set(zone, found);
  return found;
}

/** The zone's offset from UTC at instant t (ms since the epoch), in ms. */
export function offsetAt(zone: string, t: number): number {
  return segmentAt(zone, t).offset;
}

/** True when the zone keeps one offset over the whole of [a, b]. */
export function offsetConstant(zone: string, a: number, b: number): boolean {
  const seg = segmentAt(zone, a);
  if (b < seg.end) {
    return true;
  }
  const offset = seg.offset;
  const firstYear = new Date(a).getUTCFullYear();
  for (let year = firstYear; year <= new Date(b).getUTCFullYear(); year++) {
    const table = yearTable(zone, year);
    // A change exactly at the start of a later year shows only as that year's initial offset.
    if (year > firstYear && table.initial !== offset) {
      return false;
    }
    for (const tr of table.transitions) {
      if (tr.at > a && tr.at <= b) {
        return false;
      }
    }
  }
  return true;
}

/** The local calendar day (days since 1970-01-01) at instant t. */
/** The local date ("YYYY-MM-DD") in `zone` at instant `ms`. */
export function localDate(ms: number, zone: string): string {
  return new Date(ms + offsetAt(zone, ms)).toISOString().slice(0, 10);
}

export function localDay(zone: string, t: number): number {
  return Math.floor((t + offsetAt(zone, t)) / DAY_MS);
}

/**
 * The instant of a local wall-clock time. A time that happens twice (clocks going back) is its first
 * occurrence; a time that never happens (clocks going forward) is moved forward by the gap, so
 * 02:30 on a night the clocks jump from 02:00 to 03:00 is 03:30 (as Temporal's "compatible").
 */
export function localToInstant(zone: string, localMs: number): number {
  const seg = segmentAt(zone, localMs);
  if (localMs - DAY_MS >= seg.start && localMs + DAY_MS < seg.end) {
    return localMs - seg.offset;
  }
  const before = offsetAt(zone, localMs - DAY_MS);
  const after = offsetAt(zone, localMs + DAY_MS);
  if (before === after) {
    return localMs - before;
  }
  const tBefore = localMs - before;
  const tAfter = localMs - after;
  const okBefore = offsetAt(zone, tBefore) === before;
  const okAfter = offsetAt(zone, tAfter) === after;
  if (okBefore && okAfter) {
    return Math.min(tBefore, tAfter);
  }
  if (okBefore) {
    return tBefore;
  }
  if (okAfter) {
    return tAfter;
  }
  return tBefore;
}

/** ISO day of the week of a day number: Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
export function isoDow(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** "YYYY-MM-DD" → day number, or NaN when it is not a real date. */
export function dayOfDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) {
    return NaN;
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) {
    return NaN;
  }
  return ms / DAY_MS;
}
