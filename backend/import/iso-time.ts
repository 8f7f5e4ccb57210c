// ISO 8601 times as the importer reads them, many times a row: parsing and Date#toISOString cost
// 0.3–1 µs each here, a sixth of the importer's CPU. The common forms (YYYY-MM-DDTHH:MM:SS, optional .mmm,
// Z or ±HH:MM) are computed directly, with the same rules as the shared reader (domain/instant.ts: a day
// must exist as written, within the supported range); anything else goes to that reader itself.
// iso-time.test.ts compares both on random and edge-case times.
import { inInstantRange, isCalendarDay, readIsoInstant } from '../domain/instant.ts';

const D0 = 48;
const digit = (s: string, i: number) => s.charCodeAt(i) - D0;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);
const isDigit = (s: string, i: number) => { const c = s.charCodeAt(i); return c >= 48 && c <= 57; };

/** Days from 1970-01-01 to the first of the month (proleptic Gregorian; month 1–12). */
function daysToMonth(year: number, month: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// The last few answers: a row's times are read by several checks in turn.
const memoKeys: (string | null)[] = [null, null, null, null];
const memoValues = [0, 0, 0, 0];
let memoNext = 0;

/** Same as readIsoInstant(s).ms (milliseconds; NaN when it refuses the text). */
export function isoMs(s: string): number {
  for (let k = 0; k < 4; k++) if (memoKeys[k] === s) return memoValues[k];
  const ms = parse(s);
  memoKeys[memoNext] = s;
  memoValues[memoNext] = ms;
  memoNext = (memoNext + 1) & 3;
  return ms;
}

const slow = (s: string): number => readIsoInstant(s).ms ?? NaN;

function parse(s: string): number {
  const n = s.length;
  // YYYY-MM-DDTHH:MM:SS then .mmm? then Z or ±HH:MM
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return slow(s);
  for (const i of DIGITS_AT) if (!isDigit(s, i)) return slow(s);
  let at = 19, ms = 0;
  if (s.charCodeAt(19) === 46) {
    if (n < 24 || !isDigit(s, 20) || !isDigit(s, 21) || !isDigit(s, 22) || isDigit(s, 23)) return slow(s);
    ms = digit(s, 20) * 100 + two(s, 21);
    at = 23;
  }
  let offsetMin = 0;
  const z = s.charCodeAt(at);
  if (z === 90 && n === at + 1) offsetMin = 0;
  else if ((z === 43 || z === 45) && n === at + 6 && s.charCodeAt(at + 3) === 58 && isDigit(s, at + 1) && isDigit(s, at + 2) && isDigit(s, at + 4) && isDigit(s, at + 5)) {
    const h = two(s, at + 1), m = two(s, at + 4);
    if (h > 23 || m > 59) return slow(s);
    offsetMin = (z === 43 ? 1 : -1) * (h * 60 + m);
  } else return slow(s);
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + two(s, 2);
  const month = two(s, 5), day = two(s, 8), hour = two(s, 11), minute = two(s, 14), second = two(s, 17);
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59 || Math.abs(offsetMin) > 14 * 60) return slow(s);
  const days = daysToMonth(year, month) + day - 1;
  const t = ((days * 24 + hour) * 60 + minute - offsetMin) * 60_000 + second * 1000 + ms;
  return inInstantRange(t) ? t : NaN;
}

const DIGITS_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Same as new Date(s).toISOString() for a time isoMs reads (the caller has checked it). */
export function isoString(s: string): string {
  // Already in toISOString's form (YYYY-MM-DDTHH:MM:SS.mmmZ), every field in range: given back as it is.
  if (s.length === 24 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && s.charCodeAt(10) === 84 && s.charCodeAt(13) === 58
    && s.charCodeAt(16) === 58 && s.charCodeAt(19) === 46 && s.charCodeAt(23) === 90 && DIGITS_AT.every((i) => isDigit(s, i))
    && isDigit(s, 20) && isDigit(s, 21) && isDigit(s, 22)) {
    const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + two(s, 2), month = two(s, 5), day = two(s, 8);
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap(year) ? 29 : DAYS_IN_MONTH[month - 1])
      && two(s, 11) <= 23 && two(s, 14) <= 59 && two(s, 17) <= 59) return s;
  }
  return new Date(s).toISOString();
}
