// The zone map asks for the request tiles the aggregator says it serves: against an aggregator whose settings differ
// from the defaults (S360_TILE_MAX_ZOOM 14, S360_TILE_BIN_MAX_ZOOM 11), the panel reads the tiles' TileJSON through
// the datasource proxy and, zoomed in far, draws zoom-14 tiles overzoomed where the defaults would fetch zoom 16.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';

import { startBrowserEnv, unexpectedErrors, type BrowserEnv } from '../support/browser.ts';
import {
  assertPanelBuilt,
  dashboard,
  seedDemoCity,
  waitForMap,
  zoneProbes,
  type ZoneProbe,
} from './zonemap-harness/support.ts';

const END = Math.floor(Date.now() / 60_000) * 60_000;
const TIME = { from: new Date(END - 31 * 86_400_000).toISOString(), to: new Date(END).toISOString() };
const SERVED = { tileMaxZoom: 14, tileBinMaxZoom: 11 };
/** The zoom of the tiles requested (the `z` of /tiles/requests/{z}/{x}/{y}.mvt in the proxied path). */
const TILE_PATH = /\/aggregator\/v1\/tiles\/requests\/(\d+)\/\d+\/\d+\.mvt/;

let env: BrowserEnv;
let probes: ZoneProbe[];

beforeAll(async () => {
  assertPanelBuilt();
  env = await startBrowserEnv({ aggregatorConfig: SERVED });
  await seedDemoCity(env.aggregator!.db.pool, END, 1000);
  probes = await zoneProbes(env.aggregator!.db.pool);
});
afterAll(async () => {
  await env?.stop();
});

describe('request tile zooms from the aggregator', () => {
  test('with S360_TILE_MAX_ZOOM 14 the panel asks for no tile deeper than zoom 14, however far it zooms in', async () => {
    const hp = await env.newPage();
    await hp.open();
    const panel = {
      targets: [{ refId: 'A', metric: 'received', groupBy: ['zone'], filters: {}, format: 'table' }],
      options: { labels: { enabled: false }, hotspots: { enabled: false }, points: { enabled: true, source: 'tiles' } },
    };
    await hp.page.evaluate(([d, o]) => window.__host.renderPanel(d, 1, o), [
      dashboard(panel, TIME),
      { width: 1100, height: 760 },
    ] as const);
    await waitForMap(hp.page, probes.length);
    // The points layer's tile grid ends at the served zoom once the TileJSON is in.
    await hp.page.waitForFunction(
      `(() => {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'points'; });
      return layer.getSource().getTileGrid().getMaxZoom() === ${SERVED.tileMaxZoom};
    })()`,
      undefined,
      { timeout: 30_000 }
    );
    const tileJson = env.host.proxyLog.filter((e) => e.path.includes('/aggregator/v1/tiles/requests.json'));
    assert.ok(tileJson.length >= 1 && tileJson.every((e) => e.status === 200), JSON.stringify(tileJson));

    // View zoom 17.5 over the busiest zone: 512-px tiles of zoom 16 under the defaults; the served grid stops at 14.
    const before = env.host.proxyLog.length;
    const probe = probes[0];
    await hp.page.evaluate(`new Promise(function (resolve) {
      const el = document.querySelector('[data-testid="zonemap-map"]');
      const map = el.__zonemap.map;
      const R = 6378137;
      map.getView().setCenter([${probe.lon} * Math.PI * R / 180, R * Math.log(Math.tan(Math.PI / 4 + ${probe.lat} * Math.PI / 360))]);
      map.getView().setZoom(17.5);
      map.once('moveend', function () { map.once('rendercomplete', function () { resolve(null); }); });
    })`);
    const zooms = env.host.proxyLog
      .slice(before)
      .map((e) => TILE_PATH.exec(e.path)?.[1])
      .filter((z): z is string => !!z)
      .map(Number);
    assert.ok(zooms.length > 0, 'tiles were requested at the new view');
    assert.deepEqual([...new Set(zooms)], [SERVED.tileMaxZoom]);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });
});
