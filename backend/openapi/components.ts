// Shared pieces of the OpenAPI document: the error shape and error responses, security schemes, the
// query parameters the read routes share (time range, language, dimension filters) and common schemas.
import { FILTER_DIMENSIONS, STATUS_CLASSES } from '../geo/request-filters.ts';
import { PRIORITIES } from '../domain/reference.ts';
import { INSTANT_PARAM_PATTERN, INSTANT_RANGE_TEXT } from '../domain/instant.ts';
import { codeListParam, int, nullable, num, obj, ref, str, type Json } from './kit.ts';

export const SECURITY_SCHEMES: Record<string, Json> = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token (`services360 create-token --name NAME --scopes read,pii`), stored hashed. Scopes: ' +
      '`ingest` (write requests and events), `read` (query, geo, variables, annotations, detail), `pii` (unmasked customer data; every such read is audited).',
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'Only when S360_METRICS_TOKEN is set: that exact value as a bearer token. Not an API token.',
  },
};

/** Operation-level `security` for each scope (the scope is checked by the route; OpenAPI http schemes carry none). */
export const BEARER = [{ bearer: [] }];

const errorExample = {
  error: 'the request is invalid',
  details: [
    { path: 'location.lat', message: "must be between -85.05112878 and 85.05112878 (the map's Web Mercator limit)" },
  ],
};

const errorResponse = (description: string, example: Json, headers?: Json): Json => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ref('Error'), example } },
});

export const RESPONSES: Record<string, Json> = {
  BadRequest: errorResponse(
    'The input is invalid; `details` names every problem (`path`: the field, `query.<name>` or `path.<name>`).',
    errorExample
  ),
  Unauthenticated: errorResponse(
    'No bearer token, or an unknown or revoked one.',
    {
      error: 'a valid bearer token is required',
      details: [{ path: 'header.authorization', message: 'a valid bearer token is required' }],
    },
    { 'WWW-Authenticate': { description: '`Bearer`', schema: { type: 'string' } } }
  ),
  Forbidden: errorResponse('The token lacks the scope this route needs.', {
    error: 'this token lacks the "read" scope',
    details: [{ path: 'header.authorization', message: 'scope "read" required' }],
  }),
  NotFound: errorResponse('No such resource (or no such route).', {
    error: 'request 42 not found',
    details: [{ path: 'path.id', message: 'request 42 not found' }],
  }),
  Conflict: errorResponse(
    'The journey event is not allowed from the current status (`details` names the allowed ones), or it ' +
      'would change a closed or cancelled request other than by reopening it (`details` names the fields).',
    {
      error: 'cannot go from closed to assigned',
      details: [{ path: 'status', message: 'allowed: reopened' }],
    }
  ),
  TooLarge: errorResponse('The body is larger than S360_MAX_BODY_BYTES.', {
    error: 'the body is larger than the limit of 2000000 bytes',
    details: [{ path: 'body', message: 'too large' }],
  }),
  UnsupportedEncoding: errorResponse('The body has an encoding or charset the server does not read.', {
    error: 'unsupported body encoding',
    details: [{ path: 'header.content-type', message: 'unsupported charset "UTF-7"' }],
  }),
  DatabaseUnavailable: errorResponse(
    'The database is unavailable; retry after the given seconds.',
    { error: 'the database is unavailable; retry shortly', details: [] },
    { 'Retry-After': { description: 'seconds (S360_RETRY_AFTER_S)', schema: { type: 'integer' } } }
  ),
};

export const DIMENSION_DESCRIPTIONS: Record<(typeof FILTER_DIMENSIONS)[number], string> = {
  zone: 'zone codes (e.g. 332)',
  channel: 'channel codes (website, social_media, call_centre, whatsapp, virtual_assistant, open311, import, walk_in)',
  category: 'category codes (inquiry, report, observation, complaint, service_request, suggestion)',
  topic: 'topic codes (e.g. waste.overflowing_bin)',
  department: 'department codes (e.g. waste)',
  advisor: 'advisor codes',
  status_class: `status classes (${STATUS_CLASSES.join(', ')})`,
  priority: `priorities (${PRIORITIES.join(', ')})`,
};

const instantSchema = {
  type: 'string',
  pattern: INSTANT_PARAM_PATTERN,
  description: `epoch milliseconds, an ISO 8601 date-time with Z or an offset, or a date (its UTC midnight); a day that exists, ${INSTANT_RANGE_TEXT}`,
  examples: ['1764374400000', '2026-11-29T00:00:00Z'],
};

