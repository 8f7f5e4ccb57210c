// GET /healthz: the process is up. (Readiness, /readyz, checks the database and lives with the ops routes.)
import type { Router } from 'express';

export function registerHealth(router: Router): void {
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
}
