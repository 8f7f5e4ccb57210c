// GET /open311/v2/requests(.json|.xml): requests by id list, or by time window (90 days by default,
// at most 1,000) with service_code and status filters; `page`/`page_size` page through a window, and a
// `Link: <…>; rel="next"` header says when there is more. Public like the spec: no key, no personal data.
import type { Request, Router } from 'express';
import { handle } from '../../http/async.ts';
import type { AppContext } from '../../http/context.ts';
import { sql } from '../../db/sql.ts';
import { readRequestQuery } from '../../open311/request-query.ts';
import { toOpen311Request, type RequestRow } from '../../open311/request-view.ts';
import { open311Privacy } from '../../open311/privacy.ts';
import { send } from './respond.ts';
import { langOf, withFormats } from './negotiate.ts';

function nextPage(req: Request, page: number): string {
  const url = new URL(req.originalUrl, 'http://host.invalid');
  url.searchParams.set('page', String(page + 1));
  return `${url.pathname}${url.search}`;
}

export function registerGetRequests(router: Router, ctx: AppContext): void {
  const privacy = open311Privacy(ctx.config);
  router.get(
    withFormats('/requests'),
    handle(async (req, res) => {
      const lang = langOf(req);
      const ref = await ctx.reference.get();
      const query = readRequestQuery(req.query as Record<string, unknown>, ref, {
        windowDays: ctx.config.open311WindowDays,
        maxResults: ctx.config.open311MaxResults,
        now: new Date(),
      });
      let rows: RequestRow[];
      if (query.kind === 'ids') {
        ({ rows } = await ctx.pool.query<RequestRow>(sql('open311/find_by_references'), [query.references]));
      } else {
        const statuses = query.statusClasses
          ? ref.statuses.filter((s) => (query.statusClasses as string[]).includes(s.status_class)).map((s) => s.code)
          : null;
        ({ rows } = await ctx.pool.query<RequestRow>(sql('open311/find_requests'), [
          query.start,
          query.end,
          query.serviceCodes,
          statuses,
          query.pageSize + 1,
          (query.page - 1) * query.pageSize,
        ]));
        if (rows.length > query.pageSize) {
          rows = rows.slice(0, query.pageSize);
          res.setHeader('Link', `<${nextPage(req, query.page)}>; rel="next"`);
        }
      }
      send(
        res,
        200,
        'service_requests',
        rows.map((r) => toOpen311Request(r, ref, lang, privacy))
      );
    })
  );
}
