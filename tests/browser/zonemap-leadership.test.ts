// The provisioned maps as leaders see them (issue 15). Drill-down that keeps the city, and zero that is zero, on the provisioned Zones map ("Requests in the
// last 24 hours": zones by count, request bins from the aggregator's tiles) in real Chromium through the plugin
// host, against a real aggregator with a month of the demo city. The map's own query does not filter on the
// variable its click sets: a click outlines the zone, dims the others (still coloured by their own value) and sets
// the variable; a second click, Escape or "Whole city" clears it. At city zoom a zone under a bin answers hover
// and click. Zones without a request in the frame are filled as 0, not "No data". The per-capita map shows the
// dashboard's decimals (1), not the datasource's (2). Legible at 3 m: the executive wall map's labels, legend and
// tooltip at 1080p and on a 4K TV (unscaled and at 200 %) are at least 24 device px tall at 1080p and 48 on 4K
// (10-foot UI guidance: 24 px body text on a 1080p TV).
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

import { startBrowserEnv, unexpectedErrors, type BrowserEnv, type HostPage } from '../support/browser.ts';
import { NOW, provisionedMaps, rangeOf } from './zonemap-harness/provisioned.ts';
import {
  assertPanelBuilt,
  closeColor,
  mapCounts,
  reachesMap,
  pixelColor,
  sampleableZones,
  seedDemoCity,
  waitForMap,
  zoneAt,
  zoneProbes,
  type ZoneProbe,
} from './zonemap-harness/support.ts';

const ZONES_MAP = provisionedMaps().find(({ d, p }) => d.uid === 's360-zones' && p.id === 1)!;
const SIZE = { width: 1100, height: 760 };

let env: BrowserEnv;
let probes: ZoneProbe[];
/** The panel's own query over its range, as the aggregator answers it: zone code → requests. */
let counts: Map<string, number>;

beforeAll(async () => {
  assertPanelBuilt();
  env = await startBrowserEnv();
  await seedDemoCity(env.aggregator!.db.pool, NOW);
  probes = await zoneProbes(env.aggregator!.db.pool);
  const range = rangeOf(ZONES_MAP.d, ZONES_MAP.p);
  const target = { ...ZONES_MAP.p.targets![0], filters: {}, language: 'en' };
  const res = await env.aggregator!.call(
    'POST',
    '/v1/query',
    { ...range, targets: [target] },
    env.aggregator!.tokens.read
  );
  assert.equal(res.status, 200, res.text);
  const fields = res.body.results.A.frames[0].fields as Array<{ name: string; values: unknown[] }>;
  const codes = fields.find((f) => f.name === 'zone_code')!.values as string[];
  const values = fields.find((f) => f.name === 'received')!.values as number[];
  counts = new Map(codes.map((c, i) => [c, values[i]]));
});
afterAll(async () => {
  await env?.stop();
});

async function openZonesMap(map = ZONES_MAP): Promise<HostPage> {
  const hp = await env.newPage();
  await hp.open(`/d/${map.d.uid}`);
  await hp.page.evaluate(([d, id, opts]) => window.__host.renderPanel(d, id, opts), [
    map.d,
    map.p.id,
    { ...SIZE, timeRange: rangeOf(map.d, map.p) },
  ] as const);
  await waitForMap(hp.page, probes.length);
  return hp;
}

/** How the zones layer styles a zone now: its fill (a colour string, or 'pattern' for the no-data hatching) and stroke. */
function zoneStyle(page: Page, code: string) {
  return page.evaluate(`(() => {
    const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
    const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'zones'; });
    const f = layer.getSource().getFeatureById(${JSON.stringify(code)});
    let s = layer.getStyleFunction()(f, map.getView().getResolution());
    if (Array.isArray(s)) s = s[0];
    const c = s.getFill().getColor();
    return { fill: typeof c === 'string' ? c.replace(/ /g, '') : 'pattern', strokeWidth: s.getStroke().getWidth() };
  })()`) as Promise<{ fill: string; strokeWidth: number }>;
}

