// An SLA policy's effective_from in the city file: a date (midnight in the city's zone) or an ISO 8601 instant
// with a zone; written back as the date when it is a local midnight, else as the UTC instant. Pure.
import { readIsoInstant } from '../domain/instant.ts';
import { DAY_MS, dayOfDate, localDay, localToInstant } from '../sla/time-zone.ts';

/** ms since the epoch, or null when the text is neither form. */
export function parseEffectiveFrom(text: string, zone: string): number | null {
  const day = dayOfDate(text);
  if (!Number.isNaN(day)) {
    return localToInstant(zone, day * DAY_MS);
  }
  const r = readIsoInstant(text);
  return r.error === undefined ? r.ms : null;
}

/** The file's form of an instant: "YYYY-MM-DD" when it is midnight in the zone, else "…Z". */
export function formatEffectiveFrom(ms: number, zone: string): string {
  const day = localDay(zone, ms);
  if (localToInstant(zone, day * DAY_MS) === ms) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
