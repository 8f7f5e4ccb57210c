// The hook the ingest routes use to be counted in /metrics: they note what they wrote on res.locals and
// the HTTP metrics middleware counts it once the answer has gone out (so the routes need no registry).
import type { Response } from 'express';

export type IngestNote =
  { kind: 'requests'; api: 'v1' | 'open311'; created: number; existing: number } | { kind: 'event' };

const KEY = 's360Ingest';

/** Requests written by this call: `created` new ones, `existing` idempotent resubmissions. */
export function noteRequestsIngested(res: Response, api: 'v1' | 'open311', created: number, existing: number): void {
  res.locals[KEY] = { kind: 'requests', api, created, existing } satisfies IngestNote;
}

/** One journey event recorded by this call. */
export function noteEventRecorded(res: Response): void {
  res.locals[KEY] = { kind: 'event' } satisfies IngestNote;
}

export function ingestNoteOf(res: Response): IngestNote | undefined {
  return res.locals[KEY] as IngestNote | undefined;
}
