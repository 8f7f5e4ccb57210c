// The plugin host itself, proven with its fixture plugins (tests/host/fixtures) in real Chromium against the
// real aggregator: SystemJS loading with Grafana's shared modules, the datasource proxy injecting the secret,
// options defaults and field config in a panel rendered in PanelChrome, variables, editors.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';

import {
  startBrowserEnv,
  unexpectedErrors,
  closedPortUrl,
  type BrowserEnv,
  type HostPage,
} from '../support/browser.ts';

const DS = 's360fixture-echo';
let env: BrowserEnv;
let hp: HostPage;

beforeAll(async () => {
  env = await startBrowserEnv({ fixtures: true });
  hp = await env.newPage();
  await hp.open();
});
afterAll(async () => {
  await env?.stop();
});

const dashboard = {
  uid: 'host-fixture',
  title: 'Host fixture',
  time: { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' },
  templating: {
    list: [
      {
        name: 'zone',
        type: 'custom',
        multi: false,
        includeAll: false,
        current: { text: 'G1', value: 'G1' },
        options: [
          { text: 'G1', value: 'G1' },
          { text: 'G2', value: 'G2' },
        ],
      },
    ],
  },
  panels: [
    {
      id: 7,
      type: 's360fixture-hello-panel',
      title: 'Zone ${zone}',
      datasource: { uid: DS, type: 's360fixture-echo-datasource' },
      targets: [{ refId: 'A', text: 'zone $zone', value: 20 }],
      fieldConfig: {
        defaults: {
          thresholds: {
            mode: 'absolute',
            steps: [
              { value: null, color: 'green' },
              { value: 30, color: 'red' },
            ],
          },
        },
        overrides: [],
      },
    },
  ],
};

describe('plugin host', () => {
  test('loads the fixture plugins through SystemJS with no console error', async () => {
    const panel = await hp.page.evaluate(() => window.__host.loadPlugin('s360fixture-hello-panel'));
    assert.equal(panel.type, 'panel');
    assert.equal(panel.pluginClass, 'PanelPlugin');
    const ds = await hp.page.evaluate(() => window.__host.loadPlugin('s360fixture-echo-datasource'));
    assert.equal(ds.pluginClass, 'DataSourcePlugin');
    assert.deepEqual(hp.errors, []);
    assert.deepEqual(await hp.page.evaluate(() => window.__host.consoleErrors), []);
  });

  test("shares Grafana's modules under package: ids through the import map", async () => {
    const imports = await hp.page.evaluate(
      () => (window as any).System.getImportMap().imports as Record<string, string>
    );
    for (const name of [
      'react',
      'react/jsx-runtime',
      'react-dom',
      '@grafana/data',
      '@grafana/ui',
      '@grafana/runtime',
      'rxjs',
      'lodash',
      'moment',
      'i18next',
    ]) {
      assert.match(imports[name] ?? '', new RegExp(`^package:${name.replace(/[/]/g, '\\/')}$`), name);
    }
  });

  test('testDatasource goes through the proxy route, which adds the token the browser never sees', async () => {
    const result = await hp.page.evaluate((uid) => window.__host.testDatasource(uid), DS);
    assert.deepEqual(result, { status: 'success', message: 'Connected as test-read (read)' });
    const requests = await hp.page.evaluate(() => window.__host.requests);
    const whoami = requests.find((r) => r.url.endsWith('/aggregator/v1/whoami'));
    assert.ok(whoami, JSON.stringify(requests));
    assert.equal(whoami.url, `api/datasources/proxy/uid/${DS}/aggregator/v1/whoami`);
    assert.equal(whoami.status, 200);
    assert.equal(
      Object.keys(whoami.headers).some((h) => h.toLowerCase() === 'authorization'),
      false
    );
    const html = await hp.page.content();
    assert.equal(html.includes(env.aggregator!.tokens.read), false, 'the token reached the page');
    assert.equal(env.host.proxyLog.at(-1)?.target, `${env.aggregator!.url}/v1/whoami`);
  });

  test('a wrong token and a dead aggregator reach the datasource as HTTP errors', async () => {
    env.setEnv({ S360_API_TOKEN: 's360_wrong' });
    const page = await env.newPage();
    await page.open();
    const wrong = await page.page.evaluate((uid) => window.__host.testDatasource(uid), DS);
    assert.equal(wrong.status, 'error');
    assert.match(wrong.message, /^HTTP 401: /);

    env.setEnv({ S360_AGGREGATOR_URL: await closedPortUrl() });
    await page.open();
    const down = await page.page.evaluate((uid) => window.__host.testDatasource(uid), DS);
    assert.deepEqual(down, { status: 'error', message: 'HTTP 502: Bad Gateway' });
    assert.deepEqual(unexpectedErrors(page.errors, [/status of 401/, /status of 502/]), []);
    env.setEnv({});
    await page.page.close();
  });

  test('renders a panel with its option defaults, field config and thresholds inside PanelChrome', async () => {
    const state = await hp.page.evaluate(
      (d) => window.__host.renderPanel(d, 7, { width: 600, height: 300 }),
      dashboard
    );
    assert.equal(state.state, 'Done', JSON.stringify(state.errors));
    assert.equal(state.options.greeting, 'Hello ${zone}');
    assert.equal(state.options.mode, 'last');
    const panel = hp.page.locator(`${state.selector} [data-testid="hello-panel"]`);
    await panel.waitFor();
    assert.equal(await panel.getByTestId('greeting').textContent(), 'Hello G1');
    assert.equal(await panel.getByTestId('value').textContent(), '40.0%');
    assert.equal(await panel.getByTestId('value').getAttribute('data-color'), '#F2495C'); // red in the dark theme
    assert.equal(await hp.page.locator(state.selector).getByRole('heading', { name: 'Zone G1' }).count(), 1);
    assert.deepEqual(hp.errors, []);
  });

  test("a click that sets a variable is seen by the host and re-runs the panel's queries", async () => {
    const before = await hp.page.evaluate(() => window.__host.panel(7)!.queries);
    await hp.page.getByTestId('set-variable').click();
    await hp.page.waitForFunction(
      (n) => window.__host.panel(7)!.queries > n && window.__host.panel(7)!.state === 'Done',
      before
    );
    assert.deepEqual(await hp.page.evaluate(() => window.__host.variables.get()), { zone: 'G2' });
    assert.match((await hp.page.evaluate(() => window.__host.location())).search, /var-zone=G2/);
    assert.equal(await hp.page.getByTestId('greeting').textContent(), 'Hello G2');
  });

  test('a query gets $__interval, maxDataPoints, $__from and the dashboard variables interpolated', async () => {
    const result = await hp.page.evaluate(
      (uid) =>
        window.__host.query(uid, [{ refId: 'A', text: 'from ${__from} zone $zone', value: 3 }], {
          from: '2026-11-01T00:00:00Z',
          to: '2026-11-02T00:00:00Z',
          maxDataPoints: 24,
        }),
      DS
    );
    assert.deepEqual(result.errors, []);
    assert.equal(result.request.intervalMs, 3600_000);
    assert.equal(result.frames[0].name, `from ${Date.parse('2026-11-01T00:00:00Z')} zone G2`); // the variable the click above set
    const interval = result.frames[0].fields.find((f) => f.name === 'interval')!;
    assert.deepEqual(interval.values, ['1h', '24']);
  });

  test('the query editor renders and a change of metric reaches the query', async () => {
    const view = await hp.page.evaluate(
      (uid) => window.__host.renderQueryEditor(uid, { refId: 'A', metric: 'received' }),
      DS
    );
    const editor = hp.page.locator(view.selector);
    await editor.locator('#echo-metric').click();
    await hp.page.getByRole('option', { name: 'Closed' }).click();
    const after = await hp.page.evaluate(() => window.__host.queryEditor()!);
    assert.equal(after.current.metric, 'closed');
    assert.equal(after.runs, 1);
  });

  test('the config editor shows the URL and that the token is set, without the token', async () => {
    const view = await hp.page.evaluate((uid) => window.__host.renderConfigEditor(uid), DS);
    const editor = hp.page.locator(view.selector);
    assert.equal(await editor.locator('#echo-url').inputValue(), env.aggregator!.url);
    assert.equal(await editor.locator('#echo-token').inputValue(), 'configured');
    assert.equal((await hp.page.content()).includes(env.aggregator!.tokens.read), false);
  });

  test('a legacy variable query (metricFindQuery) lists values', async () => {
    const values = await hp.page.evaluate((uid) => window.__host.variableQuery(uid, 'scopes'), DS);
    assert.deepEqual(values, [{ text: 'read', value: 'read' }]);
  });

  test('serves @grafana/ui icons where Grafana does', async () => {
    const res = await hp.page.request.get(`${env.host.url}/public/build/img/icons/unicons/filter.svg`);
    assert.equal(res.status(), 200);
    assert.match(await res.text(), /<svg/);
    assert.deepEqual(hp.errors, []);
  });
});
