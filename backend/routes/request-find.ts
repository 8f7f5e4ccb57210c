// GET /v1/requests?source=…&external_id=…&language=en|ar (scope `read`): the request a source system knows by its
// own id, as GET /v1/requests/{id} shows it — its journey and SLA clocks, the customer masked without scope `pii`
// and every unmasked read audited in the same transaction (requests/read-detail.ts).
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { identityOf, requireScope } from '../http/auth.ts';
import { parseLanguage, rejectUnknown, single } from '../geo/read-params.ts';
import { parseSourceKey } from '../requests/request-id.ts';
import { readRequestDetail } from '../requests/read-detail.ts';

const PARAMS = ['source', 'external_id', 'language'] as const;

export function registerRequestFind(router: Router, ctx: AppContext): void {
  router.get(
    '/v1/requests',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      rejectUnknown(req.query, PARAMS);
      const key = parseSourceKey(single(req.query, 'source'), single(req.query, 'external_id'));
      const language = parseLanguage(req.query);
      const detail = await readRequestDetail(ctx.pool, await ctx.reference.get(), key, identityOf(req), language);
      res.setHeader('Cache-Control', 'private, no-store');
      res.json(detail);
    })
  );
}
