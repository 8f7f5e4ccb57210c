// A working calendar: a time zone, weekly opening hours and holidays. Hours are wall-clock times in
// the calendar's zone (ISO day of the week 1 = Monday … 7 = Sunday, "HH:MM"–"HH:MM", "24:00" allowed as
// an end); a holiday is a date in the calendar's zone and removes that whole day. Business time is the
// real time (instants) that falls inside opening hours, so on a day the clocks change an opening that
// spans the change is an hour shorter or longer.
import {
  DAY_MS,
  MINUTE_MS,
  dayOfDate,
  isTimeZone,
  isoDow,
  localDay,
  localToInstant,
  offsetConstant,
} from './time-zone.ts';

export type WeeklyHours = ReadonlyArray<{ dow: number; from: string; to: string }>;

export type CalendarSpec = {
  code?: string;
  timezone: string;
  weekly_hours: WeeklyHours;
  /** Dates "YYYY-MM-DD" in the calendar's zone. */
  holidays?: readonly string[];
};

/** Half-open span of instants [start, end), ms since the epoch. */
export type Interval = { start: number; end: number };

export type Calendar = {
  readonly code: string | null;
  readonly timezone: string;
  /** hours[dow], dow 1..7: sorted, disjoint [fromMinute, toMinute) of the local day (0..1440). */
  readonly hours: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Opening time of a week without holidays or clock changes, in ms. */
  readonly weekMs: number;
  /** Holidays as local day numbers (days since 1970-01-01). */
  readonly holidays: ReadonlySet<number>;
};

export class CalendarError extends Error {}

const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

function minuteOfDay(value: string, path: string): number {
  const m = HH_MM.exec(value);
  if (!m) {
    throw new CalendarError(`${path} must be "HH:MM" (00:00–24:00), got "${value}"`);
  }
  return m[3] ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

/** Checks and compiles a calendar; throws CalendarError naming the bad part. */
export function compileCalendar(spec: CalendarSpec): Calendar {
  if (!isTimeZone(spec.timezone)) {
    throw new CalendarError(`timezone: unknown time zone "${spec.timezone}"`);
  }
  const byDow: Array<Array<[number, number]>> = Array.from({ length: 8 }, () => []);
  spec.weekly_hours.forEach((h, i) => {
    if (!Number.isInteger(h.dow) || h.dow < 1 || h.dow > 7) {
      throw new CalendarError(`weekly_hours[${i}].dow must be 1 (Monday) to 7 (Sunday), got ${h.dow}`);
    }
    const from = minuteOfDay(h.from, `weekly_hours[${i}].from`);
    const to = minuteOfDay(h.to, `weekly_hours[${i}].to`);
    if (to <= from) {
      throw new CalendarError(`weekly_hours[${i}]: "to" (${h.to}) must be after "from" (${h.from})`);
    }
    byDow[h.dow].push([from, to]);
  });
  let weekMinutes = 0;
  const hours = byDow.map((spans) => {
    spans.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [from, to] of spans) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) {
        last[1] = Math.max(last[1], to);
      } else {
        merged.push([from, to]);
      }
    }
    for (const [from, to] of merged) {
      weekMinutes += to - from;
    }
    return merged;
  });
  if (weekMinutes === 0) {
    throw new CalendarError('weekly_hours: the calendar is never open');
  }
  const holidays = new Set<number>();
  (spec.holidays ?? []).forEach((date, i) => {
    const day = dayOfDate(date);
    if (Number.isNaN(day)) {
      throw new CalendarError(`holidays[${i}] must be a date "YYYY-MM-DD", got "${date}"`);
    }
    holidays.add(day);
  });
  return { code: spec.code ?? null, timezone: spec.timezone, hours, weekMs: weekMinutes * MINUTE_MS, holidays };
}

/** The local day (days since 1970-01-01) of instant t in the calendar's zone. */
export function dayOf(cal: Calendar, t: number): number {
  return localDay(cal.timezone, t);
}

/** The instant a local day starts (its 00:00, or the first moment after it on a day that skips midnight). */
export function dayStart(cal: Calendar, day: number): number {
  return localToInstant(cal.timezone, day * DAY_MS);
}

/**
 * What a calendar's days come to, kept per calendar (a compiled calendar never changes): the opening hours of each
 * local day and whether the week from it is plain. The SLA clocks of a history ask the same days again and again
 * (every request of a day, every week a long span crosses); each zone conversion costs a look-up in the zone's
 * offsets. Found with a CPU profile of the SLA first pass.
 */
type DayMemo = { intervals: Map<number, readonly Interval[]>; plainWeek: Map<number, boolean> };
const memos = new WeakMap<Calendar, DayMemo>();

function memoOf(cal: Calendar): DayMemo {
  let memo = memos.get(cal);
  if (memo === undefined) {
    memo = { intervals: new Map(), plainWeek: new Map() };
    memos.set(cal, memo);
  }
  return memo;
}

/** What `compute` gives for the day, computed once per calendar and day. */
function remembered<T>(
  memo: Map<number, T>,
  cal: Calendar,
  day: number,
  compute: (cal: Calendar, day: number) => T
): T {
  let value = memo.get(day);
  if (value === undefined) {
    value = compute(cal, day);
    memo.set(day, value);
  }
  return value;
}

/** The opening hours of one local day as instants (none on a holiday). */
export function dayIntervals(cal: Calendar, day: number): readonly Interval[] {
  return remembered(memoOf(cal).intervals, cal, day, openingsOfDay);
}

function openingsOfDay(cal: Calendar, day: number): readonly Interval[] {
  if (cal.holidays.has(day)) {
    return [];
  }
  const out: Interval[] = [];
  for (const [from, to] of cal.hours[isoDow(day)]) {
    const start = localToInstant(cal.timezone, day * DAY_MS + from * MINUTE_MS);
    const end = localToInstant(cal.timezone, day * DAY_MS + to * MINUTE_MS);
    if (end > start) {
      out.push(Object.freeze({ start, end }));
    }
  }
  return Object.freeze(out);
}

/**
 * True when the seven local days from `day` hold no holiday and no clock change, so their opening time is
 * exactly `weekMs` and a whole week can be skipped arithmetically.
 */
export function isPlainWeek(cal: Calendar, day: number): boolean {
  return remembered(memoOf(cal).plainWeek, cal, day, weekIsPlain);
}

function weekIsPlain(cal: Calendar, day: number): boolean {
  for (let d = day; d < day + 7; d++) {
    if (cal.holidays.has(d)) {
      return false;
    }
  }
  // Every instant of those days (and the conversions' look-around) lies within two days of their wall time.
  return offsetConstant(cal.timezone, (day - 2) * DAY_MS, (day + 9) * DAY_MS);
}

/** The opening hours between two instants, clipped to [from, to), in order. */
export function workingIntervals(cal: Calendar, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  if (to <= from) {
    return out;
  }
  for (let day = dayOf(cal, from), last = dayOf(cal, to); day <= last; day++) {
    for (const i of dayIntervals(cal, day)) {
      const start = Math.max(i.start, from);
      const end = Math.min(i.end, to);
      if (end > start) {
        out.push({ start, end });
      }
    }
  }
  return out;
}
