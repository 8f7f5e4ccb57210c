// Visual regression of every provisioned zone map panel (provisioning/dashboards/services360/*.json), rendered
// through the plugin host in real Chromium as tests/browser/dashboards.test.ts renders them, on a 1080p screen and a
// 4K TV at 200 %, in English and in Arabic (var-language=ar), compared with its reference PNG by pixelmatch within
// a tolerance (zonemap-harness/visual.ts). Deterministic renders: the generated demo city (not the Dubai communities,
// which a fresh clone lacks) ending at a fixed time,
// no base map, fonts installed on the machine. A deliberate change (one zone recoloured, one label moved) must fail
// the comparison, and two renders of one panel are measured against each other.
//
//   npm run visual:update      regenerates the references (and the README's wall-map screenshots)
//
// The Proactive dashboard's "Tomorrow" forecast map reads the forecasts of the city's real tomorrow (the server's
// clock): fixed forecasts, a function of the zone alone, are written for the real days ahead
// (zonemap-harness/fixed-forecasts.ts), so it renders the same on any day.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';

import { startBrowserEnv, unexpectedErrors, type BrowserEnv } from '../support/browser.ts';
import { ROOT_DIR } from '../host/webpack.config.ts';
import { DEMO_END } from './seed-city.ts';
import {
  MAP,
  provisionedMaps,
  rangeOf,
  seedDashboardCity,
  type Dashboard,
  type Panel,
} from './zonemap-harness/provisioned.ts';
import { assertPanelBuilt } from './zonemap-harness/support.ts';
import { seedFixedZoneForecasts } from './zonemap-harness/fixed-forecasts.ts';
import {
  LANGUAGES,
  SCREENS,
  TOLERANCE,
  capture,
  emulateScreen,
  mismatch,
  readPng,
  referenceFile,
  renderComplete,
  settle,
  writePng,
  type Language,
  type Screen,
} from './zonemap-harness/visual.ts';

const UPDATE = process.env.S360_VISUAL_UPDATE === '1';
/** The fixed end of the demo data and the "now" the dashboards' relative ranges are read at: the browser tests'
 *  fixed demo day, in its evening (20 hours of "today" on the wall map). */
const NOW = Date.parse(`${DEMO_END.slice(0, 10)}T20:00:00Z`);
const MAPS = provisionedMaps();
const WALL = MAPS.find(({ d }) => d.uid === 's360-executive')!;
/** Where a failed comparison leaves the render it made, to look at beside the reference. */
const ACTUAL_DIR = join(ROOT_DIR, '.cache/visual-actual');

let env: BrowserEnv;
let zones = 0;

beforeAll(async () => {
  assertPanelBuilt();
  env = await startBrowserEnv();
  // The generated city, never the Dubai communities: those lie beside the project only on some machines (a fresh
  // clone has none), and the references must hold on every one.
  await seedDashboardCity(env.aggregator!.db.pool, NOW, { forecasts: false, generated: true });
  await seedFixedZoneForecasts(env.aggregator!.db.pool);
  zones = (await env.aggregator!.db.pool.query('SELECT count(*)::int AS n FROM zones')).rows[0].n;
});
afterAll(async () => {
  await env?.stop();
});

/** The panel at its grid size on a 1920-css-px dashboard (80 px a column, 36 a row, as in kiosk), settled and captured. */
async function render(
  map: { d: Dashboard; p: Panel },
  screen: Screen,
  lang: Language,
  change?: (page: Page) => Promise<void>
) {
  const hp = await env.newPage();
  const cdp = await emulateScreen(hp.page, screen);
  await hp.open(`/d/${map.d.uid}${lang === 'ar' ? '?var-language=ar' : ''}`);
  assert.deepEqual(
    await hp.page.evaluate(() => [window.innerWidth, window.devicePixelRatio]),
    [screen.width, screen.deviceScaleFactor],
    'the screen is emulated'
  );
  const size = { width: map.p.gridPos.w * 80, height: map.p.gridPos.h * 36 };
  const state = await hp.page.evaluate(([d, id, opts]) => window.__host.renderPanel(d, id, opts), [
    map.d,
    map.p.id,
    { ...size, timeRange: rangeOf(map.d, map.p, NOW), variables: { language: lang } },
  ] as const);
  assert.equal(state.type, MAP);
  await settle(hp.page, map.p.id, zones, !!map.p.options?.hotspots?.enabled);
  if (change) {
    await change(hp.page);
    await renderComplete(hp.page);
  }
  const png = await capture(hp.page, cdp, state.selector, size);
  assert.deepEqual(unexpectedErrors(hp.errors), []);
  await hp.page.close();
  return png;
}

