// GET /readyz (no token): 200 {status: 'ready', checks} when the database answers and no migration is
// pending; otherwise 503 with the same checks and, in the API's error shape, a plain sentence per failing
// check (no SQL, no stack). A rollup lag past rollupLagBoundSeconds is a warning (`warnings`, same shape),
// not a failure: see ops/readiness.ts. Liveness is GET /healthz.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { checkReadiness } from '../ops/readiness.ts';

export function registerReady(router: Router, ctx: AppContext): void {
  router.get(
    '/readyz',
    handle(async (_req, res) => {
      const r = await checkReadiness(ctx.pool, ctx.config.rollupLagBoundSeconds, ctx.config.connectTimeoutMs);
      res.setHeader('Cache-Control', 'no-store');
      const warnings = r.warnings.length ? { warnings: r.warnings } : {};
      if (r.ready) {
        res.json({ status: 'ready', checks: r.checks, ...warnings });
        return;
      }
      const failing = [...new Set(r.problems.map((p) => p.path))];
      // Not ready is a state to ask about again (a restart, a migration run): say when, as the API's 503s do. Every
      // case: a database going down between the probe's two reads reads as "migrations unknown", not "unreachable".
      res.setHeader('Retry-After', String(ctx.config.retryAfterSeconds));
      res.status(503).json({
        status: 'not_ready',
        error: `not ready: ${failing.join(', ')}`,
        details: r.problems,
        checks: r.checks,
        ...warnings,
      });
    })
  );
}
