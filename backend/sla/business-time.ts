// Business time under a calendar, minus pauses. Instants are ms since the epoch (or Dates); business
// time is real time inside opening hours. Long spans skip whole weeks arithmetically (a week with no
// holiday, no clock change and no pause holds exactly the calendar's weekly hours), so a span of years
// costs a few hundred steps, not a loop over minutes.
import { dayIntervals, dayOf, dayStart, isPlainWeek, type Calendar, type Interval } from './calendar.ts';
import { MINUTE_MS } from './time-zone.ts';

export type Instant = Date | number | string;

export function toMs(t: Instant): number {
  const ms = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  if (!Number.isFinite(ms)) {
    throw new RangeError(`not an instant: ${String(t)}`);
  }
  return ms;
}

/** A pause: the clock stands still over [start, end). */
export type Pause = { start: Instant; end: Instant };

/** Pauses as sorted, disjoint, non-empty intervals (overlapping or touching ones merged). */
export function mergePauses(pauses: readonly Pause[]): Interval[] {
  const spans = pauses
    .map((p) => ({ start: toMs(p.start), end: toMs(p.end) }))
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

/** Opening time in [from, to), ms, no pauses. */
export function businessMs(cal: Calendar, from: number, to: number): number {
  if (to <= from) {
    return 0;
  }
  const first = dayOf(cal, from);
  const last = dayOf(cal, to);
  let total = 0;
  for (let day = first; day <= last;) {
    // Days first+1 … last-1 lie wholly inside [from, to).
    if (day > first && day + 7 <= last && isPlainWeek(cal, day)) {
      total += cal.weekMs;
      day += 7;
      continue;
    }
    for (const i of dayIntervals(cal, day)) {
      const start = Math.max(i.start, from);
      const end = Math.min(i.end, to);
      if (end > start) {
        total += end - start;
      }
    }
    day++;
  }
  return total;
}

/** Business minutes in [from, to) under the calendar, minus the pauses (which may overlap). */
export function businessMinutesBetween(
  from: Instant,
  to: Instant,
  cal: Calendar,
  pauses: readonly Pause[] = []
): number {
  return businessMsBetween(toMs(from), toMs(to), cal, mergePauses(pauses)) / MINUTE_MS;
}

/** Business ms in [from, to) minus merged pauses (see mergePauses). */
export function businessMsBetween(from: number, to: number, cal: Calendar, merged: readonly Interval[]): number {
  let total = businessMs(cal, from, to);
  for (const p of merged) {
    const start = Math.max(p.start, from);
    const end = Math.min(p.end, to);
    if (end > start) {
      total -= businessMs(cal, start, end);
    }
  }
  return total;
}

/** The longest a due time may lie ahead (a calendar open one minute a year would take a while). */
const MAX_DAYS_AHEAD = 366 * 100;

/**
 * The instant at which `minutes` of business time have elapsed since `start`, pauses excluded. A start
 * outside opening hours (or inside a pause) begins at the next opening; when the time runs out exactly at a
 * closing, the due instant is that closing (not the next opening).
 */
export function addBusinessMinutes(
  start: Instant,
  minutes: number,
  cal: Calendar,
  pauses: readonly Pause[] = []
): Date {
  return new Date(addBusinessMs(toMs(start), Math.round(minutes * MINUTE_MS), cal, mergePauses(pauses)));
}

/** addBusinessMinutes on ms, with merged pauses. */
export function addBusinessMs(start: number, amount: number, cal: Calendar, merged: readonly Interval[]): number {
  let remaining = amount;
  if (remaining <= 0) {
    return start;
  }
  let p = 0; // first pause that may still matter
  const firstDay = dayOf(cal, start);
  for (let day = firstDay; day <= firstDay + MAX_DAYS_AHEAD;) {
    const dayFrom = dayStart(cal, day);
    if (remaining > cal.weekMs && dayFrom >= start && isPlainWeek(cal, day)) {
      const weekEnd = dayStart(cal, day + 7);
      while (p < merged.length && merged[p].end <= dayFrom) {
        p++;
      }
      if (p >= merged.length || merged[p].start >= weekEnd) {
        remaining -= cal.weekMs;
        day += 7;
        continue;
      }
    }
    for (const i of dayIntervals(cal, day)) {
      let from = Math.max(i.start, start);
      if (i.end <= from) {
        continue;
      }
      while (p < merged.length && merged[p].end <= from) {
        p++;
      }
      // The pieces of [from, i.end) outside the pauses.
      for (let q = p; from < i.end; q++) {
        const pause = merged[q];
        const to = pause && pause.start < i.end ? Math.max(from, pause.start) : i.end;
        if (to > from) {
          if (remaining <= to - from) {
            return from + remaining;
          }
          remaining -= to - from;
        }
        if (!pause || pause.start >= i.end) {
          break;
        }
        from = Math.max(from, pause.end);
      }
    }
    day++;
  }
  throw new RangeError(`no due time within ${MAX_DAYS_AHEAD} days: the calendar is open too little`);
}
