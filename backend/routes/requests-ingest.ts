// POST /v1/requests and POST /v1/requests/batch (scope `ingest`).
import type { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import { ValidationError, type ErrorDetail } from '../http/errors.ts';
import { zodDetails } from '../http/validate.ts';
import { checkCodes, requestInputSchema, toNewRequest, type NewRequest } from '../ingest/request-input.ts';
import { writeRequests, type WrittenRequest } from '../ingest/write-requests.ts';
import type { ReferenceIndex } from '../domain/reference.ts';
import { noteRequestsIngested } from '../ops/ingest-counts.ts';

function validateItem(
  schema: z.ZodType,
  raw: unknown,
  ref: ReferenceIndex,
  prefix: string,
  now: Date
): { item?: NewRequest; problems: ErrorDetail[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { problems: zodDetails(parsed.error, prefix) };
  }
  const problems = checkCodes(parsed.data as never, ref, prefix);
  return problems.length ? { problems } : { item: toNewRequest(parsed.data as never, ref, now), problems };
}

const answer = (w: WrittenRequest) => ({ id: w.id, reference: w.reference, zone: w.zone, created: w.created });

export function registerRequestIngest(router: Router, ctx: AppContext): void {
  const schema = requestInputSchema(ctx.config.maxDescriptionChars);
  const ingest = requireScope(ctx.tokens, 'ingest');

  router.post(
    '/v1/requests',
    ingest,
    handle(async (req, res) => {
      const ref = await ctx.reference.get();
      const { item, problems } = validateItem(schema, req.body, ref, '', new Date());
      if (!item) {
        throw new ValidationError('the request is invalid', problems);
      }
      const written = await ctx.requestWriter.write(item);
      noteRequestsIngested(res, 'v1', written.created ? 1 : 0, written.created ? 0 : 1);
      res.status(written.created ? 201 : 200).json(answer(written));
    })
  );

  router.post(
    '/v1/requests/batch',
    ingest,
    handle(async (req, res) => {
      const body = req.body as { requests?: unknown };
      if (!body || typeof body !== 'object' || !Array.isArray(body.requests)) {
        throw new ValidationError('the batch is invalid', [
          { path: 'requests', message: 'must be an array of requests' },
        ]);
      }
      const list = body.requests;
      if (list.length === 0 || list.length > ctx.config.maxBatch) {
        throw new ValidationError('the batch is invalid', [
          { path: 'requests', message: `must hold 1 to ${ctx.config.maxBatch} requests, got ${list.length}` },
        ]);
      }
      const extra = Object.keys(body).filter((k) => k !== 'requests');
      const ref = await ctx.reference.get();
      const now = new Date();
      const items: NewRequest[] = [];
      const problems: ErrorDetail[] = extra.map((k) => ({ path: k, message: 'unknown field' }));
      list.forEach((raw, i) => {
        const r = validateItem(schema, raw, ref, `requests[${i}]`, now);
        if (r.item) {
          items.push(r.item);
        } else {
          problems.push(...r.problems);
        }
      });
      // All or nothing: one bad item rejects the batch, so a client never has to work out what landed.
      if (problems.length) {
        throw new ValidationError(`the batch is invalid; nothing was written`, problems);
      }
      const written = await writeRequests(ctx.pool, items);
      const created = written.filter((w) => w.created).length;
      noteRequestsIngested(res, 'v1', created, written.length - created);
      res
        .status(created > 0 ? 201 : 200)
        .json({ created, existing: written.length - created, results: written.map(answer) });
    })
  );
}
