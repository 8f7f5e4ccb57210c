// GET /metrics: Prometheus exposition (text format 0.0.4). Open by default, like most exporters on an
// internal network: it holds counts and route patterns, no personal data and no request content. When
// S360_METRICS_TOKEN is set, the scraper must send `Authorization: Bearer <that token>` (401 otherwise).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { bearerToken } from '../http/auth.ts';
import { UnauthenticatedError } from '../http/errors.ts';
import type { AppMetrics } from '../ops/metrics.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of the sent token with the configured one (hashes: equal lengths). */
export function metricsTokenMatches(sent: string | undefined, expected: string): boolean {
  return sent !== undefined && timingSafeEqual(digest(sent), digest(expected));
}

export function registerMetrics(router: Router, ctx: AppContext, metrics: AppMetrics): void {
  router.get(
    '/metrics',
    handle(async (req, res) => {
      const expected = ctx.config.metricsToken;
      if (expected && !metricsTokenMatches(bearerToken(req), expected)) {
        throw new UnauthenticatedError('a valid metrics token is required (S360_METRICS_TOKEN)');
      }
      const text = await metrics.scrape();
      res.setHeader('Content-Type', metrics.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.end(text);
    })
  );
}
