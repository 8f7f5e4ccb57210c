// GET /v1/openapi.json: a valid OpenAPI 3.1 document; its paths and the app's routes are the same set
// (both ways, matched the way Express matches); real answers of many routes validate against the
// documented response schemas, and their statuses are documented.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import type { Express } from 'express';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { startServer } from '../../backend/server.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { listAppRoutes, toOpenApiPath, type AppRoute } from '../../backend/openapi/app-routes.ts';

type Json = Record<string, any>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

let agg: TestAggregator;
let doc: Json;
let app: Express;
let reference: string;

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  const res = await agg.call('GET', '/v1/openapi.json', undefined, null);
  assert.equal(res.status, 200, res.text);
  doc = res.body;
  app = agg.server.server.listeners('request')[0] as unknown as Express;
  const created = await agg.call('POST', '/v1/requests', sampleRequest({ external_id: 'openapi-1' }));
  assert.equal(created.status, 201, created.text);
  reference = created.body.reference;
});
afterAll(async () => {
  await agg?.stop();
});

/** Follows a local $ref ("#/components/…") to what it names. */
function resolve(node: Json): Json {
  let n = node;
  for (let i = 0; n && typeof n.$ref === 'string' && i < 10; i++) {
    assert.ok(n.$ref.startsWith('#/'), `only local refs: ${n.$ref}`);
    n = n.$ref
      .slice(2)
      .split('/')
      .map((s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((o: Json | undefined, k: string) => o?.[k], doc) as Json;
    assert.ok(n, `unresolved ${node.$ref}`);
  }
  return n;
}

type Operation = { path: string; method: string; op: Json; params: Json[] };

function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths as Json)) {
    const item = resolve(rawItem);
    for (const method of METHODS) {
      if (!item[method]) {
        continue;
      }
      const params = [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map(resolve);
      out.push({ path, method: method.toUpperCase(), op: item[method], params });
    }
  }
  return out;
}

/** A concrete URL path for a documented path: each {param} replaced by its example (else "1"). */
function instantiate(o: Operation): string {
  return o.path.replace(/\{([^}]+)\}/g, (_, name) => {
    const p = o.params.find((x) => x.in === 'path' && x.name === name);
    return encodeURIComponent(String(p?.example ?? p?.schema?.example ?? '1'));
  });
}

describe('the document', () => {
  test('is valid OpenAPI 3.1 (and the validator does reject a broken copy)', async () => {
    assert.equal(doc.openapi, '3.1.0');
    const result = await new Validator().validate(structuredClone(doc));
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1));
    const broken = structuredClone(doc);
    delete broken.paths['/v1/requests'].post.responses;
    broken.paths['/v1/whoami'].get.parameters = [{ name: 'x', in: 'nowhere' }];
    assert.equal((await new Validator().validate(broken)).valid, false);
  });

  test('every $ref resolves, operationIds are unique, every {param} of a path is declared in: path', () => {
    const refs: string[] = [];
    (function collect(n: unknown) {
      if (Array.isArray(n)) {
        n.forEach(collect);
      } else if (n && typeof n === 'object') {
        for (const [k, v] of Object.entries(n)) {
          if (k === '$ref') {
            refs.push(v as string);
          } else {
            collect(v);
          }
        }
      }
    })(doc);
    assert.ok(refs.length > 50);
    for (const r of refs) {
      resolve({ $ref: r });
    }
    const ids = operations().map((o) => o.op.operationId);
    assert.equal(new Set(ids).size, ids.length, 'duplicate operationId');
    assert.ok(ids.every((id) => typeof id === 'string'));
    for (const o of operations()) {
      const inPath = [...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = o.params
        .filter((p) => p.in === 'path')
        .map((p) => {
          assert.equal(p.required, true, `${o.path} ${p.name}`);
          return p.name;
        })
        .sort();
      assert.deepEqual(declared, inPath, `${o.method} ${o.path}`);
    }
  });

  test('every operation documents its responses, and every authenticated /v1 operation its 401 and 503', () => {
    for (const o of operations()) {
      assert.ok(Object.keys(o.op.responses ?? {}).length > 0, `${o.method} ${o.path}`);
      if (o.path.startsWith('/v1/') && (o.op.security ?? doc.security)?.some((s: Json) => 'bearer' in s)) {
        for (const status of ['401', '503']) {
          assert.ok(o.op.responses[status], `${o.method} ${o.path} lacks ${status}`);
        }
      }
    }
    const schemes = doc.components.securitySchemes;
    assert.equal(schemes.bearer.scheme, 'bearer');
    assert.ok(
      doc.paths['/open311/v2/requests'].post.requestBody.content['application/x-www-form-urlencoded'].schema.properties
        .api_key
    );
  });
});