export const PARAMETERS: Record<string, Json> = {
  from: {
    name: 'from',
    in: 'query',
    required: false,
    description: "start of the range (inclusive); default: the route's default window before `to`",
    schema: instantSchema,
  },
  to: {
    name: 'to',
    in: 'query',
    required: false,
    description: 'end of the range (exclusive); default: now',
    schema: instantSchema,
  },
  language: {
    name: 'language',
    in: 'query',
    required: false,
    description: 'language of names and labels',
    schema: { type: 'string', enum: ['en', 'ar'], default: 'en' },
  },
  ...Object.fromEntries(
    FILTER_DIMENSIONS.map((d) => [
      `filter_${d}`,
      codeListParam(
        d,
        `Only these ${DIMENSION_DESCRIPTIONS[d]}; comma-separated or repeated; absent, empty, "all" or "$__all": all.`
      ),
    ])
  ),
  open311Lang: {
    name: 'lang',
    in: 'query',
    required: false,
    description: 'language of names and notes',
    schema: { type: 'string', enum: ['en', 'ar'], default: 'en' },
  },
};

/** The dimension filters as parameter references, for routes that take all of them. */
export const FILTER_PARAM_REFS: Json[] = FILTER_DIMENSIONS.map((d) => ({
  $ref: `#/components/parameters/filter_${d}`,
}));

const iso = str('ISO 8601 date-time', { format: 'date-time' });
const isoOrNull = nullable(iso);
const coded = obj({ code: str(), name: str('display name in the asked language') });

