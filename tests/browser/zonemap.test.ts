// The zone map panel in real Chromium through the plugin host, against a real aggregator on PostGIS with a
// month of demo requests in the Dubai communities (or the generated city): colours seen on screen at zone
// interior points, hover and click, points and hot spots, empty data and broken geometry; a long range over a
// busy spot at a point zoom (the aggregator sends counts in cells: drawn as bins, the tooltip says so).
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';

import { startBrowserEnv, unexpectedErrors, type BrowserEnv, type HostPage } from '../support/browser.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { tileOf } from '../../backend/geo/tile-coords.ts';
import {
  assertPanelBuilt,
  closeColor,
  dashboard,
  hexToRgb,
  patchAround,
  pixelColor,
  sampleableZones,
  seedDemoCity,
  waitForMap,
  zoneProbes,
  type ZoneProbe,
} from './zonemap-harness/support.ts';

const END = Math.floor(Date.now() / 60_000) * 60_000;
const TIME = { from: new Date(END - 31 * 86_400_000).toISOString(), to: new Date(END).toISOString() };
const STEPS = { low: '#1a9850', mid: '#fee08b', high: '#d73027' };
const ONLY_ZONES = {
  labels: { enabled: false },
  points: { enabled: false },
  hotspots: { enabled: false },
  zones: { fillOpacity: 1 },
};
const RECEIVED_BY_ZONE = [{ refId: 'A', metric: 'received', groupBy: ['zone'], filters: {}, format: 'table' }];

let env: BrowserEnv;
let probes: ZoneProbe[];
let values: Map<string, number>;
let cuts: [number, number];

beforeAll(async () => {
  assertPanelBuilt();
  env = await startBrowserEnv();
  await seedDemoCity(env.aggregator!.db.pool, END);
  probes = await zoneProbes(env.aggregator!.db.pool);
  const res = await env.aggregator!.call(
    'POST',
    '/v1/query',
    { from: TIME.from, to: TIME.to, targets: RECEIVED_BY_ZONE },
    env.aggregator!.tokens.read
  );
  assert.equal(res.status, 200, res.text);
  const fields = res.body.results.A.frames[0].fields as Array<{ name: string; values: unknown[] }>;
  const codes = fields.find((f) => f.name === 'zone_code')!.values as string[];
  const counts = fields.find((f) => f.name === 'received')!.values as number[];
  values = new Map(codes.map((c, i) => [c, counts[i]]));
  const sorted = [...values.values()].sort((a, b) => a - b);
  cuts = [sorted[Math.floor(sorted.length / 3)], sorted[Math.floor((2 * sorted.length) / 3)]];
  if (cuts[0] === cuts[1]) {
    cuts[1] = cuts[0] + 1;
  }
});
afterAll(async () => {
  await env?.stop();
});

const thresholdConfig = () => ({
  defaults: {
    unit: 'short',
    color: { mode: 'thresholds' },
    thresholds: {
      mode: 'absolute',
      steps: [
        { value: null, color: STEPS.low },
        { value: cuts[0], color: STEPS.mid },
        { value: cuts[1], color: STEPS.high },
      ],
    },
  },
  overrides: [],
});
const expectedColor = (v: number) => (v >= cuts[1] ? STEPS.high : v >= cuts[0] ? STEPS.mid : STEPS.low);

async function openPanel(
  panel: Record<string, unknown>,
  opts: {
    width?: number;
    height?: number;
    time?: { from: string; to: string };
    before?: (hp: HostPage) => Promise<void>;
  } = {}
) {
  const hp = await env.newPage();
  await hp.open();
  await opts.before?.(hp);
  const state = await hp.page.evaluate(([d, o]) => window.__host.renderPanel(d, 1, o), [
    dashboard(panel, opts.time ?? TIME),
    { width: opts.width ?? 1100, height: opts.height ?? 760 },
  ] as const);
  assert.equal(state.type, 'services360-zonemap-panel');
  return hp;
}

