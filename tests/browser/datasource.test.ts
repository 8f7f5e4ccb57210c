// The built Services 360 datasource (dist/datasource) in the plugin host, in real Chromium, against the real
// aggregator on real PostGIS, through the provisioned datasources and the host's datasource proxy.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';

import type { QueryResult, SerializedFrame } from '../host/api.ts';
import {
  closedPortUrl,
  startBrowserEnv,
  unexpectedErrors,
  type BrowserEnv,
  type HostPage,
} from '../support/browser.ts';
import { seedCity, type SeededCity } from './seed-city.ts';

const DS = 'services360-requests';
const PLUGINS = ['services360-app', 'services360-requests-datasource', 'services360-zonemap-panel'];
// The HTTP errors a failing check makes the browser log ("Failed to load resource: ... status of 401").
const EXPECTED_HTTP_ERRORS = [/Failed to load resource: the server responded with a status of (401|403|502)/];

let env: BrowserEnv;
let hp: HostPage;
let city: SeededCity;

beforeAll(async () => {
  env = await startBrowserEnv();
  city = await seedCity(env.aggregator!);
  hp = await env.newPage();
  await hp.open();
});
afterAll(async () => {
  await env?.stop();
});

/** A page on a host re-provisioned with `changes` to the environment. */
async function pageWith(changes: Record<string, string>): Promise<HostPage> {
  env.setEnv(changes);
  const page = await env.newPage();
  await page.open();
  return page;
}

