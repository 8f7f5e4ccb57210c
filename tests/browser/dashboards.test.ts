// Every zone map panel of the provisioned dashboards (provisioning/dashboards/services360/*.json), rendered in
// the plugin host in real Chromium from the dashboard JSON as provisioned, with its provisioned datasource,
// against a real aggregator with a month of the demo city: the zones drawn and coloured from the panel's own
// query, hot spots where the panel asks for them, no panel error and no console error.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { startBrowserEnv, unexpectedErrors, type BrowserEnv } from '../support/browser.ts';
import { ROOT_DIR } from '../host/webpack.config.ts';
import { MAP, NOW, provisionedMaps, rangeOf, seedDashboardCity } from './zonemap-harness/provisioned.ts';
import { mapCounts, waitForMap } from './zonemap-harness/support.ts';

const MAPS = provisionedMaps();

let env: BrowserEnv;
let zonesInCity = 0;

beforeAll(async () => {
  if (!existsSync(join(ROOT_DIR, 'dist/panel/module.js'))) {
    throw new Error('dist/panel/module.js is missing: run npm run build first');
  }
  env = await startBrowserEnv();
  await seedDashboardCity(env.aggregator!.db.pool, NOW, { forecasts: true });
  zonesInCity = (await env.aggregator!.db.pool.query('SELECT count(*)::int AS n FROM zones')).rows[0].n;
});
afterAll(async () => {
  await env?.stop();
});

describe('the zone map panels of the provisioned dashboards', () => {
  test('there are map panels on the executive, zones and categories dashboards', () => {
    assert.deepEqual([...new Set(MAPS.map(({ d }) => d.uid))].sort(), [
      's360-categories',
      's360-executive',
      's360-proactive',
      's360-zones',
    ]);
    assert.ok(MAPS.length >= 4, `${MAPS.length} map panels`);
  });

  for (const { d, p } of MAPS) {
    test(`${d.uid} panel ${p.id} "${p.title}" renders with its provisioned datasource, coloured, without errors`, async () => {
      const hp = await env.newPage();
      await hp.open(`/d/${d.uid}`);
      const width = Math.round((p.gridPos.w / 24) * 1600);
      const height = p.gridPos.h * 36;
      const state = await hp.page.evaluate(([dash, id, opts]) => window.__host.renderPanel(dash, id, opts), [
        d,
        p.id,
        { width, height, timeRange: rangeOf(d, p) },
      ] as const);
      assert.equal(state.type, MAP);
      await waitForMap(hp.page, Math.min(zonesInCity, 300));

      const panel = await hp.page.evaluate((id) => window.__host.panel(id), p.id);
      assert.ok(panel, 'the host reports the panel');
      assert.deepEqual(panel!.errors, [], 'no panel error');
      assert.equal(panel!.state, 'Done');
      const zoneFrame = panel!.series.find((s) => s.fields.some((f) => f.name === 'zone_code'));
      assert.ok(zoneFrame && zoneFrame.length > 50, `a frame of zones with data (${zoneFrame?.length})`);
      const sent = await hp.page.evaluate(() => window.__host.requests.map((r) => r.url));
      assert.ok(
        sent.some((u) => u.startsWith(`api/datasources/proxy/uid/${p.options?.datasourceUid}/aggregator/v1/query`)),
        'queried through its provisioned datasource'
      );
      assert.ok(
        sent.some((u) => u.includes('/aggregator/v1/zones.geojson')),
        'zones read through the datasource'
      );

      const counts = await mapCounts(hp.page);
      console.info(`zones ${counts.zones}, coloured ${counts.coloured}, layers ${JSON.stringify(counts.layers)}`);
      assert.equal(counts.zones, zonesInCity, 'every zone drawn');
      assert.ok(counts.coloured > 50, `${counts.coloured} zones coloured by their value`);
      if (p.options?.hotspots?.enabled) {
        assert.ok((counts.layers.hotspots ?? 0) > 0, `hot spots drawn (${JSON.stringify(counts.layers)})`);
      }

      assert.deepEqual(unexpectedErrors(hp.errors), []);
      assert.deepEqual(await hp.page.evaluate(() => window.__host.consoleErrors), []);
      await hp.page.close();
    });
  }
});
