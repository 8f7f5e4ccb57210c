// GET /v1/ops/quarantine?limit= (scope `read`): the rows jobs set aside because they could not process them
// (job_quarantine, migration 0035), newest first, and how many each job set aside in all.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import { parseInteger, rejectUnknown } from '../geo/read-params.ts';
import { readQuarantine } from '../jobs/quarantine.ts';
import { sql } from '../db/sql.ts';

export const QUARANTINE_PARAMS = ['limit'] as const;

export function registerQuarantine(router: Router, ctx: AppContext): void {
  router.get(
    '/v1/ops/quarantine',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      rejectUnknown(req.query, QUARANTINE_PARAMS);
      const limit = parseInteger(
        req.query,
        'limit',
        1,
        ctx.config.quarantineMaxRows,
        Math.min(100, ctx.config.quarantineMaxRows)
      );
      const [rows, counts] = await Promise.all([
        readQuarantine(ctx.pool, limit),
        ctx.pool.query<{ job: string; n: number }>(sql('ops/quarantine_counts')),
      ]);
      res.setHeader('Cache-Control', 'no-store');
      res.json({ counts: Object.fromEntries(counts.rows.map((c) => [c.job, Number(c.n)])), rows });
    })
  );
}
