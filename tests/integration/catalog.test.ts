/**
 * @jest-environment ./tests/jest/jsdom-with-node-fetch.js
 */
// GET /v1/catalog against real PostGIS, and the datasource's own code (in Node, through a stand-in for Grafana's data
// proxy that adds the read token) against that aggregator: the document's scope and caching; the plugin's compiled copy
// equals the served metrics and dimensions (so they cannot drift); every dimension's values are the codes the variables
// route lists; a topic added with `services360 config apply` is in the next document, in `$topic` variables and in the
// editor's topic picker, with no plugin rebuild; a retired topic is flagged and left out of the picker.
// What the plugin project's setupFiles give its tests (matchMedia, canvas, Grafana's boot data), first: the plugin
// code below needs them as it loads.
import '../../src/test-support/jsdom-globals.ts';
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { FALLBACK_DEFINITIONS } from '../../src/datasource/catalog/fallback.ts';

// Loaded after the globals above: a CommonJS module statically imported is run before any ES module body.
const { setBackendSrv, setTemplateSrv } = await import('@grafana/runtime');
import { from } from 'rxjs';
/** What this test uses of the datasource (imported by a path in a variable: its editors are TSX, which this
 *  project's Node type-check does not compile; src/tsconfig.json checks them). */
type Datasource = {
  catalog: { get(): Promise<{ version: string }>; invalidate(): void };
  metricFindQuery(query: unknown): Promise<Array<{ value?: string | number; text: string }>>;
  dimensionOptions(
    dimension: string,
    language: string | undefined,
    search?: string
  ): Promise<Array<{ value?: string; label?: string }>>;
};
const DATASOURCE_MODULE = '../../src/datasource/datasource.ts';
const { S360DataSource } = (await import(DATASOURCE_MODULE)) as {
  S360DataSource: new (settings: unknown) => Datasource;
};
import { TestTemplateSrv } from '../../src/test-support/template-srv.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const PROXY = '/api/datasources/proxy/uid/services360-requests';
const NEW_TOPIC = {
  code: 'waste.graffiti',
  name: { en: 'Graffiti on a wall', ar: 'كتابات على الجدران' },
  department: 'waste',
  default_priority: 'low',
};

type Values = Array<{ value: string; text: string }>;
let agg: TestAggregator;

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  // Grafana's data proxy: the plugin route `aggregator` → the aggregator, with the read token added (plugin.json).
  setBackendSrv({
    fetch(options: { method: string; url: string; data?: unknown }) {
      const path = options.url.replace(`${PROXY}/aggregator`, '');
      return from(
        (async () => {
          const res = await fetch(agg.url + path, {
            method: options.method,
            headers: { authorization: `Bearer ${agg.tokens.read}`, 'content-type': 'application/json' },
            body: options.data === undefined ? undefined : JSON.stringify(options.data),
          });
          // Parsed here, not by res.json(): Node's fetch would build the body from Node's Object and Array, not this
          // (jsdom) realm's, and a strict deepEqual with a literal fails on the prototype alone.
          const text = await res.text();
          let data: unknown;
          try {
            data = JSON.parse(text);
          } catch {
            data = undefined;
          }
          if (!res.ok) {
            throw { status: res.status, data, statusText: res.statusText, config: options };
          }
          return {
            data,
            status: res.status,
            ok: true,
            statusText: 'OK',
            headers: res.headers,
            redirected: false,
            type: 'basic',
            url: options.url,
            config: options,
          };
        })()
      );
    },
  } as never);
  setTemplateSrv(new TestTemplateSrv([]) as never);
});
afterAll(async () => {
  await agg?.stop();
});

const datasource = (): Datasource =>
  new S360DataSource({
    id: 1,
    uid: 'services360-requests',
    type: 'services360-requests-datasource',
    name: 'Services 360',
    url: PROXY,
    access: 'proxy',
    readOnly: true,
    jsonData: { url: agg.url, defaultLanguage: 'en' },
    meta: { id: 'services360-requests-datasource', name: 'Services 360 requests', type: 'datasource', info: {} },
  } as never);

async function catalog() {
  const res = await agg.call('GET', '/v1/catalog', undefined, agg.tokens.read);
  assert.equal(res.status, 200, res.text);
  return res;
}

/** `services360 config apply FILE` on the test database, the way a city applies its file. */
async function configApply(file: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 's360-catalog-'));
  writeFileSync(join(dir, 'city.yaml'), stringify(file));
  const run = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'bin/services360.js'), 'config', 'apply', join(dir, 'city.yaml')],
    { env: { ...process.env, DATABASE_URL: agg.db.url }, cwd: ROOT }
  );
  return run.stdout;
}
const dubai = () => parse(readFileSync(join(ROOT, 'config/cities/dubai.yaml'), 'utf8'));

