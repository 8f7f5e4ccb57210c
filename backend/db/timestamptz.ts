// A faster reader of timestamptz values as PostgreSQL sends them (text, DateStyle ISO: "2026-11-30 08:15:02.5+04"),
// for the statements that read hundreds of thousands of them at once (the SLA first pass: requests' ten instants and
// their journeys). pg's own reader (postgres-date) runs three regular expressions per value; profiled, it was the
// largest single cost of the pass in Node. This one reads the usual layout by position and computes the instant with
// the same arithmetic (Date.UTC of the same fields, fractional milliseconds truncated the same way, minus the
// offset), so its Date is the same; anything else (BC, infinity, a year below 1000, an unexpected character) goes to
// pg's reader. db/timestamptz.test.ts compares the two.
import pg from 'pg';

const TIMESTAMPTZ_OID = 1184;
const DIGIT_0 = 48;
const SEPARATORS: ReadonlyArray<readonly [number, number]> = [
  [4, 45], // -
  [7, 45], // -
  [10, 32], // space
  [13, 58], // :
  [16, 58], // :
];

const defaultParser = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date | number | null;

/** The decimal number of digits [from, to) of `text`, or NaN when one is no digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) {
      return NaN;
    }
    n = n * 10 + d;
  }
  return n;
}

/** The zone offset "+HH", "+HH:MM" or "+HH:MM:SS" at `at` to the end, in ms east of UTC, or NaN. */
function offsetMs(text: string, at: number): number {
  const sign = text.charCodeAt(at);
  if (sign !== 43 && sign !== 45) {
    return NaN;
  }
  const rest = text.length - at - 1;
  if (rest !== 2 && rest !== 5 && rest !== 8) {
    return NaN;
  }
  let seconds = digits(text, at + 1, at + 3) * 3600;
  for (let i = at + 3; i < text.length; i += 3) {
    seconds += (text.charCodeAt(i) === 58 ? digits(text, i + 1, i + 3) : NaN) * (i === at + 3 ? 60 : 1);
  }
  return (sign === 45 ? -seconds : seconds) * 1000;
}

/** A timestamptz in PostgreSQL's text form, read as pg reads it. */
export function parseTimestamptz(text: string): Date | number | null {
  if (text.length >= 22 && SEPARATORS.every(([at, code]) => text.charCodeAt(at) === code)) {
    const year = digits(text, 0, 4);
    let at = 19;
    let ms = 0;
    if (text.charCodeAt(at) === 46) {
      let end = at + 1;
      while (end < text.length && text.charCodeAt(end) >= DIGIT_0 && text.charCodeAt(end) <= DIGIT_0 + 9) {
        end++;
      }
      ms = end > at + 1 ? 1000 * parseFloat(text.slice(at, end)) : NaN;
      at = end;
    }
    const utc = Date.UTC(
      year,
      digits(text, 5, 7) - 1,
      digits(text, 8, 10),
      digits(text, 11, 13),
      digits(text, 14, 16),
      digits(text, 17, 19),
      ms
    );
    const offset = offsetMs(text, at);
    if (year >= 1000 && Number.isFinite(utc) && Number.isFinite(offset)) {
      return new Date(utc - offset);
    }
  }
  return defaultParser(text);
}

/** Query `types` for pg: timestamptz read by parseTimestamptz, every other type as usual. */
export const FAST_TIMESTAMPTZ = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ_OID && format !== 'binary'
      ? parseTimestamptz
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};
