// POST /v1/query (scope `read`): targets → Grafana data frames. One snapshot for the whole request.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { inReadOnlySnapshot } from '../db/transaction.ts';
import { requireScope } from '../http/auth.ts';
import { ValidationError } from '../http/errors.ts';
import { parseOrThrow, zodDetails } from '../http/validate.ts';
import { normaliseTarget, queryBodySchema, targetSchema, type Target } from '../query/request-schema.ts';
import { rollupSnapshotSql, rollupSnapshotOf, runTarget, type RollupSnapshotRow } from '../query/run-target.ts';
import type { Frame } from '../query/frames.ts';

export function registerQuery(router: Router, ctx: AppContext): void {
  router.post('/v1/query', requireScope(ctx.tokens, 'read'), handle(async (req, res) => {
    const body = parseOrThrow(queryBodySchema, req.body, '', 'the query is invalid');
    const targets: Target[] = [];
    const problems = [];
    for (const [i, raw] of body.targets.entries()) {
      const parsed = targetSchema.safeParse(raw);
      if (parsed.success) targets.push(normaliseTarget(parsed.data)); else problems.push(...zodDetails(parsed.error, `targets[${i}]`));
    }
    if (problems.length) throw new ValidationError('the query is invalid', problems);
    const ref = await ctx.reference.get();
    const range = { from: body.from, to: body.to, intervalMs: body.intervalMs, maxDataPoints: body.maxDataPoints };
    const results: Record<string, { frames: Frame[] }> = {};
    // One consistent snapshot: the rollups, the applied state and the pending marks read together; it opens
    // with the read of what the statements need to know of it (one round trip).
    // On a read replica when one is fresh (a hot standby runs it as is: it only reads); a failure there is
    // answered again from the primary, from scratch.
    await ctx.reads.run((pool) => inReadOnlySnapshot<RollupSnapshotRow, void>(pool, rollupSnapshotSql(), async (client, [row]) => {
      const snapshot = rollupSnapshotOf(row);
      for (const [i, target] of targets.entries()) {
        results[target.refId] = { frames: await runTarget(client, ref, ctx.config, range, target, `targets[${i}]`, snapshot) };
      }
    }));
    res.json({ results });
  }));
}
