// The /v1 routes: ingest (requests, batch, events), query, whoami, variables, annotations, request detail.
// Request bodies come from the zod validators the routes use; the lists of names from the code's tables.
import type { Config } from '../config.ts';
import { requestInputSchema } from '../ingest/request-input.ts';
import { eventInputSchema } from '../ingest/event-input.ts';
import { queryBodySchema, targetSchema } from '../query/request-schema.ts';
import { METRIC_NAMES } from '../query/metrics.ts';
import { DIMENSIONS } from '../rollups/cubes.ts';
import { VARIABLE_DIMENSIONS, ZONE_KINDS } from '../variables/dimensions.ts';
import { ANNOTATION_KINDS, DEFAULT_RANGE_DAYS, MAX_RANGE_YEARS } from '../annotations/params.ts';
import { catalogSchema } from '../catalog/schema.ts';
import { BEARER } from './components.ts';
import { INSTANT_MAX_MS, INSTANT_MIN_MS, INSTANT_PARAM_PATTERN, INSTANT_RANGE_TEXT } from '../domain/instant.ts';
import {
  codeListParam,
  errors,
  fromZod,
  int,
  json,
  jsonBody,
  obj,
  param,
  ref,
  str,
  type Json,
  type Paths,
} from './kit.ts';

export const EXAMPLE_REQUEST = {
  source: 'whatsapp-bot',
  external_id: 'wa-88231',
  channel: 'whatsapp',
  category: 'complaint',
  topic: 'waste.overflowing_bin',
  description: 'Bin overflowing since yesterday',
  address: 'Al Wasl Road, near the park gate',
  location: { lon: 55.15, lat: 25.15 },
  customer: { name: 'Fatima Al Mansoori', phone: '+971 50 123 4567', language: 'ar' },
  created_at: '2026-11-01T10:00:00+04:00',
};

const EXAMPLE_QUERY = {
  from: '2026-11-01T00:00:00Z',
  to: '2026-11-29T00:00:00Z',
  intervalMs: 3600000,
  maxDataPoints: 500,
  targets: [
    {
      refId: 'A',
      metric: 'received',
      groupBy: ['channel'],
      filters: { channel: ['whatsapp', 'website'] },
      format: 'time_series',
      language: 'en',
    },
  ],
};

function querySchema(): Json {
  const target = fromZod(targetSchema);
  const props = target.properties as Record<string, Json>;
  props.metric = { type: 'string', enum: METRIC_NAMES, description: 'what to compute' };
  props.groupBy = { ...props.groupBy, items: { type: 'string', enum: [...DIMENSIONS] } };
  props.filters = {
    ...props.filters,
    propertyNames: { enum: [...DIMENSIONS] },
    description:
      'per dimension: a list of codes (null = no value, e.g. unzoned) or a comma-separated string; "all"/"$__all"/[] = all',
  };
  const body = fromZod(queryBodySchema);
  const bodyProps = body.properties as Record<string, Json>;
  for (const k of ['from', 'to']) {
    bodyProps[k] = {
      anyOf: [
        { type: 'number', minimum: INSTANT_MIN_MS, maximum: INSTANT_MAX_MS },
        { type: 'string', pattern: INSTANT_PARAM_PATTERN },
      ],
      description: `epoch milliseconds (a number or digits), an ISO 8601 date-time with a zone or a date; a day that exists, ${INSTANT_RANGE_TEXT}; from < to`,
    };
  }
  bodyProps.targets = { ...bodyProps.targets, items: target };
  return body;
}

const requestIdParam: Json = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'the numeric id or the reference number',
  schema: { type: 'string', pattern: '^([0-9]{1,15}|S360-[0-9]{9,15})$' },
  example: 'S360-000000001',
};

