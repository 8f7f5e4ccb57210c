// POST /v1/requests/:id/events (scope `ingest`): one step of the journey through the state machine.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import { parseOrThrow } from '../http/validate.ts';
import { eventInputSchema } from '../ingest/event-input.ts';
import { recordEvent } from '../ingest/record-event.ts';
import { noteEventRecorded } from '../ops/ingest-counts.ts';

export function registerRequestEvents(router: Router, ctx: AppContext): void {
  router.post(
    '/v1/requests/:id/events',
    requireScope(ctx.tokens, 'ingest'),
    handle(async (req, res) => {
      const input = parseOrThrow(eventInputSchema, req.body, '', 'the event is invalid');
      const ref = await ctx.reference.get();
      const recorded = await recordEvent(ctx.pool, ref, String(req.params.id), input);
      noteEventRecorded(res);
      res.status(201).json(recorded);
    })
  );
}