const nameOf = (map: { d: Dashboard; p: Panel }, screen: Screen, lang: Language) =>
  `${map.d.uid} panel ${map.p.id} "${map.p.title}", ${screen.id}, ${lang}`;

describe('zone map panels look as their references', () => {
  test('every provisioned map is compared (the forecast map too), on both screens and in both languages', () => {
    assert.deepEqual([...new Set(MAPS.map(({ d }) => d.uid))].sort(), [
      's360-categories',
      's360-executive',
      's360-proactive',
      's360-zones',
    ]);
    assert.ok(
      MAPS.some(({ p }) => (p.targets ?? []).some((t) => t.metric === 'forecast_received')),
      'the forecast map is among them'
    );
  });

  for (const map of MAPS) {
    for (const screen of SCREENS) {
      for (const lang of LANGUAGES) {
        test(nameOf(map, screen, lang), async () => {
          const actual = await render(map, screen, lang);
          const file = referenceFile(map.d.uid, map.p.id, screen, lang);
          if (UPDATE) {
            console.info(
              `wrote ${relative(ROOT_DIR, file)}: ${actual.width}×${actual.height}, ${await writePng(file, actual)} bytes`
            );
            return;
          }
          const ratio = mismatch(actual, await readPng(file));
          console.info(`${(ratio * 100).toFixed(4)} % of pixels differ (tolerance ${(TOLERANCE * 100).toFixed(2)} %)`);
          if (ratio > TOLERANCE) {
            mkdirSync(ACTUAL_DIR, { recursive: true });
            await writePng(join(ACTUAL_DIR, relative(ROOT_DIR, file).replace(/\//g, '_')), actual);
          }
          assert.ok(
            ratio <= TOLERANCE,
            `${(ratio * 100).toFixed(3)} % of pixels differ from ${relative(ROOT_DIR, file)} (render left in .cache/visual-actual)`
          );
        });
      }
    }
  }
});

describe('the comparison catches what a viewer would see and nothing else', () => {
  const screen = SCREENS[0];
  const reference = () => readPng(referenceFile(WALL.d.uid, WALL.p.id, screen, 'en'));

  test('two renders of the wall map in two pages differ by far less than the tolerance', async () => {
    const [a, b] = [await render(WALL, screen, 'en'), await render(WALL, screen, 'en')];
    const ratio = mismatch(a, b);
    console.info(`two renders: ${(ratio * 100).toFixed(4)} % of pixels differ`);
    assert.ok(ratio <= TOLERANCE / 4, `${ratio}`);
  });

  test('one zone in another colour (the busiest, as a leader would look for it) fails the comparison', async () => {
    const changed = await render(WALL, screen, 'en', (page) =>
      page.evaluate(`(() => {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      const layerOf = function (id) { return map.getAllLayers().find(function (l) { return l.get('id') === id; }); };
      const busiest = layerOf('labels').getSource().getFeatures().reduce(function (a, b) { return b.get('rank') > a.get('rank') ? b : a; });
      const zone = layerOf('zones').getSource().getFeatureById(busiest.get('code'));
      let style = layerOf('zones').getStyleFunction()(zone, map.getView().getResolution());
      style = (Array.isArray(style) ? style[0] : style).clone();
      style.getFill().setColor('#3274d9');
      zone.setStyle(style);
    })()`)
    );
    const ratio = mismatch(changed, await reference());
    console.info(`one zone recoloured: ${(ratio * 100).toFixed(3)} % of pixels differ`);
    assert.ok(ratio > TOLERANCE, `${ratio}`);
  });

  test("the busiest zone's label moved 30 px fails the comparison", async () => {
    const changed = await render(WALL, screen, 'en', (page) =>
      page.evaluate(`(() => {
      const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
      const labels = map.getAllLayers().find(function (l) { return l.get('id') === 'labels'; });
      const busiest = labels.getSource().getFeatures().reduce(function (a, b) { return b.get('rank') > a.get('rank') ? b : a; });
      const px = map.getView().getResolution();
      busiest.getGeometry().translate(30 * px, 0);
    })()`)
    );
    const ratio = mismatch(changed, await reference());
    console.info(`one label moved: ${(ratio * 100).toFixed(3)} % of pixels differ`);
    assert.ok(ratio > TOLERANCE, `${ratio}`);
  });
});
