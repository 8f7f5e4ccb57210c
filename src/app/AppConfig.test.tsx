import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';

import { render, settle, createElement } from '../test-support/render.ts';
import { setDataSourceSrv, config } from '@grafana/runtime';
import { AppConfig } from './AppConfig.tsx';

describe('AppConfig', () => {
  test('checks the provisioned datasource and lists what is installed', async () => {
    const asked: unknown[] = [];
    setDataSourceSrv({
      get: async (ref: unknown) => {
        asked.push(ref);
        return {
          testDatasource: async () => ({ status: 'success', message: 'Connected as grafana with scopes read.' }),
        };
      },
    } as never);
    Object.assign(config, {
      panels: { 'services360-zonemap-panel': { id: 'services360-zonemap-panel' } },
      datasources: {
        S360: { name: 'S360', type: 'services360-requests-datasource' },
        Other: { name: 'Other', type: 'prometheus' },
      },
    });
    const r = await render(
      createElement(AppConfig as never, { plugin: { meta: { info: { version: '0.1.0' }, enabled: true } }, query: {} })
    );
    await settle(10);
    const text = r.container.textContent ?? '';
    assert.deepEqual(asked, [{ uid: 'services360-requests' }]);
    assert.match(text, /Connected as grafana with scopes read\./);
    assert.match(text, /Services 360 requests services360-requests-datasourcedatasourceinstalled — data sources: S360/);
    assert.match(text, /Services 360 zone map services360-zonemap-panelpanelinstalled/);
    await r.unmount();
  });

  test('a missing provisioned datasource is said plainly', async () => {
    setDataSourceSrv({
      get: async () => {
        throw new Error('Datasource not found');
      },
    } as never);
    const r = await render(
      createElement(AppConfig as never, { plugin: { meta: { info: { version: '0.1.0' } } }, query: {} })
    );
    await settle(10);
    assert.match(r.container.textContent ?? '', /No data source with uid "services360-requests"/);
    await r.unmount();
  });
});