describe('zone map panel', () => {
  test('colours each zone with the threshold colour of its value', async () => {
    const hp = await openPanel({ targets: RECEIVED_BY_ZONE, options: ONLY_ZONES, fieldConfig: thresholdConfig() });
    await waitForMap(hp.page, probes.length);
    const checked: string[] = [];
    for (const colour of Object.values(STEPS)) {
      const zones = await sampleableZones(
        hp.page,
        probes,
        (p) => values.has(p.code) && expectedColor(values.get(p.code)!) === colour,
        3
      );
      assert.ok(zones.length >= 2, `fewer than 2 zones to sample for ${colour}`);
      for (const { probe, x, y } of zones) {
        const seen = await pixelColor(hp.page, x, y);
        assert.ok(
          closeColor(seen, hexToRgb(colour)),
          `zone ${probe.code} (${values.get(probe.code)} requests): saw rgb(${seen}) at (${x}, ${y}), expected ${colour}`
        );
        checked.push(probe.code);
      }
    }
    assert.ok(checked.length >= 6, `checked ${checked.length} zones`);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });

  /**
   * How the view sits against the extent of the zones that hold data in the panel's frame (the same query the
   * panel runs, read in before()): which zones those are changes with the data, so the expectation follows it.
   */
  const viewAgainstDataExtent = (hp: HostPage) =>
    hp.page.evaluate(`((codes) => {
    const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
    const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'zones'; });
    const wanted = new Set(codes);
    const data = [Infinity, Infinity, -Infinity, -Infinity];
    let zones = 0;
    layer.getSource().getFeatures().forEach(function (f) {
      if (!wanted.has(f.get('code'))) return;
      zones++;
      const e = f.getGeometry().getExtent();
      data[0] = Math.min(data[0], e[0]); data[1] = Math.min(data[1], e[1]); data[2] = Math.max(data[2], e[2]); data[3] = Math.max(data[3], e[3]);
    });
    const size = map.getSize();
    const view = map.getView().calculateExtent(size);
    const slack = (view[2] - view[0]) * 0.001;
    const inside = data[0] >= view[0] - slack && data[1] >= view[1] - slack && data[2] <= view[2] + slack && data[3] <= view[3] + slack;
    const tight = (data[2] - data[0]) / (view[2] - view[0]) > 0.6 || (data[3] - data[1]) / (view[3] - view[1]) > 0.6;
    return { inside, tight, zones, size };
  })(${JSON.stringify([...values].filter(([, v]) => v > 0).map(([c]) => c))})`) as Promise<{
      inside: boolean;
      tight: boolean;
      zones: number;
      size: number[];
    }>;

  test('fits the view to the zones with data', async () => {
    const hp = await openPanel({ targets: RECEIVED_BY_ZONE, options: ONLY_ZONES, fieldConfig: thresholdConfig() });
    await waitForMap(hp.page, probes.length);
    const fit = await viewAgainstDataExtent(hp);
    assert.ok(fit.zones >= 2, `${fit.zones} zones with data drawn`);
    assert.deepEqual({ inside: fit.inside, tight: fit.tight }, { inside: true, tight: true });
    await hp.page.close();
  });

  test('fits again when the panel is resized after loading, and keeps a view the viewer moved', async () => {
    // A dashboard's grid (or a TV going full screen) gives the panel its final size after the first render.
    const hp = await openPanel(
      { targets: RECEIVED_BY_ZONE, options: ONLY_ZONES, fieldConfig: thresholdConfig() },
      { width: 600, height: 300 }
    );
    await waitForMap(hp.page, probes.length);
    await hp.page.evaluate(() => window.__host.resizePanel(1, 1100, 900));
    await hp.page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="zonemap-map"]') as HTMLElement & { __zonemap?: { map: any } };
        const size = el?.__zonemap?.map.getSize();
        return !!size && size[0] > 1000 && size[1] > 700;
      },
      undefined,
      { timeout: 30_000 }
    );
    const resized = await viewAgainstDataExtent(hp);
    assert.deepEqual(
      { inside: resized.inside, tight: resized.tight },
      { inside: true, tight: true },
      `after the resize to ${resized.size}`
    );
    // The viewer zooms in: a later resize keeps the viewer's view (the centre and zoom stay as they chose).
    const chosen = await hp.page.evaluate(() => {
      const view = (document.querySelector('[data-testid="zonemap-map"]') as any).__zonemap.map.getView();
      view.setZoom(view.getZoom() + 2);
      return { center: view.getCenter() as number[], zoom: view.getZoom() as number };
    });
    await hp.page.evaluate(() => window.__host.resizePanel(1, 1000, 800));
    await hp.page.waitForFunction(
      () => {
        const size = (document.querySelector('[data-testid="zonemap-map"]') as any)?.__zonemap?.map.getSize();
        return !!size && size[0] < 1000;
      },
      undefined,
      { timeout: 30_000 }
    );
    const kept = await hp.page.evaluate(() => {
      const view = (document.querySelector('[data-testid="zonemap-map"]') as any).__zonemap.map.getView();
      return { center: view.getCenter() as number[], zoom: view.getZoom() as number };
    });
    assert.equal(kept.zoom, chosen.zoom);
    assert.deepEqual(kept.center, chosen.center);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });

  test('hovering a zone shows its English and Arabic names intact, the value with its unit and the population', async () => {
    const hp = await openPanel({
      targets: RECEIVED_BY_ZONE,
      options: ONLY_ZONES,
      fieldConfig: {
        // An override: the datasource sets the unit (short), which panel defaults do not replace.
        defaults: thresholdConfig().defaults,
        overrides: [
          { matcher: { id: 'byType', options: 'number' }, properties: [{ id: 'unit', value: 'suffix:requests' }] },
        ],
      },
    });
    await waitForMap(hp.page, probes.length);
    const [{ probe, x, y }] = await sampleableZones(
      hp.page,
      probes,
      (p) => values.has(p.code) && /[\u0600-\u06FF]/.test(p.nameAr) && p.population !== null,
      1
    );
    await hp.page.mouse.move(x, y);
    const tooltip = hp.page.getByTestId('zonemap-tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    assert.equal(await tooltip.getAttribute('data-zone'), probe.code);
    assert.equal(await hp.page.getByTestId('zonemap-tooltip-title').textContent(), probe.nameEn);
    const ar = hp.page.getByTestId('zonemap-tooltip-ar');
    assert.equal(await ar.textContent(), probe.nameAr, 'the Arabic name, every letter in order');
    assert.equal(await ar.getAttribute('dir'), 'rtl');
    assert.equal(
      await hp.page.getByTestId('zonemap-tooltip-value').textContent(),
      `${values.get(probe.code)} requests`
    );
    assert.equal(
      await hp.page.getByTestId('zonemap-tooltip-population').textContent(),
      probe.population!.toLocaleString('en-US')
    );
    // Drawn right to left in a font that has Arabic glyphs: the first letter sits at the right edge.
    const layout = await ar.evaluate((el) => {
      const range = document.createRange();
      const text = el.firstChild!;
      range.setStart(text, 0);
      range.setEnd(text, 1);
      const first = range.getBoundingClientRect();
      range.setStart(text, text.textContent!.length - 1);
      range.setEnd(text, text.textContent!.length);
      const last = range.getBoundingClientRect();
      return { firstRight: first.right, lastLeft: last.left, font: getComputedStyle(el).fontFamily };
    });
    assert.ok(
      layout.firstRight > layout.lastLeft,
      `first letter at ${layout.firstRight}, last at ${layout.lastLeft}: not right to left`
    );
    assert.match(layout.font, /Noto Sans Arabic/);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });

  test("a click on a zone sets the dashboard variable and offers the value's data links", async () => {
    // A static URL: the plugin host's template service does not interpolate the ${__data…} macros Grafana has.
    const links = [{ title: 'Zone details', url: '/d/zones-detail' }];
    const hp = await openPanel({
      targets: RECEIVED_BY_ZONE,
      options: { ...ONLY_ZONES, variableName: 'zone' },
      fieldConfig: { defaults: { ...thresholdConfig().defaults, links }, overrides: [] },
    });
    await waitForMap(hp.page, probes.length);
    const [{ probe, x, y }] = await sampleableZones(hp.page, probes, (p) => values.has(p.code), 1);
    await hp.page.mouse.click(x, y);
    await hp.page.waitForFunction((code) => window.__host.variables.get().zone === code, probe.code, {
      timeout: 10_000,
    });
    const location = await hp.page.evaluate(() => window.__host.location());
    assert.match(location.search, new RegExp(`var-zone=${probe.code}(&|$)`));
    const link = hp.page.getByTestId('zonemap-tooltip-links').getByRole('link');
    assert.equal(await link.textContent(), 'Zone details');
    assert.match((await link.getAttribute('href'))!, /\/d\/zones-detail/);
    await hp.page.close();
  });

  test('request points (binned at city zoom) and recurrence hot spots draw over the zones', async () => {
    const hotspots = await env.aggregator!.call(
      'GET',
      `/v1/recurrence/hotspots.geojson?from=${encodeURIComponent(TIME.from)}&to=${encodeURIComponent(TIME.to)}`,
      undefined,
      env.aggregator!.tokens.read
    );
    assert.equal(hotspots.status, 200, hotspots.text);
    const expectedHotspots = hotspots.body.features.length as number;
    assert.ok(expectedHotspots > 0, 'the demo city has hot spots');
    const hp = await openPanel({
      targets: RECEIVED_BY_ZONE,
      options: { labels: { enabled: false }, points: { enabled: true, source: 'tiles' }, hotspots: { enabled: true } },
      fieldConfig: thresholdConfig(),
    });
    await waitForMap(hp.page, probes.length);
    await hp.page.waitForFunction(
      (n) => {
        const map = (document.querySelector('[data-testid="zonemap-map"]') as any).__zonemap.map;
        const layers = map.getAllLayers();
        const hot = layers.find((l: any) => l.get('id') === 'hotspots');
        const pts = layers.find((l: any) => l.get('id') === 'points');
        return (
          hot.getSource().getFeatures().length === n &&
          pts.getFeaturesInExtent(map.getView().calculateExtent(map.getSize())).length > 0
        );
      },
      expectedHotspots,
      { timeout: 30_000 }
    );
    const tiles = env.host.proxyLog.filter((e) => e.path.includes('/aggregator/v1/tiles/requests/'));
    assert.ok(
      tiles.length > 0 && tiles.every((e) => e.status === 200 || e.status === 204),
      JSON.stringify(tiles.slice(0, 3))
    );
    // Something is drawn where the biggest bin and the biggest hot spot are: the pixel changes when the layer is hidden.
    for (const id of ['points', 'hotspots']) {
      const where = (await hp.page.evaluate(`(() => {
        const el = document.querySelector('[data-testid="zonemap-map"]');
        const map = el.__zonemap.map;
        const layer = map.getAllLayers().find(function (l) { return l.get('id') === '${id}'; });
        const features = layer.getSource().getFeatures ? layer.getSource().getFeatures()
          : layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize()));
        const big = features.reduce(function (a, b) { return Number(b.get('count') || 0) > Number(a.get('count') || 0) ? b : a; });
        const g = big.getGeometry();
        const c = g.getFlatCoordinates ? g.getFlatCoordinates().slice(0, 2) : g.getCoordinates();
        const p = map.getPixelFromCoordinate(c);
        const r = el.getBoundingClientRect();
        return [r.left + p[0], r.top + p[1]];
      })()`)) as [number, number];
      // The square around it, not its centre alone: a bin's fill can match the zone beneath (both coloured by count),
      // its edge cannot.
      const shown = await patchAround(hp.page, where[0], where[1], 12);
      await setLayerVisible(hp, id, false);
      const hidden = await patchAround(hp.page, where[0], where[1], 12);
      await setLayerVisible(hp, id, true);
      assert.ok(
        !shown.equals(hidden),
        `${id}: the 25×25 px around its biggest feature is the same with the layer and without`
      );
    }
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });

  test(
    'points from a frame, on the WebGL renderer: bins at city zoom, the requests themselves zoomed in; ' +
      'the heat map gets weighted points, no error',
    async () => {
      const targets = [
        ...RECEIVED_BY_ZONE,
        { refId: 'B', metric: 'hotspots', groupBy: [], filters: {}, format: 'table' },
      ];
      const options = {
        ...ONLY_ZONES,
        renderer: 'webgl',
        zones: { fillOpacity: 1, frame: 'A' },
        points: { enabled: true, source: 'frame', frame: 'B', colorBy: 'topic', pointsMinZoom: 13 },
        heatmap: { enabled: true, frame: 'B' },
      };
      const hp = await openPanel({ targets, options, fieldConfig: thresholdConfig() });
      await waitForMap(hp.page, probes.length);
      const kinds = () =>
        hp.page.evaluate(`(() => {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'points'; });
      const features = layer.getSource().getFeatures();
      const first = features.find(function (f) { return f.get('kind') === 0; }) || features[0];
      return { webgl: layer.constructor.name + ':' + !!layer.getRenderer().helper, n: features.length,
        bins: features.filter(function (f) { return f.get('kind') === 1; }).length,
          points: features.filter(function (f) { return f.get('kind') === 0; }).length,
        count: features.reduce(function (a, f) { return a + (f.get('kind') === 1 ? f.get('count') : 1); }, 0),
        at: first ? first.getGeometry().getCoordinates() : null };
    })()`) as Promise<{ webgl: string; n: number; bins: number; points: number; count: number; at: number[] | null }>;
      await hp.page.waitForFunction(
        `document.querySelector('[data-testid="zonemap-map"]').__zonemap.map.getAllLayers().find(function ` +
          `(l) { return l.get('id') === 'points'; }).getSource().getFeatures().length > 0`,
        undefined,
        { timeout: 20_000 }
      );
      const city = await kinds();
      const heat = await hp.page.evaluate(
        `document.querySelector('[data-testid="zonemap-map"]').__zonemap.map.getAllLayers().find(function ` +
          `(l) { return l.get('id') === 'heatmap'; }).getSource().getFeatures().length`
      );
      assert.ok((heat as number) > 0, 'the heat map has weighted points');
      assert.match(city.webgl, /:true$/, `a WebGL layer: ${city.webgl}`);
      assert.equal(city.points, 0, 'city zoom shows bins only');
      assert.ok(city.bins > 0);
      // Zoom in on a bin: below the feature limit the requests themselves are drawn.
      await hp.page.evaluate(`new Promise(function (resolve) {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      map.getView().setCenter(${JSON.stringify(city.at)});
      map.getView().setZoom(16);
      map.once('moveend', function () { map.once('rendercomplete', function () { resolve(null); }); });
    })`);
      const close = await kinds();
      assert.ok(close.points > 0 && close.bins === 0, JSON.stringify(close));
      assert.ok(close.n <= 3000);
      assert.deepEqual(unexpectedErrors(hp.errors), []);
      await hp.page.close();
    }
  );

  test('no data: a plain message, zones drawn without data, no error', async () => {
    const hp = await openPanel(
      { targets: RECEIVED_BY_ZONE, options: ONLY_ZONES, fieldConfig: thresholdConfig() },
      { time: { from: '2001-01-01T00:00:00Z', to: '2001-01-02T00:00:00Z' } }
    );
    await waitForMap(hp.page, probes.length);
    assert.equal(await hp.page.getByTestId('zonemap-message').textContent(), 'No data');
    assert.equal(await hp.page.getByTestId('zonemap-legend').count(), 0, 'no legend without values');
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });

  test('a broken or missing zone geometry: that zone is skipped and counted, the rest renders', async () => {
    let broken: string[] = [];
    const hp = await openPanel(
      { targets: RECEIVED_BY_ZONE, options: ONLY_ZONES, fieldConfig: thresholdConfig() },
      {
        before: async (page) => {
          await page.page.route('**/aggregator/v1/zones.geojson*', async (route) => {
            const res = await route.fetch();
            const json = await res.json();
            const smallest = [...json.features].sort((a: any, b: any) => a.properties.area_km2 - b.properties.area_km2);
            smallest[0].geometry = null;
            smallest[1].geometry = {
              type: 'Polygon',
              coordinates: [
                [
                  [55.1, 'x'],
                  [55.2, 25.1],
                ],
              ],
            };
            broken = [smallest[0].properties.code, smallest[1].properties.code];
            await route.fulfill({ response: res, json });
          });
        },
      }
    );
    await waitForMap(hp.page, probes.length - 2);
    const warning = await hp.page.getByTestId('zonemap-warning').textContent();
    assert.match(warning!, /^2 zones skipped \(missing or malformed geometry: /);
    for (const code of broken) {
      assert.ok(warning!.includes(code), `${code} named in "${warning}"`);
    }
    const count = await hp.page.evaluate(
      `document.querySelector('[data-testid="zonemap-map"]').__zonemap.map.getAllLayers().find(function ` +
        `(l) { return l.get('id') === 'zones'; }).getSource().getFeatures().length`
    );
    assert.equal(count, probes.length - 2);
    const [{ probe, x, y }] = await sampleableZones(
      hp.page,
      probes,
      (p) => values.has(p.code) && !broken.includes(p.code),
      1
    );
    assert.ok(
      closeColor(await pixelColor(hp.page, x, y), hexToRgb(expectedColor(values.get(probe.code)!))),
      'the other zones are still coloured'
    );
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });

  test('TV mode: no controls, larger legend', async () => {
    const options = {
      tvMode: true,
      zones: { perCapita: true, fillOpacity: 0.85 },
      labels: { enabled: true, language: 'both' },
      points: { enabled: true },
      hotspots: { enabled: true },
    };
    const hp = await openPanel(
      {
        title: 'Requests per 10k residents',
        targets: RECEIVED_BY_ZONE,
        options,
        fieldConfig: { defaults: { unit: 'short', color: { mode: 'continuous-YlRd' } }, overrides: [] },
      },
      { width: 1280, height: 800 }
    );
    await waitForMap(hp.page, probes.length);
    assert.equal(await hp.page.locator('[data-testid="zonemap"] .ol-zoom').count(), 0, 'no zoom buttons in TV mode');
    const legend = hp.page.getByTestId('zonemap-legend');
    assert.match((await legend.textContent())!, /received per 10k residents/);
    const fontSize = await legend.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontSize >= 18, `legend font ${fontSize}px`);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });
});

