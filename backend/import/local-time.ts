// Times written without a zone offset, as municipal exports write them, read in the file's zone
// (`import-requests --time-zone`, by default the city's). Two shapes:
//   2026-03-08 02:30[:00[.000]]   (or with a T)
//   03/08/2026 02:30[:00] [AM|PM] (US month/day/year, 12- or 24-hour)
// and, for a due time, a date alone (2026-03-10, 03/10/2026): the end of that local day (its last
// millisecond), so "closed on or before the target date" reads as closed ≤ due.
// Daylight saving: a local time that never happens (clocks going forward) moves forward by the gap,
// one that happens twice (clocks going back) is its first occurrence (sla/time-zone.ts: localToInstant,
// Temporal's 'compatible'). A time with an offset or Z is left as it is, for the strict reader.
import { DAY_MS, isTimeZone, localToInstant } from '../sla/time-zone.ts';

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const US_LOCAL = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;

export class LocalTimeError extends Error {}

type Parts = { year: number; month: number; day: number; time: [number, number, number, number] | null };

function parts(text: string): Parts | null | 'invalid' {
  const s = text.trim();
  let m = ISO_LOCAL.exec(s);
  if (m) {
    return {
      year: +m[1],
      month: +m[2],
      day: +m[3],
      time:
        m[4] === undefined
          ? null
          : [+m[4], +m[5], m[6] === undefined ? 0 : +m[6], m[7] === undefined ? 0 : +m[7].padEnd(3, '0')],
    };
  }
  m = US_LOCAL.exec(s);
  if (!m) {
    return null;
  }
  let hour = m[4] === undefined ? 0 : +m[4];
  if (m[7] !== undefined) {
    if (hour < 1 || hour > 12) {
      return 'invalid';
    }
    hour = (hour % 12) + (m[7].toLowerCase() === 'p' ? 12 : 0);
  }
  return {
    year: +m[3],
    month: +m[1],
    day: +m[2],
    time: m[4] === undefined ? null : [hour, +m[5], m[6] === undefined ? 0 : +m[6], 0],
  };
}

/** Local wall-clock milliseconds (the date and time written as if UTC), or NaN when no such date or time. */
function localMs(p: Parts): number {
  const ms = Date.UTC(p.year, p.month - 1, p.day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== p.year || d.getUTCMonth() !== p.month - 1 || d.getUTCDate() !== p.day) {
    return NaN;
  }
  if (!p.time) {
    return ms;
  }
  const [h, mi, s, milli] = p.time;
  if (h > 23 || mi > 59 || s > 59) {
    return NaN;
  }
  return ms + ((h * 60 + mi) * 60 + s) * 1000 + milli;
}

export class LocalTimeReader {
  constructor(readonly zone: string) {
    if (!isTimeZone(zone)) {
      throw new LocalTimeError(`unknown time zone "${zone}" (an IANA name, e.g. America/Chicago)`);
    }
  }

  /**
   * `text` as an ISO instant (…Z) when it is a local time without an offset; with `dateMeansEndOfDay`
   * a date alone is the last millisecond of that local day. Anything else comes back unchanged (a time
   * with an offset; or text the strict reader will refuse with its own message).
   */
  read(text: string, dateMeansEndOfDay = false): string {
    const p = parts(text);
    if (p === null || p === 'invalid') {
      return text;
    }
    if (p.time === null && !dateMeansEndOfDay) {
      return text;
    }
    const local = localMs(p);
    if (Number.isNaN(local)) {
      return text;
    }
    const instant = p.time === null ? localToInstant(this.zone, local + DAY_MS) - 1 : localToInstant(this.zone, local);
    return new Date(instant).toISOString();
  }
}