export const SCHEMAS: Record<string, Json> = {
  ErrorDetail: obj({ path: str('the field, `query.<name>`, `path.<name>` or `header.<name>`'), message: str() }),
  Error: {
    ...obj({
      error: str('a plain message: never SQL, a stack or a database message'),
      details: { type: 'array', items: ref('ErrorDetail') },
    }),
    description: 'Every error of the /v1 API and the ops routes.',
  },
  Coded: coded,
  ZoneRef: obj({ code: str(), name_en: str(), name_ar: str() }),
  GeoJsonGeometry: obj({ type: str(), coordinates: {} }, ['type']),
  FieldConfig: {
    type: 'object',
    description: 'Grafana field config: unit, displayName, decimals',
    additionalProperties: true,
  },
  Field: obj(
    {
      name: str(),
      type: { type: 'string', enum: ['time', 'number', 'string'] },
      values: { type: 'array', items: { type: ['number', 'string', 'null'] } },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
      config: ref('FieldConfig'),
    },
    ['name', 'type', 'values', 'config']
  ),
  Frame: obj({ name: str(), refId: str(), fields: { type: 'array', items: ref('Field') }, meta: { type: 'object' } }, [
    'refId',
    'fields',
  ]),
  Written: obj({
    id: int(),
    reference: str('S360- and at least nine digits', { pattern: '^S360-\\d{9,}$' }),
    zone: nullable(ref('ZoneRef')),
    created: { type: 'boolean', description: 'false: an earlier submission with the same (source, external_id)' },
  }),
  RecordedEvent: obj({
    event_id: int(),
    reference: str(),
    status: str(),
    stage: str(),
    progress_pct: int(undefined, { minimum: 0, maximum: 100 }),
    kind: str(),
    first_response_at: isoOrNull,
    resolved_at: isoOrNull,
    closed_at: isoOrNull,
    cancelled_at: isoOrNull,
  }),
  Status: obj({ code: str(), name: str(), class: nullable({ type: 'string', enum: ['open', 'closed', 'cancelled'] }) }),
  Customer: obj({
    masked: { type: 'boolean', description: 'true unless the token has scope pii' },
    name: nullable(str()),
    phone: nullable(str()),
    email: nullable(str()),
    national_id: nullable(str()),
    language: nullable(str()),
    home_zone: nullable(coded),
  }),
  SlaTarget: obj({
    due_at: iso,
    status: str(),
    business_elapsed_pct: num(),
    actual_elapsed_pct: num(),
    done_at: isoOrNull,
    warning_at: isoOrNull,
    breached_at: isoOrNull,
  }),
  JourneyEvent: obj({
    id: int(),
    kind: str(),
    from_status: nullable(ref('Status')),
    to_status: ref('Status'),
    stage: coded,
    progress_pct: int(),
    advisor: nullable(coded),
    actor: nullable(str()),
    note: nullable(str()),
    occurred_at: iso,
    recorded_at: iso,
  }),
  RequestDetail: obj({
    id: int(),
    reference: str(),
    source: str(),
    external_id: str(),
    channel: nullable(coded),
    category: nullable(coded),
    topic: nullable(coded),
    department: nullable(coded),
    priority: nullable(coded),
    zone: nullable(obj({ code: str(), name: str(), kind: nullable(str()) })),
    status: ref('Status'),
    stage: coded,
    progress_pct: int(),
    advisor: nullable(coded),
    address: nullable(str()),
    description: nullable(str()),
    location: nullable(obj({ lon: num(), lat: num() })),
    created_at: iso,
    ingested_at: isoOrNull,
    updated_at: isoOrNull,
    first_response_at: isoOrNull,
    resolved_at: isoOrNull,
    closed_at: isoOrNull,
    cancelled_at: isoOrNull,
    satisfaction: nullable(int()),
    customer: nullable(ref('Customer')),
    journey: { type: 'array', items: ref('JourneyEvent') },
    sla: obj({
      policy: nullable({
        type: 'object',
        description: 'the SLA policy version: code, version, targets in minutes, warning %, pause statuses, calendar',
      }),
      first_response_due_at: isoOrNull,
      resolution_due_at: isoOrNull,
      sla_state: nullable(str()),
      sla_evaluated_at: isoOrNull,
      sla_recorded_at: {
        ...isoOrNull,
        description:
          'when the outcome of the finished request was recorded (kept by later calendar, holiday or policy changes); null while open',
      },
      resolution_due_source: {
        type: 'string',
        enum: ['policy', 'source'],
        description: 'where the resolution due time came from',
      },
      first_response_clock: {
        type: 'boolean',
        description: 'false: the source keeps no first-response data (no first-response due, met or breach)',
      },
      clock: nullable(
        obj({
          evaluated_at: iso,
          state: str(),
          paused_minutes: num(),
          next_check_at: isoOrNull,
          recorded: {
            type: 'boolean',
            description:
              "true: a finished request, judged on the due times recorded at its close (not on today's calendar)",
          },
          first_response: nullable(ref('SlaTarget')),
          resolution: ref('SlaTarget'),
        })
      ),
    }),
  }),
  Annotation: obj({
    time: int('epoch ms'),
    timeEnd: nullable(int('epoch ms')),
    title: str(),
    text: str(),
    tags: { type: 'array', items: str() },
    kind: str(),
    zone: nullable(coded),
  }),
  Hotspot: obj(
    {
      topic_code: str(),
      topic: str(),
      department_code: str(),
      zone_code: nullable(str()),
      zone: nullable(str()),
      count: int(),
      first_at: str(),
      last_at: str(),
      lon: num(),
      lat: num(),
      radius_m: num(),
      request_ids: { type: 'array', items: int() },
    },
    ['topic_code', 'topic', 'count', 'first_at', 'last_at', 'lon', 'lat']
  ),
  TopicTrend: obj({
    topic_code: str(),
    topic: str(),
    department_code: str(),
    department: str(),
    count: int(),
    previous_count: int(),
    change_pct: nullable(num('change against the previous equal period, %; null when it had none')),
  }),
  FeatureCollection: obj({
    type: { const: 'FeatureCollection' },
    features: {
      type: 'array',
      items: obj(
        {
          type: { const: 'Feature' },
          id: {},
          geometry: nullable(ref('GeoJsonGeometry')),
          properties: { type: 'object' },
        },
        ['type', 'geometry', 'properties']
      ),
    },
  }),
  Open311Error: obj({ code: int('the HTTP status'), description: str() }),
  Open311Errors: { type: 'array', items: ref('Open311Error') },
  Open311Service: obj({
    service_code: str(),
    service_name: str(),
    description: str(),
    metadata: { type: 'boolean' },
    type: { const: 'realtime' },
    keywords: str(),
    group: str(),
  }),
  Open311ServiceDefinition: obj({
    service_code: str(),
    attributes: {
      type: 'array',
      items: obj(
        {
          variable: { type: 'boolean' },
          code: str(),
          datatype: str(),
          required: { type: 'boolean' },
          datatype_description: nullable(str()),
          order: int(),
          description: str(),
          values: { type: 'array', items: obj({ key: str(), name: str() }) },
        },
        ['variable', 'code', 'datatype', 'required', 'order', 'description']
      ),
    },
  }),
  Open311Request: obj(
    {
      // description, address and lat/long as the city chose (S360_OPEN311_PUBLIC_*): by default null, null and snapped to 3 decimals
      service_request_id: str(),
      status: { type: 'string', enum: ['open', 'closed'] },
      status_notes: nullable(str()),
      service_name: nullable(str()),
      service_code: nullable(str()),
      description: nullable(str()),
      agency_responsible: nullable(str()),
      service_notice: nullable(str()),
      requested_datetime: str('W3C date-time'),
      updated_datetime: nullable(str()),
      expected_datetime: nullable(str()),
      address: nullable(str()),
      lat: nullable(num()),
      long: nullable(num()),
      media_url: nullable(str()),
    },
    ['service_request_id', 'status', 'requested_datetime']
  ),
  Open311Created: obj({ service_request_id: str(), service_notice: nullable(str()), account_id: nullable(str()) }, [
    'service_request_id',
  ]),
  ReadinessChecks: obj({
    database: { type: 'string', enum: ['ok', 'unreachable'] },
    migrations: { type: 'string', enum: ['current', 'pending', 'unknown'] },
    rollup_lag_seconds: nullable(num('age of the oldest request waiting for the rollups; 0 when none')),
  }),
};
