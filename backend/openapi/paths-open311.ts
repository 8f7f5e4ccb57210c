// Open311 GeoReport v2 under /open311/v2. Each resource has three spellings: no extension and .json
// answer JSON, .xml answers XML (the same document); each spelling is its own path here, with its own
// operationId. Errors are GeoReport's [{code, description}].
// The api_key of POST travels in the form body, as GeoReport v2 sends it: OpenAPI security schemes
// cannot express a body field, so it is documented as the `api_key` form field (a Bearer header works too).
import type { Config } from '../config.ts';
import { obj, param, ref, str, type Json, type Paths } from './kit.ts';
import { INSTANT_RANGE_TEXT } from '../domain/instant.ts';

const W3_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2}))?$';
const w3Param = (name: string, what: string): Json => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string', pattern: W3_PATTERN },
  description: `${what}: a W3C date-time with its zone, or a date (a UTC day); a day that exists, ${INSTANT_RANGE_TEXT}`,
});
import { MAX_LONGITUDE, MAX_MERCATOR_LATITUDE } from '../geo/projectable.ts';

export const OPEN311_BASE = '/open311/v2';
const SPELLINGS = ['', '.json', '.xml'] as const;

type Format = 'json' | 'xml' | 'both';
const XML = { schema: { type: 'string', description: 'the same document as XML (GeoReport v2)' } };

function contentOf(schema: Json, format: Format): Json {
  if (format === 'json') {
    return { 'application/json': { schema } };
  }
  if (format === 'xml') {
    return { 'text/xml': XML };
  }
  return { 'application/json': { schema }, 'text/xml': XML };
}

function responsesFor(format: Format) {
  const body = (schema: Json, description: string): Json => ({ description, content: contentOf(schema, format) });
  const error = (description: string): Json => body(ref('Open311Errors'), description);
  return {
    body,
    error,
    400: error('Invalid input; one entry per problem'),
    404: error('No such service_code or service_request_id'),
    503: {
      ...error('The database is unavailable; retry after the given seconds'),
      headers: { 'Retry-After': { schema: { type: 'integer' } } },
    },
  };
}

const FORM_EXAMPLE = {
  api_key: '<token with scope ingest>',
  service_code: 'waste.overflowing_bin',
  lat: '25.15',
  long: '55.15',
  description: 'Bin overflowing since yesterday',
  'attribute[category]': 'complaint',
  'attribute[external_id]': 'client-77341',
  first_name: 'Fatima',
  last_name: 'Al Mansoori',
  phone: '+971 50 123 4567',
};

function postForm(config: Config): Json {
  const s = (description: string, extra: Json = {}) => ({ type: 'string', description, ...extra });
  return {
    required: true,
    content: {
      'application/x-www-form-urlencoded': {
        schema: obj(
          {
            api_key: s('a token with scope `ingest` (or send it as a Bearer header)'),
            service_code: s('a service_code of GET services (our topic codes)'),
            lat: s(
              `latitude, WGS84 decimal degrees, from -${MAX_MERCATOR_LATITUDE} to ${MAX_MERCATOR_LATITUDE} ` +
                `(the map's Web Mercator limit; beyond: 400 naming lat); long is required with it`
            ),
            long: s(
              `longitude, WGS84 decimal degrees, from -${MAX_LONGITUDE} to ${MAX_LONGITUDE}; lat is required with it`
            ),
            address_string: s(
              'free-form address (at most 500 characters); a location is required: lat and long, address_string or address_id'
            ),
            address_id: s(
              'an address id of your addressing system: with no address_string, kept as the address text "address_id <id>"',
              { maxLength: 200 }
            ),
            'attribute[category]': s('what kind of contact (see the service definition); default report'),
            'attribute[external_id]': s(
              'your unique id: sending it again returns the original request (200) and writes nothing',
              { maxLength: 200 }
            ),
            first_name: s('customer (personal data: read only with scope pii)'),
            last_name: s('customer'),
            email: s('customer e-mail'),
            phone: s('customer phone'),
            description: s(`at most ${config.maxDescriptionChars} characters`, {
              maxLength: config.maxDescriptionChars,
            }),
            account_id: s('echoed back', { maxLength: 200 }),
            media_url: s('an http(s) URL of a photo or document (kept as a link; at most 2,000 characters)'),
            device_id: s('accepted, not kept'),
            lang: { type: 'string', enum: ['en', 'ar'] },
          },
          ['service_code']
        ),
        example: FORM_EXAMPLE,
      },
    },
  };
}

