// Every plugin.json in src/ against Grafana's plugin.json schema, and against this project's contract
// (ids, nesting, the datasource route, the supported Grafana versions).
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pluginJsonProblems } from './plugin-schema.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const SOURCES = ['src/plugin.json', 'src/datasource/plugin.json', 'src/panel/plugin.json'];

describe('plugin.json files', () => {
  for (const path of SOURCES) {
    test(`${path} is valid against Grafana's plugin.json schema`, () => {
      assert.deepEqual(pluginJsonProblems(read(path)), []);
    });
  }

  test('the schema check does catch mistakes (a wrong type, a missing logo, an unknown key)', () => {
    const app = read('src/plugin.json');
    assert.notDeepEqual(pluginJsonProblems({ ...app, type: 'application' }), []);
    assert.notDeepEqual(pluginJsonProblems({ ...app, info: { ...app.info, logos: { small: 'img/logo.svg' } } }), []);
    assert.notDeepEqual(pluginJsonProblems({ ...app, extra: true }), []);
  });

  test("ids, types and the supported Grafana versions are the contract's", () => {
    const [app, ds, panel] = SOURCES.map(read);
    assert.deepEqual([app.id, app.type], ['services360-app', 'app']);
    assert.deepEqual([ds.id, ds.type], ['services360-requests-datasource', 'datasource']);
    assert.deepEqual([panel.id, panel.type], ['services360-zonemap-panel', 'panel']);
    for (const p of [app, ds, panel]) {
      assert.equal(p.dependencies.grafanaDependency, '>=13.2.0', p.id);
      assert.equal(p.info.version, '%VERSION%', `${p.id} is stamped at build time`);
      assert.equal(p.info.updated, '%TODAY%', `${p.id} is stamped at build time`);
    }
  });

  test('the app includes the datasource and the panel by their names', () => {
    const [app, ds, panel] = SOURCES.map(read);
    assert.deepEqual(
      app.includes
        .filter((i: { type: string }) => i.type === 'datasource' || i.type === 'panel')
        .map((i: { type: string; name: string }) => [i.type, i.name]),
      [
        ['datasource', ds.name],
        ['panel', panel.name],
      ]
    );
  });

  test('the datasource: frontend only, metrics and annotations, no alerting, and the aggregator route that injects the token', () => {
    const ds = read('src/datasource/plugin.json');
    assert.deepEqual([ds.backend, ds.metrics, ds.annotations, ds.alerting], [false, true, true, false]);
    assert.deepEqual(ds.routes, [
      {
        path: 'aggregator',
        url: '{{ .JsonData.url }}',
        headers: [{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.apiToken }}' }],
      },
    ]);
  });
});