describe('the document and the app serve the same routes', () => {
  let routes: AppRoute[];
  beforeAll(() => {
    routes = listAppRoutes(app);
  });

  test('the route walk finds the /v1 routes, the Open311 sub-router (mounted at /open311/v2) and the ops routes', () => {
    const paths = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const p of [
      'POST /v1/requests',
      'GET /v1/requests/:id',
      'GET /open311/v2/requests/:id',
      'POST /open311/v2/requests.xml',
      'GET /healthz',
      'GET /readyz',
      'GET /metrics',
      'GET /v1/openapi.json',
      'GET /v1/tiles/requests/:z/:x/:y',
    ]) {
      assert.ok(paths.has(p), `${p} not found among ${[...paths].join(', ')}`);
    }
    assert.ok(routes.length >= 30, String(routes.length));
  });

  test('every route of the app is documented (Express :id ↔ OpenAPI {id})', () => {
    const ops = operations();
    const missing = routes.filter((r) => !ops.some((o) => o.method === r.method && r.matches(instantiate(o))));
    assert.deepEqual(
      missing.map((r) => `${r.method} ${toOpenApiPath(r.path)}`),
      []
    );
  });

  test('every documented operation is a route of the app', () => {
    const extra = operations().filter((o) => !routes.some((r) => r.method === o.method && r.matches(instantiate(o))));
    assert.deepEqual(
      extra.map((o) => `${o.method} ${o.path}`),
      []
    );
  });

  test('the documented query parameters are exactly those each route accepts (read from its 400 for an unknown one)', async () => {
    let compared = 0;
    for (const o of operations().filter((x) => x.method === 'GET')) {
      const res = await agg.call('GET', `${instantiate(o)}?s360_not_a_parameter=1`);
      const valid =
        res.status === 400 && typeof res.body?.error === 'string'
          ? /unknown parameters?; valid: (.*)$/.exec(res.body.error)
          : null;
      if (!valid) {
        continue;
      } // the route ignores unknown parameters (Open311, ops): nothing to compare
      compared++;
      const documented = o.params
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort();
      assert.deepEqual(documented, valid[1].split(', ').sort(), `${o.method} ${o.path}`);
    }
    assert.ok(compared >= 9, String(compared));
  });

  test("the matching is Express's own: a path that no route takes matches nothing", () => {
    for (const url of ['/v1/requests/1/events/2', '/v1/nothing', '/open311/v2/requests/a/b', '/open311/v3/services']) {
      assert.deepEqual(
        routes.filter((r) => r.matches(url)).map((r) => r.path),
        [],
        url
      );
    }
    assert.ok(
      routes.some(
        (r) =>
          r.method === 'GET' &&
          r.path === '/open311/v2/services/:code' &&
          r.matches('/open311/v2/services/waste.overflowing_bin.xml')
      )
    );
  });
});

