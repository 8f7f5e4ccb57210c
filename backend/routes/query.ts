// POST /v1/query (scope `read`): targets → Grafana data frames. One snapshot for the whole request, and
// bounded work: the call's statements under one time budget (S360_QUERY_TIMEOUT_MS), each target and the call
// under their limits of series, values and rows (backend/query/limits.ts); a target that would pass one is
// refused (422) naming the limit, the target and how to narrow it.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { inReadOnlySnapshot } from '../db/transaction.ts';
import { requireScope } from '../http/auth.ts';
import { ValidationError } from '../http/errors.ts';
import { parseOrThrow, zodDetails } from '../http/validate.ts';
import { normaliseTarget, queryBodySchema, targetSchema, type Target } from '../query/request-schema.ts';
import { runTarget } from '../query/run-target.ts';
import { rollupSnapshotSql, rollupSnapshotOf, type RollupSnapshotRow } from '../query/snapshot.ts';
import { yieldToLoop } from '../query/aggregate.ts';
import { CallBudget, isStatementTimeout, tookTooLong } from '../query/limits.ts';
import { writeResults } from '../query/write-results.ts';
import type { Frame } from '../query/frames.ts';

export function registerQuery(router: Router, ctx: AppContext): void {
  router.post(
    '/v1/query',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      const body = parseOrThrow(queryBodySchema, req.body, '', 'the query is invalid');
      const targets: Target[] = [];
      const problems = [];
      for (const [i, raw] of body.targets.entries()) {
        const parsed = targetSchema.safeParse(raw);
        if (parsed.success) {
          targets.push(normaliseTarget(parsed.data));
        } else {
          problems.push(...zodDetails(parsed.error, `targets[${i}]`));
        }
      }
      if (problems.length) {
        throw new ValidationError('the query is invalid', problems);
      }
      const ref = await ctx.reference.get();
      const range = { from: body.from, to: body.to, intervalMs: body.intervalMs, maxDataPoints: body.maxDataPoints };
      // On a read replica when one is fresh (a hot standby runs it as is: it only reads); a failure there is
      // answered again from the primary, from scratch (fresh results and budget).
      const results = await ctx.reads.run((pool) => {
        // A Map, written out with Object.fromEntries (own properties): a refId of "__proto__" is a key like any other.
        const answered = new Map<string, { frames: Frame[] }>();
        const budget = new CallBudget(ctx.config);
        // One consistent snapshot: the rollups, the applied state and the pending marks read together; it opens
        // with the read of what the statements need to know of it (one round trip).
        return inReadOnlySnapshot<RollupSnapshotRow, Map<string, { frames: Frame[] }>>(
          pool,
          rollupSnapshotSql(),
          async (client, [row]) => {
            const snapshot = rollupSnapshotOf(row);
            // The call's time: each target's statements get what the earlier targets left (0: no limit).
            const limitMs = Math.floor(ctx.config.queryTimeoutMs);
            const deadline = performance.now() + limitMs;
            for (const [i, target] of targets.entries()) {
              const path = `targets[${i}]`;
              const left = Math.floor(deadline - performance.now());
              if (limitMs > 0 && left < 1) {
                throw tookTooLong({ refId: target.refId, path }, limitMs);
              }
              await client.query(`SELECT set_config('statement_timeout', $1, true)`, [String(limitMs > 0 ? left : 0)]);
              try {
                answered.set(target.refId, {
                  frames: await runTarget(client, ref, ctx.config, range, target, path, snapshot, budget),
                });
              } catch (err) {
                throw isStatementTimeout(err)
                  ? tookTooLong({ refId: target.refId, path }, ctx.config.queryTimeoutMs)
                  : err;
              }
              await yieldToLoop(); // other requests get a turn between targets
            }
            return answered;
          }
        );
      });
      await writeResults(res, Object.fromEntries(results));
    })
  );
}
