// GET /v1/annotations?from=&to=&language=en|ar&kind=&zone= (scope `read`): major incidents, campaigns,
// policy changes and SLA policy versions coming into force, as Grafana annotations.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import { rejectUnknown } from '../geo/read-params.ts';
import { ANNOTATION_PARAMS, parseAnnotationQuery } from '../annotations/params.ts';
import { readAnnotations } from '../annotations/read-annotations.ts';

export function registerAnnotations(router: Router, ctx: AppContext): void {
  router.get(
    '/v1/annotations',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      rejectUnknown(req.query, ANNOTATION_PARAMS);
      // An unknown zone is a 400 naming it; it does not reload the reference data (domain/reference.ts).
      const ref = await ctx.reference.get();
      const query = parseAnnotationQuery(req.query, ref);
      res.json({ annotations: await ctx.reads.run((pool) => readAnnotations(pool, ref, query)) });
    })
  );
}
