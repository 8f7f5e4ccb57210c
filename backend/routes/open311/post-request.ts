// POST /open311/v2/requests(.json|.xml): a form-encoded service request, written like POST /v1/requests
// (same checks, same single transaction) on the `open311` channel.
// Idempotency: `attribute[external_id]` or an `Idempotency-Key` header is the client's key, unique per
// api_key; sending it again returns the original request (200) and writes nothing. Without a key every
// POST is a new request (201) under a generated id.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response, Router } from 'express';
import { handle } from '../../http/async.ts';
import type { AppContext } from '../../http/context.ts';
import { ValidationError } from '../../http/errors.ts';
import { sql } from '../../db/sql.ts';
import { requestInputSchema } from '../../ingest/request-input.ts';
import { readRequestForm } from '../../open311/request-form.ts';
import { toOpen311Request, type RequestRow } from '../../open311/request-view.ts';
import { SHOW_ALL } from '../../open311/privacy.ts';
import { refreshSla } from '../../sla/refresh.ts';
import { requireApiKey } from './api-key.ts';
import { noteRequestsIngested } from '../../ops/ingest-counts.ts';
import { send } from './respond.ts';
import { langOf, langParam, withFormats } from './negotiate.ts';
import { identityOf } from '../../http/auth.ts';

function requireForm(req: Request, _res: Response, next: NextFunction): void {
  if (req.is('application/x-www-form-urlencoded')) {
    return next();
  }
  const message = 'the body must be application/x-www-form-urlencoded, as GeoReport v2 sends it';
  next(new ValidationError(message, [{ path: 'body', message }]));
}

export function registerPostRequest(router: Router, ctx: AppContext): void {
  const schema = requestInputSchema(ctx.config.maxDescriptionChars);

  router.post(
    withFormats('/requests'),
    requireForm,
    requireApiKey(ctx),
    handle(async (req, res) => {
      const ref = await ctx.reference.get();
      const { request, accountId } = readRequestForm(req.body as Record<string, unknown>, schema, ref, {
        source: `open311:token-${identityOf(req).id}`,
        generatedId: randomUUID(),
        idempotencyKey: req.get('idempotency-key'),
        lang: langParam(req),
        now: new Date(),
      });
      const written = await ctx.requestWriter.write(request);
      noteRequestsIngested(res, 'open311', written.created ? 1 : 0, written.created ? 0 : 1);
      // Its SLA clock now, not at the next sweep: a GET right after shows expected_datetime (the due time).
      // Open311 posts are few; the /v1 ingest path (thousands a second) leaves this to the sweep (≤ 30 s).
      // Best effort: the request is written; if this fails the sweep computes it, and the answer stands.
      if (written.created) {
        await refreshSla(ctx.pool, [written.id], new Date()).catch((err) =>
          console.error('open311: SLA refresh after ingest failed', err)
        );
      }
      const { rows } = await ctx.pool.query<RequestRow>(sql('open311/find_by_references'), [[written.reference]]);
      const notice = rows[0] ? toOpen311Request(rows[0], ref, langOf(req), SHOW_ALL).service_notice : null;
      send(res, written.created ? 201 : 200, 'service_requests', [
        { service_request_id: written.reference, service_notice: notice, account_id: accountId },
      ]);
    })
  );
}