describe('request tiles over a long range (added last: it plants requests before the window of the tests above)', () => {
  test('a busy spot over four months at tile zoom 14: counts in cells, drawn as bins; hovering one says how to see each request', async () => {
    // 6,000 requests inside one zoom-16 tile, 45–75 days before the end: more than a point tile shows
    // (S360_TILE_CELLS_ABOVE, 5,000) in a range over 35 days, outside the month the other tests read.
    const probe = [...probes].sort((a, b) => b.areaKm2 - a.areaKm2)[0];
    const t16 = tileOf(probe.lon, probe.lat, 16);
    const lon = ((t16.x + 0.5) / 2 ** 16) * 360 - 180;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (t16.y + 0.5)) / 2 ** 16))) * 180) / Math.PI;
    const pool = env.aggregator!.db.pool;
    await pool.query(
      `
      WITH inserted AS (
        INSERT INTO requests (source, external_id, channel_code, category_code, topic_code, department_code, zone_id,
                              location, status, stage, created_at, sla_state)
        SELECT 'busy-spot', 'busy-' || g, 'whatsapp', 'complaint', t.code, t.department_code, z.id,
               ST_SetSRID(ST_MakePoint($1 + ((g * 7919) % 1000 / 1000.0 - 0.5) * 0.0016, $2 + ((g * 104729) % 997 / 997.0 - 0.5) * 0.0014), 4326),
               'received', 'received', $3::timestamptz - (g * 431) % 2592000 * interval '1 second', 'in_progress'
        FROM generate_series(1, 6000) g, (SELECT code, department_code FROM topics ORDER BY code LIMIT 1) t,
             (SELECT id FROM zones WHERE code = $4) z
        RETURNING id)
      INSERT INTO rollup_pending (request_id) SELECT id FROM inserted`,
      [lon, lat, new Date(END - 45 * 86_400_000), probe.code]
    );
    await applyPendingRollups(pool);
    const R = 6378137;
    const centre = [(lon * Math.PI * R) / 180, R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];

    const hp = await openPanel(
      {
        targets: RECEIVED_BY_ZONE,
        options: { ...ONLY_ZONES, zones: { fillOpacity: 0.3 }, points: { enabled: true, source: 'tiles' } },
        fieldConfig: thresholdConfig(),
      },
      { time: { from: new Date(END - 120 * 86_400_000).toISOString(), to: TIME.to } }
    );
    await waitForMap(hp.page, probes.length);
    await hp.page.evaluate(`new Promise(function (resolve) {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      map.getView().setCenter(${JSON.stringify(centre)});
      map.getView().setZoom(15.5);
      map.once('moveend', function () { map.once('rendercomplete', function () { resolve(null); }); });
    })`);
    const binsInView = () =>
      hp.page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="zonemap-map"]');
      const map = el.__zonemap.map;
      const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'points'; });
      const features = layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize()));
      const bins = features.filter(function (f) { return f.get('layer') === 'bins'; });
      if (!bins.length) return { bins: 0, points: features.length, total: 0, at: null };
      const big = bins.reduce(function (a, b) { return Number(b.get('count')) > Number(a.get('count')) ? b : a; });
      const p = map.getPixelFromCoordinate(big.getGeometry().getFlatCoordinates().slice(0, 2));
      const r = el.getBoundingClientRect();
      return { bins: bins.length, points: features.length - bins.length, total: bins.reduce(function (n, f) { return n + Number(f.get('count')); }, 0),
               at: [r.left + p[0], r.top + p[1]], count: Number(big.get('count')), counts: bins.map(function (f) { return Number(f.get('count')); }) };
    })()`) as Promise<{
        bins: number;
        points: number;
        total: number;
        at: [number, number] | null;
        count?: number;
        counts?: number[];
      }>;
    /** The hovered bin (circles overlap: the biggest or one drawn over it) is one of those in view. */
    const hoveredBin = async (counts: number[]) => {
      const title = (await hp.page.getByTestId('zonemap-tooltip-title').textContent())!;
      assert.ok(
        counts.some((n) => title === `${n.toLocaleString('en-US')} requests`),
        `"${title}" is no bin's count (${counts})`
      );
    };
    await hp.page.waitForFunction(
      `(() => {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'points'; });
      return layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize())).some(function (f) { return f.get('layer') === 'bins'; });
    })()`,
      undefined,
      { timeout: 30_000 }
    );
    const seen = await binsInView();
    assert.ok(seen.bins > 1 && seen.total >= 6000, JSON.stringify(seen));
    // The panel's tiles are 512 px: at view zoom 15.5 it draws zoom-14 tiles, the first point zoom.
    const tiles = env.host.proxyLog.filter((e) => e.path.includes('/aggregator/v1/tiles/requests/14/'));
    assert.ok(
      tiles.length > 0 && tiles.every((e) => e.status === 200 || e.status === 204),
      JSON.stringify(tiles.slice(0, 3))
    );
    // Hovering the biggest bin: a count, and (a point tile) how to see each request.
    await hp.page.mouse.move(seen.at![0], seen.at![1]);
    await hp.page.getByTestId('zonemap-tooltip').waitFor({ timeout: 10_000 });
    await hoveredBin(seen.counts!);
    assert.equal(await hp.page.getByTestId('zonemap-tooltip-cells').textContent(), 'shown for a shorter time range');
    await hp.page.mouse.move(5, 5);
    // The biggest bin is drawn: the square around it changes without the layer (its edge, where its fill matches the zone).
    const shown = await patchAround(hp.page, seen.at![0], seen.at![1], 12);
    await setLayerVisible(hp, 'points', false);
    const hidden = await patchAround(hp.page, seen.at![0], seen.at![1], 12);
    await setLayerVisible(hp, 'points', true);
    assert.ok(!shown.equals(hidden), 'the 25×25 px around the biggest bin is the same with the bins and without');
    // Zoomed out to the binned tiles (view zoom 13: tiles of zoom 12), a bin's tooltip is its count alone.
    await hp.page.evaluate(`new Promise(function (resolve) {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      map.getView().setZoom(13);
      map.once('moveend', function () { map.once('rendercomplete', function () { resolve(null); }); });
    })`);
    const far = await binsInView();
    assert.ok(far.count! > 1000, JSON.stringify(far));
    await hp.page.mouse.move(far.at![0], far.at![1]);
    await hp.page.getByTestId('zonemap-tooltip').waitFor({ timeout: 10_000 });
    await hoveredBin(far.counts!);
    assert.equal(await hp.page.getByTestId('zonemap-tooltip-cells').count(), 0);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });
});

async function setLayerVisible(hp: HostPage, id: string, visible: boolean) {
  await hp.page.evaluate(`new Promise(function (resolve) {
    const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
    map.getAllLayers().find(function (l) { return l.get('id') === '${id}'; }).setVisible(${visible});
    map.once('rendercomplete', function () { resolve(null); });
    map.render();
  })`);
}