const alphaOf = (rgba: string) => Number(/rgba\([^)]*,([\d.]+)\)$/.exec(rgba)?.[1] ?? 1);
const rgbOf = (rgba: string) => /rgba?\((\d+,\d+,\d+)/.exec(rgba)?.[1];
/** The zone variable's one value ('$__all' for All). */
const zoneVariable = (page: Page) => page.evaluate(() => [window.__host.variables.get().zone].flat().join(','));
const waitForVariable = (page: Page, value: string) =>
  page.waitForFunction((v) => [window.__host.variables.get().zone].flat().join(',') === v, value, { timeout: 15_000 });
/** Waits until the panel has run its query again after a variable change and the map drew what it got. */
async function waitForQueries(page: Page, atLeast: number) {
  await page.waitForFunction(
    (n) => {
      const p = window.__host.panel(1);
      return !!p && p.queries >= n && p.state === 'Done';
    },
    atLeast,
    { timeout: 30_000 }
  );
  await waitForMap(page, probes.length);
}
const queries = (page: Page) => page.evaluate(() => window.__host.panel(1)!.queries);

describe('drill-down keeps the city', () => {
  test("the provisioned maps' own queries (and request tiles) do not filter on the variable their click sets", () => {
    for (const { d, p } of provisionedMaps()) {
      const variable = p.options?.variableName ?? 'zone';
      const text = JSON.stringify([p.targets, p.options?.points?.tileQuery ?? '', p.options?.hotspots?.query ?? '']);
      assert.ok(!text.includes(`$${variable}`), `${d.uid} panel ${p.id} filters on $${variable}`);
    }
  });

  test('a click outlines the zone, dims the others (each still coloured by its own value) and sets the variable; a second click clears', async () => {
    const hp = await openZonesMap();
    const before = await mapCounts(hp.page);
    assert.ok(before.coloured > 50, `${before.coloured} zones coloured`);
    // The other zone: the busiest one can sample (its colour the furthest from the background, so dimming shows).
    const busiestFirst = [...probes].sort((a, b) => (counts.get(b.code) ?? 0) - (counts.get(a.code) ?? 0));
    const [other, target] = await sampleableZones(hp.page, busiestFirst, (p) => (counts.get(p.code) ?? 0) > 0, 2);
    const otherBefore = await zoneStyle(hp.page, other.probe.code);
    const targetPixel = await pixelColor(hp.page, target.x, target.y);
    const otherPixel = await pixelColor(hp.page, other.x, other.y);
    const ran = await queries(hp.page);

    await hp.page.mouse.click(target.x, target.y);
    await waitForVariable(hp.page, target.probe.code);
    await waitForQueries(hp.page, ran + 1);
    assert.match(
      (await hp.page.evaluate(() => window.__host.location())).search,
      new RegExp(`var-zone=${target.probe.code}(&|$)`)
    );
    const after = await mapCounts(hp.page);
    assert.equal(after.coloured, before.coloured, 'every zone keeps its value (no zone turned "No data")');
    assert.equal((await zoneStyle(hp.page, target.probe.code)).strokeWidth, 4, 'the selected zone is outlined');
    const otherNow = await zoneStyle(hp.page, other.probe.code);
    assert.equal(rgbOf(otherNow.fill), rgbOf(otherBefore.fill), 'another zone keeps the colour of its value');
    assert.ok(alphaOf(otherNow.fill) < alphaOf(otherBefore.fill) / 2, `dimmed: ${otherBefore.fill} → ${otherNow.fill}`);
    // On screen: the selected zone looks as before (the pinned tooltip's shadow may fall near it), the other one paler.
    const targetNow = await pixelColor(hp.page, target.x, target.y),
      otherPixelNow = await pixelColor(hp.page, other.x, other.y);
    assert.ok(closeColor(targetNow, targetPixel, 12), `selected zone: rgb(${targetPixel}) → rgb(${targetNow})`);
    assert.ok(!closeColor(otherPixelNow, otherPixel, 12), `another zone: rgb(${otherPixel}) → rgb(${otherPixelNow})`);
    assert.equal(await hp.page.getByTestId('zonemap-tooltip').getAttribute('data-zone'), target.probe.code);

    await hp.page.mouse.click(target.x, target.y);
    await waitForVariable(hp.page, '$__all');
    await hp.page.getByTestId('zonemap-whole-city').waitFor({ state: 'detached', timeout: 10_000 });
    assert.deepEqual(await zoneStyle(hp.page, other.probe.code), otherBefore, 'nothing dimmed after the second click');
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });

  test('Escape and the "Whole city" control clear the selection', async () => {
    const hp = await openZonesMap();
    const [target, other] = await sampleableZones(hp.page, probes, (p) => (counts.get(p.code) ?? 0) > 0, 2);
    const plain = await zoneStyle(hp.page, other.probe.code);
    for (const how of ['Escape', 'Whole city'] as const) {
      await hp.page.mouse.click(target.x, target.y);
      await waitForVariable(hp.page, target.probe.code);
      const control = hp.page.getByTestId('zonemap-whole-city');
      await control.waitFor({ timeout: 10_000 });
      if (how === 'Escape') {
        await hp.page.keyboard.press('Escape');
      } else {
        await control.click();
      }
      await waitForVariable(hp.page, '$__all');
      await control.waitFor({ state: 'detached', timeout: 10_000 });
      assert.deepEqual(await zoneStyle(hp.page, other.probe.code), plain, `${how}: nothing dimmed`);
    }
    assert.equal(await zoneVariable(hp.page), '$__all');
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });

  test('at city zoom a zone under a request bin answers hover (the bin a row of its tooltip) and click', async () => {
    const hp = await openZonesMap();
    // The biggest bins in view whose centre lies inside a zone.
    await hp.page.waitForFunction(
      `(() => {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'points'; });
      return layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize())).some(function (f) { return f.get('layer') === 'bins'; });
    })()`,
      undefined,
      { timeout: 30_000 }
    );
    const bins = (await hp.page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="zonemap-map"]');
      const map = el.__zonemap.map;
      const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'points'; });
      const r = el.getBoundingClientRect();
      return layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize()))
        .filter(function (f) { return f.get('layer') === 'bins'; })
        .sort(function (a, b) { return Number(b.get('count')) - Number(a.get('count')); })
        .slice(0, 30)
        .map(function (f) { const p = map.getPixelFromCoordinate(f.getGeometry().getFlatCoordinates().slice(0, 2)); return [r.left + p[0], r.top + p[1]]; })
        .filter(function (p) { return p[0] > r.left + 20 && p[0] < r.right - 20 && p[1] > r.top + 20 && p[1] < r.bottom - 20; });
    })()`)) as Array<[number, number]>;
    let spot: { x: number; y: number; code: string } | null = null;
    for (const [x, y] of bins) {
      const code = await zoneAt(hp.page, x, y);
      if (code && (await reachesMap(hp.page, x, y))) {
        spot = { x, y, code };
        break;
      }
    }
    assert.ok(spot, `a bin over a zone among ${bins.length}`);
    await hp.page.mouse.move(spot.x, spot.y);
    const tooltip = hp.page.getByTestId('zonemap-tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    assert.equal(await tooltip.getAttribute('data-zone'), spot.code, 'the zone answers the hover');
    assert.match((await hp.page.getByTestId('zonemap-tooltip-bin').textContent())!, /^[\d,]+ requests?/);
    await hp.page.mouse.click(spot.x, spot.y);
    await waitForVariable(hp.page, spot.code);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });
});

describe('zero is zero', () => {
  test('a zone with no request in the frame is filled as 0 and says 0; no zone is hatched "No data"', async () => {
    const missing = probes.filter((p) => !counts.has(p.code));
    assert.ok(missing.length > 0, 'the last 24 hours leave some zones without a request');
    const hp = await openZonesMap();
    const seen = await mapCounts(hp.page);
    assert.equal(seen.coloured, seen.zones, 'every zone filled with a colour');
    const [{ probe, x, y }] = await sampleableZones(hp.page, missing, () => true, 1);
    assert.notEqual((await zoneStyle(hp.page, probe.code)).fill, 'pattern');
    await hp.page.mouse.move(x, y);
    await hp.page.getByTestId('zonemap-tooltip').waitFor({ timeout: 10_000 });
    assert.equal(await hp.page.getByTestId('zonemap-tooltip-value').textContent(), '0');
    assert.equal(await hp.page.getByTestId('zonemap-legend').getByText('No data').count(), 0);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });
});

describe("the dashboard's decimals", () => {
  test("the per-capita map shows one decimal (the dashboard's), not the datasource's two", async () => {
    const perCapita = provisionedMaps().find(
      ({ d, p }) => d.uid === 's360-zones' && p.targets?.[0]?.metric === 'received_per_10k'
    )!;
    const hp = await openZonesMap(perCapita);
    const [{ x, y }] = await sampleableZones(
      hp.page,
      probes,
      (p) => (counts.get(p.code) ?? 0) > 0 && (p.population ?? 0) > 0,
      1
    );
    await hp.page.mouse.move(x, y);
    await hp.page.getByTestId('zonemap-tooltip').waitFor({ timeout: 10_000 });
    assert.match((await hp.page.getByTestId('zonemap-tooltip-value').textContent())!, /^[\d,]+\.\d$/);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });
});

describe('legible at 3 m', () => {
  const EXEC_MAP = provisionedMaps().find(({ d, p }) => d.uid === 's360-executive' && p.options?.tvMode)!;
  /** The screen, the executive map's size on it in css px (its 14 × 18 grid cells in kiosk) and the least height N of its type in device px. */
  const SCREENS = [
    { name: '1080p', width: 1920, height: 1080, dpr: 1, panel: { width: 1120, height: 650 }, min: 24 },
    { name: '4K unscaled', width: 3840, height: 2160, dpr: 1, panel: { width: 2240, height: 1300 }, min: 48 },
    { name: '4K at 200 %', width: 1920, height: 1080, dpr: 2, panel: { width: 1120, height: 650 }, min: 48 },
  ];
  for (const screen of SCREENS) {
    test(`${screen.name}: labels, legend and tooltip at least ${screen.min} device px`, async () => {
      const hp = await env.newPage();
      const cdp = await hp.page.context().newCDPSession(hp.page);
      await cdp.send('Emulation.setDeviceMetricsOverride', {
        width: screen.width,
        height: screen.height,
        deviceScaleFactor: screen.dpr,
        mobile: false,
      });
      await hp.open(`/d/${EXEC_MAP.d.uid}`);
      await hp.page.evaluate(([d, id, opts]) => window.__host.renderPanel(d, id, opts), [
        EXEC_MAP.d,
        EXEC_MAP.p.id,
        { ...screen.panel, timeRange: rangeOf(EXEC_MAP.d, EXEC_MAP.p) },
      ] as const);
      await waitForMap(hp.page, probes.length);
      const label = (await hp.page.evaluate(`(() => {
        const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
        const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'labels'; });
        const f = layer.getSource().getFeatures()[0];
        let s = layer.getStyleFunction()(f, map.getView().getResolution());
        if (Array.isArray(s)) s = s[0];
        return { font: s.getText().getFont(), ratio: window.devicePixelRatio };
      })()`)) as { font: string; ratio: number };
      assert.equal(label.ratio, screen.dpr);
      const labelPx = Number(/(\d+(?:\.\d+)?)px/.exec(label.font)![1]) * screen.dpr;
      assert.ok(labelPx >= screen.min, `labels ${labelPx} device px (${label.font})`);
      const legendPx =
        (await hp.page.getByTestId('zonemap-legend').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))) *
        screen.dpr;
      assert.ok(legendPx >= screen.min, `legend ${legendPx} device px`);
      const [{ x, y }] = await sampleableZones(hp.page, probes, () => true, 1);
      await hp.page.mouse.move(x, y);
      const tooltip = hp.page.getByTestId('zonemap-tooltip');
      await tooltip.waitFor({ timeout: 10_000 });
      const tooltipPx = (await tooltip.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))) * screen.dpr;
      assert.ok(tooltipPx >= screen.min, `tooltip ${tooltipPx} device px`);
      assert.deepEqual(unexpectedErrors(hp.errors), []);
      await hp.page.close();
    });
  }
});

describe('Arabic all the way', () => {
  test('with var-language=ar the wall map speaks Arabic: Arabic name first, legend and tooltip mirrored, no Latin UI string', async () => {
    const exec = provisionedMaps().find(
      ({ d, p }) => d.uid === 's360-executive' && p.type === 'services360-zonemap-panel'
    )!;
    assert.equal(exec.p.options?.language, '$language');
    const hp = await env.newPage();
    await hp.open(`/d/${exec.d.uid}?var-language=ar`);
    await hp.page.evaluate(([d, id, opts]) => window.__host.renderPanel(d, id, opts), [
      exec.d,
      exec.p.id,
      { ...SIZE, timeRange: rangeOf(exec.d, exec.p), variables: { language: 'ar' } },
    ] as const);
    await waitForMap(hp.page, probes.length);
    assert.equal(await hp.page.getByTestId('zonemap').getAttribute('dir'), 'rtl');
    const legend = hp.page.getByTestId('zonemap-legend');
    assert.equal(await legend.getAttribute('dir'), 'rtl');
    const legendText = (await legend.textContent())!;
    assert.doesNotMatch(legendText, /[A-Za-z]/, `legend: ${legendText}`);
    const [{ probe, x, y }] = await sampleableZones(
      hp.page,
      probes,
      (p) => /[\u0600-\u06FF]/.test(p.nameAr) && p.population !== null,
      1
    );
    await hp.page.mouse.move(x, y);
    const tooltip = hp.page.getByTestId('zonemap-tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    assert.equal(await tooltip.getAttribute('dir'), 'rtl');
    const order = await tooltip.evaluate((el) =>
      [...el.querySelectorAll('[data-testid^="zonemap-tooltip-"]')].map((n) => n.getAttribute('data-testid'))
    );
    assert.ok(
      order.indexOf('zonemap-tooltip-ar') < order.indexOf('zonemap-tooltip-title'),
      `the Arabic name leads: ${order}`
    );
    assert.equal(await hp.page.getByTestId('zonemap-tooltip-ar').textContent(), probe.nameAr);
    // Everything but the English name (a name, not UI) is Arabic or digits.
    const ui = await tooltip.evaluate((el) => {
      const c = el.cloneNode(true) as HTMLElement;
      c.querySelector('[data-testid="zonemap-tooltip-title"]')?.remove();
      return c.textContent;
    });
    assert.doesNotMatch(ui!, /[A-Za-z]/, `tooltip: ${ui}`);
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });
});
