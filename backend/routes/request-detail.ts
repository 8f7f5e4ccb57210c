// GET /v1/requests/{id|reference}?language=en|ar (scope `read`): a request, its journey and its SLA
// clocks. The customer's personal data is masked unless the token also has scope `pii`; every unmasked
// read is written to audit_log in the same transaction as the read.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { identityOf, requireScope } from '../http/auth.ts';
import { parseLanguage, rejectUnknown } from '../geo/read-params.ts';
import { parseRequestKey } from '../requests/request-id.ts';
import { readRequestDetail } from '../requests/read-detail.ts';

const PARAMS = ['language'] as const;

export function registerRequestDetail(router: Router, ctx: AppContext): void {
  router.get(
    '/v1/requests/:id',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      const key = parseRequestKey(String(req.params.id));
      rejectUnknown(req.query, PARAMS);
      const language = parseLanguage(req.query);
      const detail = await readRequestDetail(ctx.pool, await ctx.reference.get(), key, identityOf(req), language);
      res.setHeader('Cache-Control', 'private, no-store');
      res.json(detail);
    })
  );
}
