// Open311 date-times: the W3C profile of ISO 8601 with a zone (Z or ±hh:mm), e.g. 2010-01-01T00:00:00Z.

import { readIsoDay, readIsoInstant } from '../domain/instant.ts';

const W3_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A time as the spec writes it: UTC, whole seconds unless there is a fraction. */
export function w3Time(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** w3Time, or null without a time. */
export function w3(date: Date | null | undefined): string | null {
  return date ? w3Time(date) : null;
}

/**
 * Reads start_date / end_date with the shared strict reader (domain/instant.ts: a real calendar day,
 * 1970..9998 UTC). A full date-time must carry its zone. A bare date (a common client habit) is read as a
 * UTC day: the start of that day for `start`, its last microsecond for `end`.
 * Returns the instant as an ISO string (microsecond-exact for the database), or an error message.
 */
export function parseW3(text: string, edge: 'start' | 'end'): { at: string; ms: number } | { error: string } {
  if (W3_DATE.test(text)) {
    const day = readIsoDay(text);
    if (day.error !== undefined) {
      return { error: day.error };
    }
    return edge === 'start'
      ? { at: `${text}T00:00:00Z`, ms: day.ms }
      : { at: `${text}T23:59:59.999999Z`, ms: day.ms + 86_400_000 - 1 };
  }
  const full = readIsoInstant(text);
  if (full.error === undefined) {
    return { at: text, ms: full.ms };
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !/^must be/.test(full.error)) {
    return { error: full.error };
  }
  return { error: 'must be a W3C date-time with a zone, e.g. 2026-11-29T10:00:00+04:00 (or a date, 2026-11-29)' };
}
