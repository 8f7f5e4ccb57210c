// GET /open311/v2/requests/{service_request_id}(.json|.xml): one request, as a one-item list (the
// spec's shape); 404 when there is no such reference. Public, no personal data.
import type { Router } from 'express';
import { handle } from '../../http/async.ts';
import type { AppContext } from '../../http/context.ts';
import { NotFoundError } from '../../http/errors.ts';
import { sql } from '../../db/sql.ts';
import { toOpen311Request, type RequestRow } from '../../open311/request-view.ts';
import { open311Privacy } from '../../open311/privacy.ts';
import { send } from './respond.ts';
import { langOf, withoutFormat } from './negotiate.ts';

export function registerGetRequest(router: Router, ctx: AppContext): void {
  const privacy = open311Privacy(ctx.config);
  router.get(
    '/requests/:id',
    handle(async (req, res) => {
      const lang = langOf(req);
      const id = withoutFormat(String(req.params.id));
      const ref = await ctx.reference.get();
      const { rows } = await ctx.pool.query<RequestRow>(sql('open311/find_by_references'), [[id]]);
      if (!rows.length) {
        throw new NotFoundError(`service_request_id "${id}"`, 'service_request_id');
      }
      send(res, 200, 'service_requests', [toOpen311Request(rows[0], ref, lang, privacy)]);
    })
  );
}
