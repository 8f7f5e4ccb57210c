// Open311 date-times: the W3C profile of ISO 8601 with a zone (Z or ±hh:mm), e.g. 2010-01-01T00:00:00Z.

const W3_DATETIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const W3_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Date.parse rolls 2026-02-30 over to March; a calendar day must exist as written. */
function realDay(day: string): number | null {
  const [y, m, d] = day.split('-').map(Number);
  const ms = Date.UTC(y, m - 1, d);
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : null;
}

/** A time as the spec writes it: UTC, whole seconds unless there is a fraction. */
export function w3(date: Date | null | undefined): string | null {
  if (!date) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

/**
 * Reads start_date / end_date. A full date-time must carry its zone. A bare date (a common client habit)
 * is read as a UTC day: the start of that day for `start`, its last microsecond for `end`.
 * Returns the instant as an ISO string (microsecond-exact for the database), or an error message.
 */
export function parseW3(text: string, edge: 'start' | 'end'): { at: string; ms: number } | { error: string } {
  const full = W3_DATETIME.exec(text);
  if (full) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms) || realDay(full[1]) === null) return { error: 'is not a real date and time' };
    return { at: text, ms };
  }
  if (W3_DATE.test(text)) {
    const ms = realDay(text);
    if (ms === null) return { error: 'is not a real date' };
    return edge === 'start' ? { at: `${text}T00:00:00Z`, ms } : { at: `${text}T23:59:59.999999Z`, ms: ms + 86_400_000 - 1 };
  }
  return { error: 'must be a W3C date-time with a zone, e.g. 2026-11-29T10:00:00+04:00 (or a date, 2026-11-29)' };
}
