// Times every request for /metrics. The route label is the pattern the request matched (req.baseUrl +
// req.route.path, e.g. /v1/requests/:id or /open311/v2/requests/:id), never the raw URL, so the label
// set stays bounded; a request no route took is labelled <unmatched>. A client that hangs up before the
// answer is complete is recorded with status 499. Ingest notes (backend/ops/ingest-counts.ts) are counted
// here when the answer was a success.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { UNMATCHED_ROUTE, type AppMetrics } from '../ops/metrics.ts';
import { ingestNoteOf } from '../ops/ingest-counts.ts';

/** The registered pattern of the route that answered; for a route with several spellings, the first. */
export function routePattern(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  const pattern = Array.isArray(path) ? path[0] : path;
  if (typeof pattern !== 'string') {
    return UNMATCHED_ROUTE;
  }
  return `${req.baseUrl ?? ''}${pattern}` || '/';
}

export function httpMetrics(metrics: AppMetrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    let done = false;
    const record = (status: number) => {
      if (done) {
        return;
      }
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeHttp(req.method, routePattern(req), status, seconds);
      const note = ingestNoteOf(res);
      if (note && status >= 200 && status < 300) {
        metrics.countIngest(note);
      }
    };
    res.once('finish', () => record(res.statusCode));
    res.once('close', () => record(499));
    next();
  };
}