describe('Services 360 datasource in the plugin host', () => {
  test('the built app, datasource and panel load without console errors', async () => {
    for (const id of PLUGINS) {
      const loaded = await hp.page.evaluate((pluginId) => window.__host.loadPlugin(pluginId), id);
      assert.ok(loaded.pluginClass, `${id} exports no plugin: ${JSON.stringify(loaded)}`);
    }
    await hp.page.evaluate((uid) => window.__host.datasource(uid), DS);
    assert.deepEqual(hp.errors, []);
    assert.deepEqual(await hp.page.evaluate(() => window.__host.consoleErrors), []);
  });

  test('testDatasource() succeeds with the provisioned read token', async () => {
    const result = await hp.page.evaluate((uid) => window.__host.testDatasource(uid), DS);
    assert.equal(result.status, 'success', result.message);
    assert.match(result.message, /test-read/);
    const sent = await hp.page.evaluate(() => window.__host.requests.filter((r) => r.url.includes('/v1/whoami')));
    assert.ok(sent.length > 0);
    for (const r of sent) {
      assert.match(r.url, new RegExp(`^api/datasources/proxy/uid/${DS}/aggregator/v1/whoami`));
      assert.equal(
        Object.keys(r.headers).some((h) => h.toLowerCase() === 'authorization'),
        false,
        'the browser sent a token'
      );
    }
    assert.equal((await hp.page.content()).includes(env.aggregator!.tokens.read), false, 'the token reached the page');
  });

  test('a wrong token gives a plain message', async () => {
    const page = await pageWith({ S360_API_TOKEN: 's360_this-token-does-not-exist' });
    const result = await page.page.evaluate((uid) => window.__host.testDatasource(uid), DS);
    assert.equal(result.status, 'error');
    assert.match(result.message, /rejected the API token/);
    assertPlain(result.message);
    assert.deepEqual(unexpectedErrors(page.errors, EXPECTED_HTTP_ERRORS), []);
    await page.page.close();
  });

  test('a token without the read scope gives a plain message', async () => {
    const page = await pageWith({ S360_API_TOKEN: env.aggregator!.tokens.ingest });
    const result = await page.page.evaluate((uid) => window.__host.testDatasource(uid), DS);
    assert.equal(result.status, 'error');
    assert.match(result.message, /"read" scope/);
    assertPlain(result.message);
    assert.deepEqual(unexpectedErrors(page.errors, EXPECTED_HTTP_ERRORS), []);
    await page.page.close();
  });

  test('the aggregator down gives a plain message', async () => {
    const page = await pageWith({ S360_AGGREGATOR_URL: await closedPortUrl() });
    const result = await page.page.evaluate((uid) => window.__host.testDatasource(uid), DS);
    assert.equal(result.status, 'error');
    assert.match(result.message, /Cannot reach the Services 360 aggregator/);
    assertPlain(result.message);
    assert.deepEqual(unexpectedErrors(page.errors, EXPECTED_HTTP_ERRORS), []);
    env.setEnv({});
    await page.page.close();
  });

  for (const language of ['en', 'ar'] as const) {
    test(`a variable query lists every zone in ${language === 'en' ? 'English' : 'Arabic'}`, async () => {
      const values = await hp.page.evaluate(
        ({ uid, language }) =>
          window.__host.variableQuery(uid, { refId: 'zone', dimension: 'zone', language, filters: {} }),
        { uid: DS, language }
      );
      const direct = await env.aggregator!.call(
        'GET',
        `/v1/variables/zone?language=${language}`,
        undefined,
        env.aggregator!.tokens.read
      );
      assert.equal(direct.status, 200, direct.text);
      assert.deepEqual(
        values,
        direct.body.values.map((v: { value: string; text: string }) => ({ text: v.text, value: String(v.value) }))
      );
      const { rows } = await env.aggregator!.db.pool.query<{ code: string; name: string }>(
        `SELECT code, ${language === 'en' ? 'name_en' : 'name_ar'} AS name FROM zones`
      );
      assert.equal(values.length, city.zones, `expected all ${city.zones} zones (${city.source})`);
      const names = new Map(rows.map((r) => [r.code, r.name]));
      for (const v of values) {
        assert.equal(v.text, names.get(String(v.value)), `zone ${v.value}`);
      }
      if (language === 'ar') {
        assert.ok(
          values.every((v) => /[\u0600-\u06FF]/.test(v.text)),
          'an Arabic name has no Arabic letter'
        );
      }
    });
  }

  const METRICS = [
    'received',
    'closed',
    'backlog',
    'on_time_pct',
    'first_response_on_time_pct',
    'first_response_median',
    'first_response_p90',
    'resolution_median',
    'resolution_p90',
    'progress_mean',
    'received_per_10k',
    'satisfaction_mean',
    'sla_warnings',
    'sla_breaches',
    'recurring_topics',
    'hotspots',
  ];
  const TABLE_ONLY = ['recurring_topics', 'hotspots'];
  const cases = METRICS.flatMap((metric) =>
    TABLE_ONLY.includes(metric)
      ? [
          { metric, format: 'table', groupBy: [] as string[], language: 'en' },
          { metric, format: 'table', groupBy: [] as string[], language: 'ar' },
        ]
      : [
          { metric, format: 'time_series', groupBy: [] as string[], language: 'en' },
          { metric, format: 'table', groupBy: ['channel'], language: 'ar' },
        ]
  );

  const withData = new Set<string>();
  for (const c of cases) {
    test(`${c.metric} (${c.format}${c.groupBy.length ? ` by ${c.groupBy}` : ''}, ${c.language}) gives the frames POST /v1/query gives`, async () => {
      const target = {
        refId: 'A',
        queryType: 'metrics',
        metric: c.metric,
        groupBy: c.groupBy,
        filters: {},
        format: c.format,
        language: c.language,
        schemaVersion: 1,
      };
      const before = await hp.page.evaluate(() => window.__host.requests.length);
      const result: QueryResult = await hp.page.evaluate(
        ({ uid, target, from, to }) => window.__host.query(uid, [target], { from, to, maxDataPoints: 120 }),
        { uid: DS, target, from: city.from, to: city.to }
      );
      assert.deepEqual(result.errors, []);
      const posted = (await hp.page.evaluate((n) => window.__host.requests.slice(n), before)).filter((r) =>
        r.url.endsWith('/aggregator/v1/query')
      );
      assert.equal(posted.length, 1, 'one POST /v1/query');
      const body = JSON.parse(posted[0].body!);
      // The datasource asked for what the panel asked for…
      assert.equal(Date.parse(body.from), Date.parse(city.from));
      assert.equal(Date.parse(body.to), Date.parse(city.to));
      assert.equal(body.maxDataPoints, 120);
      assert.equal(
        body.intervalMs >= result.request.intervalMs,
        true,
        `intervalMs ${body.intervalMs} below the panel's ${result.request.intervalMs}`
      );
      assert.deepEqual(
        body.targets.map((t: any) => ({
          metric: t.metric,
          format: t.format,
          groupBy: t.groupBy ?? [],
          language: t.language,
        })),
        [{ metric: c.metric, format: c.format, groupBy: c.groupBy, language: c.language }]
      );
      // …and its frames hold what the aggregator answers to that request.
      const direct = await env.aggregator!.call('POST', '/v1/query', body, env.aggregator!.tokens.read);
      assert.equal(direct.status, 200, direct.text);
      assert.equal(direct.body.results.A.error, undefined, direct.body.results.A.error);
      assert.deepEqual(result.frames.map(comparable), direct.body.results.A.frames.map(comparable));
      if (
        result.frames.some((f) =>
          f.fields.some((x) => x.type === 'number' && x.values.some((v) => typeof v === 'number' && v !== 0))
        )
      ) {
        withData.add(`${c.metric}/${c.format}`);
      }
    });
  }

  test('the comparisons above were made on data, not on empty answers', () => {
    for (const key of ['received/time_series', 'received/table', 'backlog/time_series']) {
      assert.ok(withData.has(key), `${key} had no non-zero value`);
    }
    // The demo city has closed, late, rated and recurring requests: most metrics carry numbers there.
    if (city.source === 'demo') {
      assert.ok(withData.size >= cases.length / 2, `only ${[...withData].join(', ')} had non-zero values`);
    }
  });

  test('the query editor renders and a change of metric reaches the query', async () => {
    const view = await hp.page.evaluate(
      (uid) =>
        window.__host.renderQueryEditor(uid, {
          refId: 'A',
          queryType: 'metrics',
          metric: 'received',
          groupBy: [],
          filters: {},
          format: 'time_series',
          schemaVersion: 1,
        }),
      DS
    );
    const editor = hp.page.locator(view.selector);
    await editor.locator('#s360-metric-A').click();
    await hp.page.getByRole('option', { name: /Requests closed/ }).click();
    await hp.page.waitForFunction(() => window.__host.queryEditor()!.current.metric === 'closed');
    const state = await hp.page.evaluate(() => window.__host.queryEditor()!);
    assert.equal(state.current.metric, 'closed');
    assert.ok(state.runs >= 1, 'the change ran the query');
    assert.deepEqual(hp.errors, []);
  });
});

/** A frame as both sides can be compared: names, types, values (time as epoch ms), labels, unit, display name. */
function comparable(frame: SerializedFrame | any) {
  return {
    name: frame.name ?? undefined,
    fields: frame.fields.map((f: any) => ({
      name: f.name,
      type: f.type,
      values: f.type === 'time' ? f.values.map((v: unknown) => (typeof v === 'string' ? Date.parse(v) : v)) : f.values,
      labels: f.labels && Object.keys(f.labels).length ? f.labels : undefined,
      unit: f.config?.unit,
      displayName: f.config?.displayName,
    })),
  };
}

function assertPlain(message: string) {
  assert.doesNotMatch(message, /\[object|undefined|\bat \S+:\d+|Error:|\{"/, `not a plain message: ${message}`);
}
