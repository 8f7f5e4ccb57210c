// The Arabic wall as a leader sees it (issue 15, item 4): the zone map panels of the Arabic copies of the executive
// overview and the Zones dashboard (provisioning/dashboards/services360-ar), rendered in real Chromium through the
// plugin host from the dashboard JSON as provisioned — the language only from the dashboard's own default (ar), no
// URL variable — against a real aggregator with a month of the demo city.
//
// What the panel draws must hold no Latin UI string. Read from the page: the panel's visible text (the title
// Grafana's panel chrome shows, the legend, messages such as "No data", warnings, controls), every zone label the
// map draws on its canvas (the text of the labels layer's features), and the tooltip of a hovered zone. A Latin UI
// string is any of these texts (each line of the panel's text, each label, each tooltip line) with a Latin letter
// A–Z or a–z in it. Digits (Latin or Arabic-Indic), "%", "–" and other punctuation are not letters. One text is
// exempt: the zone's English name, shown second in its tooltip under the Arabic one — a proper name, not UI.
// The request categories in the legend are the Arabic names the aggregator's catalogue (GET /v1/catalog) gives,
// and so is a request point's category in its tooltip.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

import { startBrowserEnv, unexpectedErrors, type BrowserEnv, type HostPage } from '../support/browser.ts';
import { uidIn } from '../../provisioning/generate/language.ts';
import { NOW, provisionedMaps, rangeOf, type Dashboard, type Panel } from './zonemap-harness/provisioned.ts';
import {
  assertPanelBuilt,
  sampleableZones,
  seedDemoCity,
  waitForMap,
  zoneProbes,
  type ZoneProbe,
} from './zonemap-harness/support.ts';

const LATIN = /[A-Za-z]/;
const ARABIC = /[\u0600-\u06FF]/;
const SIZE = { width: 1100, height: 760 };
const ARABIC_WALL = ['s360-executive', 's360-zones'].map((uid) => uidIn(uid, 'ar'));
const MAPS = provisionedMaps('ar').filter(({ d }) => ARABIC_WALL.includes(d.uid));

let env: BrowserEnv;
let probes: ZoneProbe[];
/** The request categories as the aggregator's catalogue names them: code → Arabic name. */
let categoriesAr: Map<string, string>;

beforeAll(async () => {
  assertPanelBuilt();
  env = await startBrowserEnv();
  await seedDemoCity(env.aggregator!.db.pool, NOW);
  probes = await zoneProbes(env.aggregator!.db.pool);
  const catalog = await env.aggregator!.call('GET', '/v1/catalog', undefined, env.aggregator!.tokens.read);
  assert.equal(catalog.status, 200, catalog.text);
  categoriesAr = new Map(
    (catalog.body.values.category as Array<{ code: string; name_ar: string }>).map((c) => [c.code, c.name_ar])
  );
  assert.ok(
    categoriesAr.size >= 3 && [...categoriesAr.values()].every((n) => ARABIC.test(n)),
    'the catalogue names the categories in Arabic'
  );
});
afterAll(async () => {
  await env?.stop();
});

async function openMap(d: Dashboard, p: Panel): Promise<{ hp: HostPage; selector: string }> {
  const hp = await env.newPage();
  await hp.open(`/d/${d.uid}`);
  const state = await hp.page.evaluate(([dash, id, opts]) => window.__host.renderPanel(dash, id, opts), [
    d,
    p.id,
    { ...SIZE, timeRange: rangeOf(d, p) },
  ] as const);
  await waitForMap(hp.page, probes.length);
  return { hp, selector: state.selector };
}

/** The lines of visible text in the panel (chrome, legend, messages, controls; the tooltip is read on its own). */
const panelLines = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector(sel) as HTMLElement;
    const tip = root.querySelector('[data-testid="zonemap-tooltip"]') as HTMLElement | null;
    if (tip) {
      tip.style.display = 'none';
    }
    const text = root.innerText;
    if (tip) {
      tip.style.display = '';
    }
    return text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  }, selector);

/** The text of every zone label the map draws (the labels layer's features, as OpenLayers writes them on the canvas). */
const labelTexts = (page: Page) =>
  page.evaluate(`(() => {
  const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
  const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'labels'; });
  return layer ? layer.getSource().getFeatures().map(function (f) { return String(f.get('label') || ''); }) : [];
})()`) as Promise<string[]>;

/** The legend lists every request category by its Arabic name once the catalogue is in. */
const waitForArabicCategories = (page: Page, names: string[]) =>
  page.waitForFunction(
    (wanted) => {
      const text = document.querySelector('[data-testid="zonemap-legend"]')?.textContent ?? '';
      return wanted.every((n) => text.includes(n));
    },
    names,
    { timeout: 30_000 }
  );

