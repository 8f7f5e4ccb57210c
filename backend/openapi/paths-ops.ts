// The operations routes: liveness, readiness, Prometheus metrics, and this document.
import type { Config } from '../config.ts';
import { BEARER } from './components.ts';
import { errors, int, json, nullable, obj, ref, str, type Json, type Paths } from './kit.ts';

export function opsPaths(config: Config): Paths {
  const warnings: Json = {
    type: 'array',
    items: ref('ErrorDetail'),
    description: 'checks that worry without making it unready (a rollup lag past its bound), in plain sentences',
  };
  const notReady: Json = {
    description: 'Not ready: the failing checks are named in `details` (plain sentences) and `error`',
    content: {
      'application/json': {
        schema: {
          allOf: [
            ref('Error'),
            obj({ status: { const: 'not_ready' }, checks: ref('ReadinessChecks'), warnings }, ['status', 'checks']),
          ],
        },
      },
    },
  };
  return {
    '/healthz': {
      get: {
        tags: ['ops'],
        operationId: 'healthz',
        summary: 'Liveness: the process is up',
        security: [],
        responses: { 200: json('Up', obj({ status: { const: 'ok' } })) },
      },
    },
    '/readyz': {
      get: {
        tags: ['ops'],
        operationId: 'readyz',
        summary: 'Readiness: database, migrations, rollup lag',
        security: [],
        description:
          'Ready when the database answers and no migration is pending. The rollup lag (age of the oldest request waiting for the rollups) ' +
          `is reported; past S360_ROLLUP_LAG_BOUND_S (now ${config.rollupLagBoundSeconds} s) it is a warning, not a failure: answers stay exact while ` +
          'the job catches up. Watch it with the metric s360_rollup_lag_seconds and the alert rule "Rollups lagging".',
        responses: {
          200: json(
            'Ready',
            obj({ status: { const: 'ready' }, checks: ref('ReadinessChecks'), warnings }, ['status', 'checks'])
          ),
          503: notReady,
        },
      },
    },
    '/metrics': {
      get: {
        tags: ['ops'],
        operationId: 'metrics',
        summary: 'Prometheus metrics (text exposition format)',
        description:
          'Open unless S360_METRICS_TOKEN is set; then that value as a bearer token. Metric names start with s360_ ' +
          '(plus Node process metrics); see docs/api.md, "Operations".',
        security: [{}, { metricsToken: [] }],
        responses: {
          200: {
            description: 'The metrics',
            content: { 'text/plain': { schema: str('Prometheus text format 0.0.4') } },
          },
          401: { $ref: '#/components/responses/Unauthenticated' },
        },
      },
    },
    '/v1/ops/quarantine': {
      get: {
        tags: ['ops'],
        operationId: 'quarantine',
        summary: 'Rows the jobs set aside because they could not process them',
        security: BEARER,
        description:
          "Scope `read`. A job that meets a row it cannot process (the rollup job: a point beyond the map's Web Mercator limit, " +
          'or any data error applying a request) sets it aside in this list, counts it in `s360_job_quarantined_rows`, and goes on with the rest. ' +
          'Newest first; `counts` holds how many rows each job set aside in all. A request quarantined again updates its row (`times`).',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'most rows returned, newest first',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: config.quarantineMaxRows,
              default: Math.min(100, config.quarantineMaxRows),
            },
          },
        ],
        responses: {
          200: json(
            'The quarantined rows',
            obj({
              counts: {
                type: 'object',
                additionalProperties: { type: 'integer' },
                description: 'rows set aside per job (all of them, not only those listed)',
              },
              rows: {
                type: 'array',
                items: obj({
                  job: str('the job, e.g. rollups'),
                  request_id: int('the request'),
                  reference: nullable(str('its reference (null once deleted)')),
                  error: str('why the job could not process it, in plain words'),
                  at: str('when it was last set aside', { format: 'date-time' }),
                  times: int('how many times the job set it aside'),
                }),
              },
            })
          ),
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/v1/openapi.json': {
      get: {
        tags: ['ops'],
        operationId: 'openapi',
        summary: 'This document (OpenAPI 3.1)',
        security: [],
        responses: { 200: json('The document', { type: 'object' }) },
      },
    },
  };
}
