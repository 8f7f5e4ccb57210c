// The zod schema of a time field in an ingest body: the shared strict reader (domain/instant.ts) — ISO
// 8601 with a zone, a day that exists, within 1970..9998 — plus the field's own bounds. The pattern is
// checked first (and is what the OpenAPI document shows); the calendar, range and bounds after it.
import { z } from 'zod';
import { INSTANT_RANGE_TEXT, ISO_INSTANT_HINT, ISO_INSTANT_PATTERN, readIsoInstant } from '../domain/instant.ts';

const PATTERN = new RegExp(ISO_INSTANT_PATTERN);

export function instantString(bounds: { earliest?: [number, string]; futureToleranceMs?: number } = {}) {
  return z
    .string()
    .regex(PATTERN, ISO_INSTANT_HINT)
    .superRefine((s, ctx) => {
      if (!PATTERN.test(s)) {
        return;
      } // already reported by the pattern
      const r = readIsoInstant(s);
      if (r.error !== undefined) {
        ctx.addIssue({ code: 'custom', message: r.error });
        return;
      }
      if (bounds.earliest && r.ms < bounds.earliest[0]) {
        ctx.addIssue({ code: 'custom', message: bounds.earliest[1] });
      } else if (bounds.futureToleranceMs !== undefined && r.ms > Date.now() + bounds.futureToleranceMs) {
        ctx.addIssue({ code: 'custom', message: 'is in the future' });
      }
    })
    .describe(
      `ISO 8601 with a zone; a day that exists, ${INSTANT_RANGE_TEXT}` +
        `${bounds.earliest ? `; not ${bounds.earliest[1].replace(/^is /, '')}` : ''}` +
        (bounds.futureToleranceMs !== undefined
          ? `; not more than ${Math.round(bounds.futureToleranceMs / 60_000)} minutes ahead of the server's clock`
          : '')
    );
}
