// The OpenAPI 3.1 document of every route the aggregator serves, built from the code's own schemas and
// limits (so it follows the validators and the config). tests/integration/openapi.test.ts checks that it
// is valid, that its paths and the app's routes are the same set, and that real answers match it.
import type { Config } from '../config.ts';
import { PARAMETERS, RESPONSES, SCHEMAS, SECURITY_SCHEMES } from './components.ts';
import { geoPaths } from './paths-geo.ts';
import { OPEN311_BASE, open311Paths } from './paths-open311.ts';
import { opsPaths } from './paths-ops.ts';
import { v1Paths } from './paths-v1.ts';
import { ref, response, type Json, type Paths } from './kit.ts';
import { INSTANT_RANGE_TEXT } from '../domain/instant.ts';

export const OPENAPI_VERSION = '3.1.0';

export function buildOpenApiDocument(config: Config, version = '0.1.0'): Json {
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'Services 360 aggregator',
      version,
      summary: 'Customer requests of a city in; figures, maps and journeys out.',
      description:
        'Ingest (JSON and Open311 GeoReport v2), the query API for the Grafana datasource, geo (zones, vector tiles, hot spots), ' +
        'variables, annotations, request detail, and operations. Errors of /v1 and the ops routes: `{error, details: [{path, message}]}`; ' +
        'never SQL or a stack. Read routes refuse unknown query parameters (400). Any route answers 400 when the path, query or body ' +
        `holds a NUL character (PostgreSQL cannot store it), a lone surrogate (text must be well-formed Unicode), a key named __proto__, constructor or ` +
        `prototype, or nesting deeper than ${config.maxBodyDepth} levels (S360_MAX_BODY_DEPTH); the 400 names where. Times are strict ISO 8601 with a zone ` +
        `(or epoch milliseconds where said): a day that exists, ${INSTANT_RANGE_TEXT}. A known path asked with a method it does not take answers 405 ` +
        'with an `Allow` header. See docs/api.md.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'ingest', description: 'Scope ingest' },
      { name: 'read', description: 'Scope read (pii for unmasked customers)' },
      { name: 'geo', description: 'Scope read' },
      { name: 'recurrence', description: 'Scope read' },
      { name: 'open311', description: 'GeoReport v2' },
      { name: 'ops', description: 'Probes, metrics, this document' },
    ],
    paths: withScreen400({ ...v1Paths(config), ...geoPaths(config), ...open311Paths(config), ...opsPaths(config) }),
    components: { schemas: SCHEMAS, parameters: PARAMETERS, responses: RESPONSES, securitySchemes: SECURITY_SCHEMES },
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * The input screen (http/screen-input.ts) runs before every route: any operation can answer 400 (a NUL,
 * a lone surrogate, a reserved key or nesting too deep in its path, query or body). Operations that
 * document no 400 of their own get it here, in their part's error shape (found by openapi-fuzz.test.ts).
 */
function withScreen400(paths: Paths): Paths {
  const description =
    'The path, query or body holds a NUL, a lone surrogate, a key named __proto__, constructor or prototype, or nesting too deep.';
  for (const [path, item] of Object.entries(paths)) {
    for (const m of METHODS) {
      const op = (item as Json)[m] as Json | undefined;
      if (!op || (op.responses as Json)['400']) {
        continue;
      }
      (op.responses as Json)['400'] = !path.startsWith(OPEN311_BASE)
        ? response('BadRequest')
        : {
            description,
            content: path.endsWith('.xml')
              ? { 'text/xml': { schema: { type: 'string' } } }
              : { 'application/json': { schema: ref('Open311Errors') } },
          };
    }
  }
  return paths;
}