describe('the Arabic wall draws no Latin UI string', () => {
  test('the Arabic executive overview and Zones dashboards have zone maps, speaking Arabic by default', () => {
    assert.deepEqual([...new Set(MAPS.map(({ d }) => d.uid))].sort(), [...ARABIC_WALL].sort());
    for (const { d, p } of MAPS) {
      assert.equal(p.options?.language, '$language', `${d.uid} panel ${p.id}`);
      const language = (d.templating as { list: Array<{ name: string; current: { value: string } }> }).list.find(
        (v) => v.name === 'language'
      );
      assert.equal(language?.current.value, 'ar', d.uid);
    }
  });

  for (const { d, p } of MAPS) {
    test(`${d.uid} panel ${p.id} "${p.title}": title, legend, labels and tooltip in Arabic`, async () => {
      const { hp, selector } = await openMap(d, p);
      const { page } = hp;
      assert.equal(await page.getByTestId('zonemap').getAttribute('dir'), 'rtl');
      if (p.options?.points?.enabled) {
        await waitForArabicCategories(page, [...categoriesAr.values()]);
      }

      const lines = await panelLines(page, selector);
      assert.ok(
        lines.includes(p.title),
        `the panel shows its Arabic title "${p.title}": ${lines.slice(0, 3).join(' | ')}`
      );
      assert.equal(await page.getByTestId('zonemap-legend').getAttribute('dir'), 'rtl');
      const labels = (await labelTexts(page)).filter(Boolean);
      assert.ok(labels.length > 50, `${labels.length} zone labels`);

      const [{ probe, x, y }] = await sampleableZones(page, probes, (z) => ARABIC.test(z.nameAr), 1);
      await page.mouse.move(x, y);
      const tooltip = page.getByTestId('zonemap-tooltip');
      await tooltip.waitFor({ timeout: 10_000 });
      assert.equal(await tooltip.getAttribute('dir'), 'rtl');
      assert.equal(await page.getByTestId('zonemap-tooltip-ar').textContent(), probe.nameAr, 'the Arabic name leads');
      // The tooltip's lines but the zone's English name (a name, not UI).
      const tip = await tooltip.evaluate((el) => {
        const c = el.cloneNode(true) as HTMLElement;
        c.querySelector('[data-testid="zonemap-tooltip-title"]')?.remove();
        return [...c.querySelectorAll('div, td, li, a, button')]
          .filter((n) => !n.querySelector('div, td'))
          .map((n) => n.textContent?.trim() ?? '')
          .filter(Boolean);
      });
      assert.ok(tip.length >= 2, `tooltip lines: ${tip.join(' | ')}`);

      const latin = [
        ...lines.map((l) => `panel: ${l}`),
        ...labels.map((l) => `label: ${l}`),
        ...tip.map((l) => `tooltip: ${l}`),
      ].filter((s) => LATIN.test(s.slice(s.indexOf(': ') + 2)));
      console.info(`${lines.length} panel lines, ${labels.length} labels, ${tip.length} tooltip lines read`);
      assert.deepEqual(latin, [], 'Latin UI strings');
      assert.deepEqual(unexpectedErrors(hp.errors), []);
      await page.close();
    });
  }

  test('a request point on the Arabic Zones map names its category in Arabic, from the catalogue', async () => {
    const zonesMap = MAPS.find(({ d, p }) => d.uid === uidIn('s360-zones', 'ar') && p.options?.points?.enabled)!;
    const range = rangeOf(zonesMap.d, zonesMap.p);
    const { rows } = await env.aggregator!.db.pool.query(
      `SELECT ST_X(location) AS lon, ST_Y(location) AS lat FROM requests
      WHERE created_at >= $1 AND created_at < $2 AND location IS NOT NULL ORDER BY id LIMIT 1`,
      [range.from, range.to]
    );
    assert.equal(rows.length, 1, "a request in the map's range");
    const { hp } = await openMap(zonesMap.d, zonesMap.p);
    const { page } = hp;
    await waitForArabicCategories(page, [...categoriesAr.values()]);
    // Zoomed in on that request (the viewer's zoom: the point, not the zone, answers the pointer).
    await page.evaluate(`new Promise(function (resolve) {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      const R = 6378137, lon = ${Number(rows[0].lon)}, lat = ${Number(rows[0].lat)};
      map.getView().setCenter([lon * Math.PI * R / 180, R * Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360))]);
      map.getView().setZoom(17);
      map.once('moveend', function () { resolve(null); });
    })`);
    await page.waitForFunction(
      `(() => {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'points'; });
      return layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize()))
        .some(function (f) { return f.get('layer') === 'requests' && f.get('category'); });
    })()`,
      undefined,
      { timeout: 30_000 }
    );
    const spot = (await page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="zonemap-map"]');
      const map = el.__zonemap.map;
      const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'points'; });
      const c = map.getView().getCenter();
      const f = layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize()))
        .filter(function (x) { return x.get('layer') === 'requests' && x.get('category'); })
        .sort(function (a, b) {
          const pa = a.getGeometry().getFlatCoordinates(), pb = b.getGeometry().getFlatCoordinates();
          return Math.hypot(pa[0] - c[0], pa[1] - c[1]) - Math.hypot(pb[0] - c[0], pb[1] - c[1]);
        })[0];
      const p = map.getPixelFromCoordinate(f.getGeometry().getFlatCoordinates().slice(0, 2));
      const r = el.getBoundingClientRect();
      return { x: r.left + p[0], y: r.top + p[1], category: f.get('category') };
    })()`)) as { x: number; y: number; category: string };
    await page.mouse.move(spot.x, spot.y);
    const category = page.getByTestId('zonemap-tooltip-category');
    await category.waitFor({ timeout: 10_000 });
    const shown = (await category.textContent())!;
    assert.ok(
      [...categoriesAr.values()].includes(shown),
      `"${shown}" is a category's Arabic name (${[...categoriesAr.values()].join(', ')})`
    );
    assert.doesNotMatch(shown, LATIN);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await page.close();
  });
});