function pathItems(config: Config, format: Format, suffix: string): Record<string, Json> {
  const lang = param('open311Lang');
  const { body, error: open311Error, ...ERRORS } = responsesFor(format);
  return {
    discovery: {
      get: {
        tags: ['open311'],
        operationId: `open311Discovery${suffix}`,
        summary: 'Where the endpoint is and what it speaks',
        security: [],
        responses: {
          200: body(
            obj({
              changeset: str(),
              contact: str(),
              key_service: str(),
              endpoints: {
                type: 'array',
                items: obj({
                  specification: str(),
                  url: str(),
                  changeset: str(),
                  type: str(),
                  formats: { type: 'array', items: str() },
                }),
              },
            }),
            'Discovery'
          ),
          503: ERRORS[503],
        },
      },
    },
    services: {
      get: {
        tags: ['open311'],
        operationId: `open311Services${suffix}`,
        summary: 'The services (our topics), grouped by department',
        security: [],
        parameters: [lang],
        responses: {
          200: body({ type: 'array', items: ref('Open311Service') }, 'The services'),
          400: ERRORS[400],
          503: ERRORS[503],
        },
      },
    },
    requests: {
      get: {
        tags: ['open311'],
        operationId: `open311Requests${suffix}`,
        summary: 'Requests by id list, or by time window with filters',
        security: [],
        description:
          `Public, no personal data: description, address and the exact point only as the city chose (S360_OPEN311_PUBLIC_DESCRIPTION, ` +
          '_ADDRESS, _POINT; by default no description, no address and lat/long rounded to 3 decimals). ' +
          'updated_datetime of a finished request is when it finished. ' +
          `A service_request_id list overrides every other argument. Window default: the last ${config.open311WindowDays} days; ` +
          `at most ${config.open311MaxResults} results a page; a \`Link: <…>; rel="next"\` header when there is more.`,
        parameters: [
          {
            name: 'service_request_id',
            in: 'query',
            required: false,
            description: 'comma-separated references',
            schema: { type: 'string' },
          },
          {
            name: 'service_code',
            in: 'query',
            required: false,
            description: 'comma-separated service codes',
            schema: { type: 'string' },
          },
          w3Param('start_date', 'earliest requested_datetime'),
          w3Param('end_date', 'latest requested_datetime'),
          {
            name: 'status',
            in: 'query',
            required: false,
            description: 'open, closed or both (comma-separated)',
            schema: { type: 'string' },
          },
          { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
          {
            name: 'page_size',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: config.open311MaxResults },
          },
          lang,
        ],
        responses: {
          200: {
            ...body({ type: 'array', items: ref('Open311Request') }, 'The requests'),
            headers: { Link: { schema: { type: 'string' }, description: 'rel="next" when there are more' } },
          },
          400: ERRORS[400],
          503: ERRORS[503],
        },
      },
      post: {
        tags: ['open311'],
        operationId: `open311CreateRequest${suffix}`,
        summary: 'Create a service request (form-encoded)',
        security: [{}, { bearer: [] }],
        description:
          'Written like POST /v1/requests (same checks, one transaction) on the open311 channel. Without an idempotency key ' +
          '(attribute[external_id] or the Idempotency-Key header) every POST is a new request.',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'your unique key for this request (like attribute[external_id])',
            schema: { type: 'string' },
          },
          lang,
        ],
        requestBody: postForm(config),
        responses: {
          201: body({ type: 'array', items: ref('Open311Created') }, 'Created'),
          200: body(
            { type: 'array', items: ref('Open311Created') },
            'Already submitted with this key: the original; nothing written'
          ),
          400: ERRORS[400],
          403: open311Error('api_key missing, given more than once, unknown, revoked or without scope ingest'),
          404: open311Error('No such service_code'),
          413: open311Error('The body is larger than S360_MAX_BODY_BYTES'),
          415: open311Error('Unsupported body encoding'),
          503: ERRORS[503],
        },
      },
    },
  };
}

export function open311Paths(config: Config): Paths {
  const paths: Paths = {};
  for (const ext of SPELLINGS) {
    const items = pathItems(
      config,
      ext === '.xml' ? 'xml' : 'json',
      ext === '' ? '' : ext === '.json' ? 'Json' : 'Xml'
    );
    for (const [name, item] of Object.entries(items)) {
      paths[`${OPEN311_BASE}/${name}${ext}`] = item;
    }
  }
  const { body, error: _error, ...ERRORS } = responsesFor('both');
  void _error;
  paths[`${OPEN311_BASE}/services/{service_code}`] = {
    parameters: [
      {
        name: 'service_code',
        in: 'path',
        required: true,
        description: 'a service code; append .json or .xml for the format',
        schema: { type: 'string' },
        example: 'waste.overflowing_bin',
      },
    ],
    get: {
      tags: ['open311'],
      operationId: 'open311ServiceDefinition',
      summary: "A service's definition (its attributes)",
      security: [],
      parameters: [param('open311Lang')],
      responses: {
        200: body(ref('Open311ServiceDefinition'), 'The definition'),
        404: ERRORS[404],
        400: ERRORS[400],
        503: ERRORS[503],
      },
    },
  };
  paths[`${OPEN311_BASE}/requests/{service_request_id}`] = {
    parameters: [
      {
        name: 'service_request_id',
        in: 'path',
        required: true,
        description: 'a reference number; append .json or .xml for the format',
        schema: { type: 'string' },
        example: 'S360-000000001',
      },
    ],
    get: {
      tags: ['open311'],
      operationId: 'open311Request',
      summary: 'One request, as a one-item list',
      security: [],
      parameters: [param('open311Lang')],
      responses: {
        200: body({ type: 'array', items: ref('Open311Request'), minItems: 1, maxItems: 1 }, 'The request'),
        404: ERRORS[404],
        400: ERRORS[400],
        503: ERRORS[503],
      },
    },
  };
  return paths;
}
