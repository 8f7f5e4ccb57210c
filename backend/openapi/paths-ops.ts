// The operations routes: liveness, readiness, Prometheus metrics, and this document.
import type { Config } from '../config.ts';
import { json, obj, ref, str, type Json, type Paths } from './kit.ts';

export function opsPaths(config: Config): Paths {
  const warnings: Json = { type: 'array', items: ref('ErrorDetail'), description: 'checks that worry without making it unready (a rollup lag past its bound), in plain sentences' };
  const notReady: Json = {
    description: 'Not ready: the failing checks are named in `details` (plain sentences) and `error`',
    content: { 'application/json': { schema: { allOf: [ref('Error'), obj({ status: { const: 'not_ready' }, checks: ref('ReadinessChecks'), warnings }, ['status', 'checks'])] } } },
  };
  return {
    '/healthz': {
      get: {
        tags: ['ops'], operationId: 'healthz', summary: 'Liveness: the process is up', security: [],
        responses: { 200: json('Up', obj({ status: { const: 'ok' } })) },
      },
    },
    '/readyz': {
      get: {
        tags: ['ops'], operationId: 'readyz', summary: 'Readiness: database, migrations, rollup lag', security: [],
        description: 'Ready when the database answers and no migration is pending. The rollup lag (age of the oldest request waiting for the rollups) '
          + `is reported; past S360_ROLLUP_LAG_BOUND_S (now ${config.rollupLagBoundSeconds} s) it is a warning, not a failure: answers stay exact while `
          + 'the job catches up. Watch it with the metric s360_rollup_lag_seconds and the alert rule "Rollups lagging".',
        responses: { 200: json('Ready', obj({ status: { const: 'ready' }, checks: ref('ReadinessChecks'), warnings }, ['status', 'checks'])), 503: notReady },
      },
    },
    '/metrics': {
      get: {
        tags: ['ops'], operationId: 'metrics', summary: 'Prometheus metrics (text exposition format)',
        description: 'Open unless S360_METRICS_TOKEN is set; then that value as a bearer token. Metric names start with s360_ '
          + '(plus Node process metrics); see docs/api.md, "Operations".',
        security: [{}, { metricsToken: [] }],
        responses: {
          200: { description: 'The metrics', content: { 'text/plain': { schema: str('Prometheus text format 0.0.4') } } },
          401: { $ref: '#/components/responses/Unauthenticated' },
        },
      },
    },
    '/v1/openapi.json': {
      get: {
        tags: ['ops'], operationId: 'openapi', summary: 'This document (OpenAPI 3.1)', security: [],
        responses: { 200: json('The document', { type: 'object' }) },
      },
    },
  };
}
