// The one reader of instants for every input (API bodies, query strings, Open311, the CSV import):
// strict ISO 8601 — YYYY-MM-DDTHH:MM[:SS[.fraction]] with Z or ±HH:MM (±HHMM) — whose calendar day exists
// as written (Date.parse rolls 2026-02-30 over into March and reads "' OR '1'='1" as 2001), within a
// declared range. The range: 1970-01-01 to 9998-12-31 (UTC). Epoch milliseconds (what Grafana sends) are
// never negative, so nothing before 1970 can be asked for either way; the last year keeps every instant
// derived from an input (a day or an Open311 window of 90 days later, an offset of ±14 h) inside years of
// four digits, which both PostgreSQL and Date#toISOString write and read back without a sign
// (toISOString writes year 10000 as "+010000", which PostgreSQL refuses: that was a 500).

export const INSTANT_MIN_MS = Date.UTC(1970, 0, 1);
export const INSTANT_MAX_MS = Date.UTC(9999, 0, 1) - 1;
export const INSTANT_RANGE_TEXT = 'from 1970-01-01 to 9998-12-31 (UTC)';
/** The JSON Schema pattern of the accepted form (the calendar and the range are checked beyond it). */
export const ISO_INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})$';
export const INSTANT_OR_EPOCH_HINT =
  'must be epoch milliseconds, an ISO 8601 date-time with a zone (e.g. 2026-11-29T10:00:00Z) or a date (2026-11-29)';
/** The pattern of an instant query parameter: epoch ms, a date-time or a bare date. */
export const INSTANT_PARAM_PATTERN =
  '^(\\d{1,15}|\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2}))?)$';
export const ISO_INSTANT_HINT = 'must be an ISO 8601 time with a zone, e.g. 2026-11-29T10:00:00+04:00';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const EPOCH_MS = /^\d{1,15}$/;
const MAX_OFFSET_MINUTES = 14 * 60;

export type InstantResult = { ms: number; error?: undefined } | { ms?: undefined; error: string };

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when year-month-day is a day of the (proleptic Gregorian) calendar. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap(year) ? 29 : DAYS_IN_MONTH[month - 1]);
}

export const inInstantRange = (ms: number) => Number.isFinite(ms) && ms >= INSTANT_MIN_MS && ms <= INSTANT_MAX_MS;

const outOfRange = (): InstantResult => ({ error: `is outside the supported range, ${INSTANT_RANGE_TEXT}` });

/** A strict ISO 8601 date-time with a zone; the instant in epoch milliseconds (a fraction past ms is cut). */
export function readIsoInstant(text: string): InstantResult {
  const m = ISO.exec(text);
  if (!m) {
    return { error: ISO_INSTANT_HINT };
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (!isCalendarDay(year, month, day)) {
    return { error: `is not a real date (${m[1]}-${m[2]}-${m[3]} does not exist)` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { error: 'is not a real time of day (00:00:00 to 23:59:59)' };
  }
  let offset = 0;
  if (m[8]) {
    const oh = Number(m[9]),
      om = Number(m[10]);
    offset = (m[8] === '+' ? 1 : -1) * (oh * 60 + om);
    if (om > 59 || Math.abs(offset) > MAX_OFFSET_MINUTES) {
      return { error: 'has a zone offset beyond ±14:00' };
    }
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
  // Date.UTC maps years 0–99 to 1900–1999; such years are out of range anyway, and refused here.
  if (year < 1000 || !inInstantRange(ms)) {
    return outOfRange();
  }
  return { ms };
}

/** A bare calendar day (YYYY-MM-DD), as the instant its UTC day starts. */
export function readIsoDay(text: string): InstantResult {
  const m = DAY.exec(text);
  if (!m) {
    return { error: 'must be a date, YYYY-MM-DD' };
  }
  const [year, month, day] = [m[1], m[2], m[3]].map(Number);
  if (!isCalendarDay(year, month, day)) {
    return { error: `is not a real date (${text} does not exist)` };
  }
  const ms = Date.UTC(year, month - 1, day);
  if (year < 1000 || !inInstantRange(ms)) {
    return outOfRange();
  }
  return { ms };
}

/** Epoch milliseconds (digits only), a strict ISO 8601 date-time, or a bare date (its UTC midnight). */
export function readInstant(text: string): InstantResult {
  if (EPOCH_MS.test(text)) {
    return readEpochMs(Number(text));
  }
  if (DAY.test(text)) {
    return readIsoDay(text);
  }
  const iso = readIsoInstant(text);
  if (iso.error === ISO_INSTANT_HINT) {
    return { error: INSTANT_OR_EPOCH_HINT };
  }
  return iso;
}

/** A number of epoch milliseconds, checked against the range. */
export function readEpochMs(ms: number): InstantResult {
  if (!Number.isFinite(ms)) {
    return { error: 'must be a finite number of epoch milliseconds' };
  }
  return inInstantRange(ms) ? { ms } : outOfRange();
}