describe('real answers match the documented responses', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<string, ReturnType<Ajv2020['compile']>>();

  /** Validates an answer against the operation's documented response for its status and content type. */
  function check(
    method: string,
    docPath: string,
    res: { status: number; body: unknown; headers: Headers; text: string }
  ) {
    const o = operations().find((x) => x.method === method && x.path === docPath);
    assert.ok(o, `${method} ${docPath} is not documented`);
    const documented = o.op.responses[String(res.status)];
    assert.ok(
      documented,
      `${method} ${docPath} answered ${res.status}, which is not documented: ${res.text.slice(0, 300)}`
    );
    const response = resolve(documented);
    if (!response.content) {
      assert.equal(res.text, '', `${res.status} is documented without a body`);
      return;
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    const media = response.content[type];
    assert.ok(
      media,
      `${method} ${docPath} ${res.status} answered ${type}, documented: ${Object.keys(response.content).join(', ')}`
    );
    if (!/json$/.test(type)) {
      return;
    }
    const key = `${method} ${docPath} ${res.status} ${type}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({
        $id: `urn:s360:${compiled.size}`,
        components: doc.components,
        ...resolve(media.schema),
      });
      compiled.set(key, validate);
    }
    assert.ok(validate(res.body), `${key}: ${JSON.stringify(validate.errors, null, 1)}\n${res.text.slice(0, 500)}`);
  }

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

  test('POST /v1/requests: 201, 200 on resubmission, 400, 401, 403, 413', async () => {
    const body = sampleRequest({ external_id: 'openapi-2' });
    check('POST', '/v1/requests', await agg.call('POST', '/v1/requests', body));
    const again = await agg.call('POST', '/v1/requests', body);
    assert.equal(again.status, 200);
    check('POST', '/v1/requests', again);
    const bad = await agg.call('POST', '/v1/requests', { ...body, location: { lon: 55, lat: 125 } });
    assert.equal(bad.status, 400);
    check('POST', '/v1/requests', bad);
    check('POST', '/v1/requests', await agg.call('POST', '/v1/requests', body, null));
    check('POST', '/v1/requests', await agg.call('POST', '/v1/requests', body, agg.tokens.read));
    const large = await agg.call('POST', '/v1/requests', { ...body, description: 'x'.repeat(2_100_000) });
    assert.equal(large.status, 413);
    check('POST', '/v1/requests', large);
  });

  test('the check has teeth: an answer that breaks its schema, or an undocumented status, fails', async () => {
    const res = await agg.call('POST', '/v1/requests', sampleRequest({ external_id: 'openapi-3' }));
    check('POST', '/v1/requests', res);
    assert.throws(
      () => check('POST', '/v1/requests', { ...res, body: { ...res.body, reference: 42 } }),
      /reference|type/
    );
    assert.throws(() => check('POST', '/v1/requests', { ...res, body: { ...res.body, zone: undefined } }), /zone/);
    assert.throws(() => check('POST', '/v1/requests', { ...res, status: 418 }), /not documented/);
  });

  test('the documented request example is accepted as it stands', async () => {
    const example = doc.paths['/v1/requests'].post.requestBody.content['application/json'].example;
    const res = await agg.call('POST', '/v1/requests', example);
    assert.ok(res.status === 201 || res.status === 200, res.text);
    check('POST', '/v1/requests', res);
    const query = doc.paths['/v1/query'].post.requestBody.content['application/json'].example;
    const answered = await agg.call('POST', '/v1/query', query);
    assert.equal(answered.status, 200, answered.text);
  });

  test('batch, events (201, 404, 409) and the request detail', async () => {
    const batch = await agg.call('POST', '/v1/requests/batch', { requests: [sampleRequest(), sampleRequest()] });
    assert.equal(batch.status, 201, batch.text);
    check('POST', '/v1/requests/batch', batch);
    const ref = batch.body.results[0].reference;
    check(
      'POST',
      '/v1/requests/{id}/events',
      await agg.call('POST', `/v1/requests/${ref}/events`, { status: 'assigned', note: 'on it' })
    );
    const illegal = await agg.call('POST', `/v1/requests/${ref}/events`, { status: 'closed' });
    assert.equal(illegal.status, 409, illegal.text);
    check('POST', '/v1/requests/{id}/events', illegal);
    check(
      'POST',
      '/v1/requests/{id}/events',
      await agg.call('POST', '/v1/requests/S360-999999999/events', { note: 'x' })
    );
    check('GET', '/v1/requests/{id}', await agg.call('GET', `/v1/requests/${ref}`, undefined, agg.tokens.read));
    check(
      'GET',
      '/v1/requests/{id}',
      await agg.call('GET', `/v1/requests/${reference}?language=ar`, undefined, agg.tokens.pii)
    );
    check('GET', '/v1/requests/{id}', await agg.call('GET', '/v1/requests/not-an-id'));
    check('GET', '/v1/requests/{id}', await agg.call('GET', '/v1/requests/999999'));
  });

  test('POST /v1/query: time series, table, recurring topics; 400 naming the target', async () => {
    const range = { from: Date.now() - 7 * 86_400_000, to: Date.now() };
    const ok = await agg.call('POST', '/v1/query', {
      ...range,
      targets: [
        { refId: 'A', metric: 'received', groupBy: ['channel'] },
        { refId: 'B', metric: 'on_time_pct', groupBy: ['zone'], format: 'table' },
        { refId: 'C', metric: 'recurring_topics', format: 'table' },
      ],
    });
    assert.equal(ok.status, 200, ok.text);
    check('POST', '/v1/query', ok);
    const bad = await agg.call('POST', '/v1/query', { ...range, targets: [{ metric: 'nonsense' }] });
    assert.equal(bad.status, 400);
    check('POST', '/v1/query', bad);
  });

  test("the catalogue: 200 (with the grid's zones), 304, 400, 401, 403", async () => {
    const catalog = await agg.call('GET', '/v1/catalog', undefined, agg.tokens.read);
    check('GET', '/v1/catalog', catalog);
    assert.ok(catalog.body.values.zone.length > 0);
    check(
      'GET',
      '/v1/catalog',
      await agg.call('GET', '/v1/catalog', undefined, agg.tokens.read, {
        'if-none-match': catalog.headers.get('etag')!,
      })
    );
    check('GET', '/v1/catalog', await agg.call('GET', '/v1/catalog?language=ar'));
    check('GET', '/v1/catalog', await agg.call('GET', '/v1/catalog', undefined, null));
    check('GET', '/v1/catalog', await agg.call('GET', '/v1/catalog', undefined, agg.tokens.ingest));
  });

  test('whoami, variables, annotations', async () => {
    check('GET', '/v1/whoami', await agg.call('GET', '/v1/whoami'));
    check('GET', '/v1/whoami', await agg.call('GET', '/v1/whoami', undefined, null));
    check(
      'GET',
      '/v1/variables/{dimension}',
      await agg.call('GET', '/v1/variables/topic?department=waste&language=ar')
    );
    check('GET', '/v1/variables/{dimension}', await agg.call('GET', '/v1/variables/zone'));
    check('GET', '/v1/variables/{dimension}', await agg.call('GET', '/v1/variables/colour'));
    check('GET', '/v1/annotations', await agg.call('GET', '/v1/annotations'));
    check('GET', '/v1/annotations', await agg.call('GET', '/v1/annotations?kind=meteor'));
  });

  test('geo and recurrence', async () => {
    check('GET', '/v1/zones.geojson', await agg.call('GET', '/v1/zones.geojson?zoom=11'));
    const first = await agg.call('GET', '/v1/zones.geojson');
    check(
      'GET',
      '/v1/zones.geojson',
      await agg.call('GET', '/v1/zones.geojson', undefined, undefined, { 'if-none-match': first.headers.get('etag')! })
    );
    check('GET', '/v1/zones/stats', await agg.call('GET', '/v1/zones/stats?metric=received_per_10k'));
    const tile = doc.paths['/v1/tiles/requests/{z}/{x}/{y}.mvt'];
    const [z, x, y] = tile.parameters.map((p: Json) => p.example);
    check('GET', '/v1/tiles/requests/{z}/{x}/{y}.mvt', await agg.call('GET', `/v1/tiles/requests/${z}/${x}/${y}.mvt`));
    check(
      'GET',
      '/v1/tiles/requests/{z}/{x}/{y}.mvt',
      await agg.call('GET', '/v1/tiles/requests/0/0/0.mvt?from=2000-01-01')
    );
    check('GET', '/v1/tiles/requests/{z}/{x}/{y}.mvt', await agg.call('GET', '/v1/tiles/requests/40/0/0.mvt'));
    check('GET', '/v1/recurrence/topics', await agg.call('GET', '/v1/recurrence/topics?topN=5'));
    check('GET', '/v1/recurrence/hotspots', await agg.call('GET', '/v1/recurrence/hotspots'));
    check(
      'GET',
      '/v1/recurrence/hotspots.geojson',
      await agg.call('GET', `/v1/recurrence/hotspots.geojson?to=${Date.now()}`)
    );
  });

  test('Open311: discovery, services, definitions, requests (GET and POST), errors in its own shape', async () => {
    for (const ext of ['', '.json', '.xml']) {
      check(
        'GET',
        `/open311/v2/discovery${ext}`,
        await agg.call('GET', `/open311/v2/discovery${ext}`, undefined, null)
      );
      check(
        'GET',
        `/open311/v2/services${ext}`,
        await agg.call('GET', `/open311/v2/services${ext}?lang=ar`, undefined, null)
      );
      check('GET', `/open311/v2/requests${ext}`, await agg.call('GET', `/open311/v2/requests${ext}`, undefined, null));
    }
    check(
      'GET',
      '/open311/v2/services/{service_code}',
      await agg.call('GET', '/open311/v2/services/waste.overflowing_bin.json', undefined, null)
    );
    check(
      'GET',
      '/open311/v2/services/{service_code}',
      await agg.call('GET', '/open311/v2/services/nothing.xml', undefined, null)
    );
    check(
      'GET',
      '/open311/v2/requests/{service_request_id}',
      await agg.call('GET', `/open311/v2/requests/${reference}`, undefined, null)
    );
    check(
      'GET',
      '/open311/v2/requests/{service_request_id}',
      await agg.call('GET', '/open311/v2/requests/S360-000000999.json', undefined, null)
    );
    const fields = {
      service_code: 'waste.overflowing_bin',
      lat: '25.15',
      long: '55.15',
      'attribute[external_id]': 'openapi-311',
    };
    const created = await agg.call(
      'POST',
      '/open311/v2/requests.json',
      form({ ...fields, api_key: agg.tokens.ingest }),
      null,
      FORM
    );
    assert.equal(created.status, 201, created.text);
    check('POST', '/open311/v2/requests.json', created);
    check(
      'POST',
      '/open311/v2/requests',
      await agg.call('POST', '/open311/v2/requests', form({ ...fields, api_key: agg.tokens.ingest }), null, FORM)
    );
    check(
      'POST',
      '/open311/v2/requests.json',
      await agg.call('POST', '/open311/v2/requests.json', form(fields), null, FORM)
    );
    check(
      'POST',
      '/open311/v2/requests.xml',
      await agg.call(
        'POST',
        '/open311/v2/requests.xml',
        form({ ...fields, lat: 'north', api_key: agg.tokens.ingest }),
        null,
        FORM
      )
    );
    check(
      'GET',
      '/open311/v2/requests.json',
      await agg.call('GET', '/open311/v2/requests.json?status=maybe', undefined, null)
    );
  });

  test('ops: healthz, readyz, metrics, this document', async () => {
    check('GET', '/healthz', await agg.call('GET', '/healthz', undefined, null));
    check('GET', '/readyz', await agg.call('GET', '/readyz', undefined, null));
    const metrics = await agg.call('GET', '/metrics', undefined, null);
    assert.equal(metrics.headers.get('content-type')?.split(';')[0], 'text/plain');
    check('GET', '/metrics', metrics);
    check('GET', '/v1/openapi.json', await agg.call('GET', '/v1/openapi.json', undefined, null));
  });

  test('ops: the quarantine list (200, 400, 401, 403)', async () => {
    await agg.db.pool.query(
      `INSERT INTO job_quarantine (job, request_id, error) SELECT 'rollups', id, 'a test row' FROM requests ORDER BY id LIMIT 1`
    );
    const listed = await agg.call('GET', '/v1/ops/quarantine?limit=5', undefined, agg.tokens.read);
    assert.equal(listed.status, 200, listed.text);
    assert.equal(listed.body.rows.length, 1);
    check('GET', '/v1/ops/quarantine', listed);
    check('GET', '/v1/ops/quarantine', await agg.call('GET', '/v1/ops/quarantine?limit=x', undefined, agg.tokens.read));
    check('GET', '/v1/ops/quarantine', await agg.call('GET', '/v1/ops/quarantine', undefined, null));
    check('GET', '/v1/ops/quarantine', await agg.call('GET', '/v1/ops/quarantine', undefined, agg.tokens.ingest));
  });

  test('POST /v1/query: 422 when a limit is passed (an instance with a call budget of one value)', async () => {
    const tight = await startServer(
      { port: 0, host: '127.0.0.1', tokenCacheMs: 0, jobs: 'off', queryMaxCallPoints: 1 },
      agg.db.url
    );
    try {
      const res = await fetch(`${tight.url}/v1/query`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agg.tokens.read}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          from: Date.now() - 86_400_000,
          to: Date.now(),
          targets: [
            { refId: 'A', metric: 'received' },
            { refId: 'B', metric: 'closed' },
          ],
        }),
      });
      const text = await res.text();
      assert.equal(res.status, 422, text);
      check('POST', '/v1/query', { status: res.status, body: JSON.parse(text), headers: res.headers, text });
    } finally {
      await tight.close();
    }
  });
});