describe('GET /v1/catalog', () => {
  test('scope read; a strong ETag that is the version; private, no-cache; 304 on If-None-Match; no parameters', async () => {
    const res = await catalog();
    assert.equal(res.headers.get('etag'), `"catalog-${res.body.version}"`);
    assert.equal(res.headers.get('cache-control'), 'private, no-cache');
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const again = await agg.call('GET', '/v1/catalog', undefined, agg.tokens.read, {
      'if-none-match': res.headers.get('etag')!,
    });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
    assert.equal((await agg.call('GET', '/v1/catalog', undefined, null)).status, 401);
    assert.equal((await agg.call('GET', '/v1/catalog', undefined, agg.tokens.ingest)).status, 403);
    const unknown = await agg.call('GET', '/v1/catalog?language=ar', undefined, agg.tokens.read);
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.details[0].path, 'query.language');
  });

  test("the plugin's compiled copy is the served metrics and dimensions, to the letter", async () => {
    const { body } = await catalog();
    assert.deepEqual({ metrics: body.metrics, dimensions: body.dimensions }, FALLBACK_DEFINITIONS);
  });

  test("the city's time zone and languages; each dimension's values are the codes GET /v1/variables lists, with its names", async () => {
    const { body } = await catalog();
    assert.equal(body.time_zone, 'Asia/Dubai');
    assert.deepEqual(body.languages, ['en', 'ar']);
    assert.ok(body.values.zone.length > 0, "the grid's zones");
    for (const { code } of body.dimensions) {
      for (const language of ['en', 'ar'] as const) {
        const listed = await agg.call('GET', `/v1/variables/${code}?language=${language}`, undefined, agg.tokens.read);
        assert.equal(listed.status, 200, listed.text);
        const served = new Map(
          body.values[code].map((v: { code: string; name_en: string; name_ar: string }) => [
            v.code,
            language === 'ar' ? v.name_ar : v.name_en,
          ])
        );
        assert.deepEqual(
          new Map((listed.body.values as Values).map((v) => [v.value, v.text])),
          served,
          `${code} in ${language}`
        );
      }
    }
  });
});

describe('a topic added with config apply reaches Grafana without a plugin rebuild', () => {
  test("in the next document (a new version), in $topic variables and in the editor's topic picker", async () => {
    const before = await catalog();
    const open = datasource(); // a dashboard opened before the change
    assert.equal((await open.catalog.get()).version, before.body.version);
    assert.equal(
      (await open.metricFindQuery('topic')).some((v) => v.value === NEW_TOPIC.code),
      false
    );

    const city = dubai();
    city.topics.push(NEW_TOPIC);
    assert.match(await configApply(city), /\+ topics waste\.graffiti/);

    const after = await catalog();
    assert.notEqual(after.body.version, before.body.version);
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
    assert.equal(
      (
        await agg.call('GET', '/v1/catalog', undefined, agg.tokens.read, {
          'if-none-match': before.headers.get('etag')!,
        })
      ).status,
      200
    );
    assert.deepEqual(
      after.body.values.topic.find((t: { code: string }) => t.code === NEW_TOPIC.code),
      { code: NEW_TOPIC.code, name_en: NEW_TOPIC.name.en, name_ar: NEW_TOPIC.name.ar }
    );

    // Every $topic variable (the variable support, as a dashboard refreshes it), in English and Arabic.
    assert.ok(
      (await open.metricFindQuery('topic')).some((v) => v.value === NEW_TOPIC.code && v.text === NEW_TOPIC.name.en)
    );
    assert.ok(
      (
        await open.metricFindQuery({
          refId: 'v',
          dimension: 'topic',
          language: 'ar',
          filters: { department: ['waste'] },
        })
      ).some((v) => v.value === NEW_TOPIC.code && v.text === NEW_TOPIC.name.ar)
    );
    // The editor's topic picker: the catalogue asked again (an editor opened later, or past the store's TTL).
    const editor = datasource();
    assert.deepEqual(
      (await editor.dimensionOptions('topic', 'ar', 'graffiti')).map((o) => [o.value, o.label]),
      [[NEW_TOPIC.code, NEW_TOPIC.name.ar]]
    );
    open.catalog.invalidate();
    assert.ok((await open.dimensionOptions('topic', 'en')).some((o) => o.value === NEW_TOPIC.code));
  });

  test('a topic the file drops while requests use it is retired: flagged in the document, left out of the picker', async () => {
    const created = await agg.call('POST', '/v1/requests', sampleRequest({ topic: NEW_TOPIC.code }), agg.tokens.ingest);
    assert.equal(created.status, 201, created.text);
    assert.match(await configApply(dubai()), /- topics waste\.graffiti: retire/);
    const { body } = await catalog();
    assert.equal(body.values.topic.find((t: { code: string }) => t.code === NEW_TOPIC.code)?.retired, true);
    const options = await datasource().dimensionOptions('topic', 'en');
    assert.equal(
      options.some((o) => o.value === NEW_TOPIC.code),
      false
    );
    assert.ok(options.length > 0);
  });
});