export function v1Paths(config: Config): Paths {
  const requestBody = fromZod(requestInputSchema(config.maxDescriptionChars));
  requestBody.description =
    'channel, category and topic are codes of the reference data (400 lists the valid ones); ' +
    'give location or zone, not both; created_at not in the future (default: now). (source, external_id) makes resubmission idempotent. ' +
    "due_at: the resolution due time the source system set (kept as given; the SLA policy's otherwise), not before created_at; " +
    'first_response_clock: false when the source keeps no first-response data (no first-response due time, never met or breached).';
  return {
    '/v1/requests': {
      get: {
        tags: ['read'],
        operationId: 'findRequest',
        summary: "A request by the source system's own id",
        security: BEARER,
        description:
          'Scope `read`. The request the source system knows as `external_id` (the pair given at ingestion), as `GET /v1/requests/{id}` shows it: ' +
          'the customer is masked unless the token also has scope `pii`; every unmasked read is written to the audit log. 404 when no request has that pair.',
        parameters: [
          {
            name: 'source',
            in: 'query',
            required: true,
            description: 'the source system, as given at ingestion',
            schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
            example: 'whatsapp-bot',
          },
          {
            name: 'external_id',
            in: 'query',
            required: true,
            description: "the source system's own id of the request",
            schema: { type: 'string', minLength: 1, maxLength: 200 },
            example: 'WA-2026-000123',
          },
          param('language'),
        ],
        responses: {
          200: json('The request', ref('RequestDetail'), {
            headers: { 'Cache-Control': { schema: { type: 'string' }, description: 'private, no-store' } },
          }),
          ...errors(400, 401, 403, 404, 503),
        },
      },
      post: {
        tags: ['ingest'],
        operationId: 'createRequest',
        summary: 'Submit one request',
        security: BEARER,
        description:
          'Scope `ingest`. Validates, assigns the zone from the point, and writes the request and its first event in one transaction.',
        requestBody: jsonBody(requestBody, EXAMPLE_REQUEST),
        responses: {
          201: json('Written', ref('Written')),
          200: json(
            'Already submitted with this (source, external_id): the original, `created: false`; nothing written',
            ref('Written')
          ),
          ...errors(400, 401, 403, 413, 415, 503),
        },
      },
    },
    '/v1/requests/batch': {
      post: {
        tags: ['ingest'],
        operationId: 'createRequests',
        summary: `Submit up to ${config.maxBatch} requests at once`,
        security: BEARER,
        description:
          'Scope `ingest`. All or nothing: one invalid item rejects the batch (400, `details` name `requests[i].field`).',
        requestBody: jsonBody(
          obj(
            { requests: { type: 'array', minItems: 1, maxItems: config.maxBatch, items: requestBody } },
            ['requests'],
            { additionalProperties: false }
          ),
          { requests: [EXAMPLE_REQUEST] }
        ),
        responses: {
          201: json(
            'Written (at least one new)',
            obj({ created: int(), existing: int(), results: { type: 'array', items: ref('Written') } })
          ),
          200: json(
            'Every item was already submitted; nothing written',
            obj({ created: int(), existing: int(), results: { type: 'array', items: ref('Written') } })
          ),
          ...errors(400, 401, 403, 413, 415, 503),
        },
      },
    },
    '/v1/requests/{id}/events': {
      parameters: [requestIdParam],
      post: {
        tags: ['ingest'],
        operationId: 'recordEvent',
        summary: 'Record one step of the journey',
        security: BEARER,
        description:
          'Scope `ingest`. Goes through the journey state machine; stage codes and advisor codes come from the reference data.',
        requestBody: jsonBody(fromZod(eventInputSchema), {
          status: 'assigned',
          actor: 'dispatcher',
          note: 'Sent to the field team',
        }),
        responses: { 201: json('Recorded', ref('RecordedEvent')), ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    '/v1/requests/{id}': {
      parameters: [requestIdParam],
      get: {
        tags: ['read'],
        operationId: 'getRequest',
        summary: 'A request, its journey and its SLA clocks',
        security: BEARER,
        description:
          'Scope `read`. The customer is masked unless the token also has scope `pii`; every unmasked read is written to the audit log.',
        parameters: [param('language')],
        responses: {
          200: json('The request', ref('RequestDetail'), {
            headers: { 'Cache-Control': { schema: { type: 'string' }, description: 'private, no-store' } },
          }),
          ...errors(400, 401, 403, 404, 503),
        },
      },
    },
    '/v1/query': {
      post: {
        tags: ['read'],
        operationId: 'query',
        summary: 'Metrics as Grafana data frames',
        security: BEARER,
        description:
          'Scope `read`. Every target is answered from one snapshot (rollups plus the raw tail), so a request counts within seconds of its ingestion. ' +
          'Any invalid target makes the whole call a 400 naming it (`targets[i].…`). See docs/api.md for metrics, units and frame shapes. ' +
          `Work is bounded: a time series has at most ${config.queryMaxPoints} buckets per series (S360_QUERY_MAX_POINTS; the bucket grows with the range: ` +
          'minutes, hours, days, weeks, then calendar months and years), a target at most ' +
          `${config.queryMaxSeries} series or table rows (S360_QUERY_MAX_SERIES) and ${config.queryMaxTargetPoints} values (S360_QUERY_MAX_TARGET_POINTS), ` +
          `the call ${config.queryMaxCallPoints} values over all its targets (S360_QUERY_MAX_CALL_POINTS); a statement reads at most ${config.queryMaxRows} ` +
          `grouped rows (S360_QUERY_MAX_ROWS), and the call's statements run at most ` +
          `${config.queryTimeoutMs} ms in all (S360_QUERY_TIMEOUT_MS). A call that would pass one is refused with 422.`,
        requestBody: jsonBody(querySchema(), EXAMPLE_QUERY),
        responses: {
          200: json(
            'One entry per refId',
            obj({
              results: {
                type: 'object',
                additionalProperties: obj({ frames: { type: 'array', items: ref('Frame') } }),
              },
            })
          ),
          ...errors(400, 401, 403, 413, 415, 503),
          422: {
            description:
              'The query is valid but larger than this installation answers: `error` names the limit (its S360_QUERY_* setting), ' +
              'the target (refId and `targets[i]`) and how to narrow it (fewer group-by dimensions, a filter, a shorter range, a larger interval, ' +
              'fewer targets); `details[0].path` is the target (`targets[i]` or `targets[i].groupBy`). Nothing is returned for any target.',
            content: {
              'application/json': {
                schema: ref('Error'),
                example: {
                  error:
                    `target "A" (targets[0]) would return 10,706 or more series (or table rows); the limit ` +
                    `is ${config.queryMaxSeries.toLocaleString('en-US')} ` +
                    '(S360_QUERY_MAX_SERIES): group by fewer dimensions or add a filter',
                  details: [
                    {
                      path: 'targets[0].groupBy',
                      message: 'S360_QUERY_MAX_SERIES exceeded: group by fewer dimensions or add a filter',
                    },
                  ],
                },
              },
            },
          },
        },
      },
    },
    '/v1/whoami': {
      get: {
        tags: ['read'],
        operationId: 'whoami',
        summary: 'The calling token (for health checks)',
        security: BEARER,
        description: 'Any valid token, whatever its scopes.',
        responses: {
          200: json(
            'The token',
            obj({ name: str(), scopes: { type: 'array', items: { type: 'string', enum: ['ingest', 'read', 'pii'] } } })
          ),
          ...errors(401, 503),
        },
      },
    },
    '/v1/variables/{dimension}': {
      parameters: [
        {
          name: 'dimension',
          in: 'path',
          required: true,
          schema: { type: 'string', enum: [...VARIABLE_DIMENSIONS] },
          example: 'topic',
        },
      ],
      get: {
        tags: ['read'],
        operationId: 'variableValues',
        summary: 'Values of a dimension for a Grafana template variable',
        security: BEARER,
        description:
          'Scope `read`. Other dimensions narrow the list where they relate (the topics of a department; the zones of a kind or parent). ' +
          'Unknown parameters and unknown codes are 400s.',
        parameters: [
          param('language'),
          codeListParam('kind', `zone kinds (${ZONE_KINDS.join(', ')}), for dimension zone`),
          codeListParam('parent', 'parent zone codes, for dimension zone'),
          ...VARIABLE_DIMENSIONS.map((d) => codeListParam(d, `only values related to these ${d} codes`)),
        ],
        responses: {
          200: json(
            'The values',
            obj({ values: { type: 'array', items: obj({ value: str('the code'), text: str('the display name') }) } })
          ),
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/v1/catalog': {
      get: {
        tags: ['read'],
        operationId: 'catalog',
        summary: 'The catalogue: metrics, dimensions and their values, in English and Arabic',
        security: BEARER,
        description:
          "Scope `read`. What the Grafana datasource's editors list: every metric POST /v1/query answers (with its unit, formats, and the " +
          "dimensions it groups and filters by), every dimension, and the codes each dimension's filters accept with their names (values the city " +
          "configuration retired are flagged `retired`), the city's languages and time zone. A change of the reference data (`services360 config apply`, " +
          'an import) makes a new document with a new `version` on every instance at once. Strong ETag (the version); 304 on If-None-Match.',
        parameters: [{ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
        responses: {
          200: json('The catalogue', fromZod(catalogSchema), {
            headers: {
              ETag: { schema: { type: 'string' }, description: 'strong entity tag: the version' },
              'Cache-Control': { schema: { type: 'string' }, description: 'private, no-cache' },
            },
          }),
          304: { description: 'Not modified (If-None-Match matched)' },
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/v1/annotations': {
      get: {
        tags: ['read'],
        operationId: 'annotations',
        summary: 'Grafana annotations: incidents, campaigns, policy changes, SLA policy versions',
        security: BEARER,
        description: `Scope \`read\`. Range default: the last ${DEFAULT_RANGE_DAYS} days; at most ${MAX_RANGE_YEARS} years.`,
        parameters: [
          param('from'),
          param('to'),
          param('language'),
          codeListParam('kind', `annotation kinds (${ANNOTATION_KINDS.join(', ')})`),
          codeListParam('zone', 'zone codes'),
        ],
        responses: {
          200: json('The annotations', obj({ annotations: { type: 'array', items: ref('Annotation') } })),
          ...errors(400, 401, 403, 503),
        },
      },
    },
  };
}
