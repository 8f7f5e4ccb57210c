// What the zone map's tooltips say when the pointer rests on something drawn over the zones, in real Chromium
// through the plugin host against a real aggregator with a month of the demo city: a request point from the
// aggregator's tiles (reference, topic, category, status, stage by its English or Arabic name, SLA state: the
// stage's name checked against PostGIS), a point from a frame of rows (the same fields, where the frame has them) and a
// recurrence hot spot's ring (its topic and how many reports).
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

import { startBrowserEnv, unexpectedErrors, type BrowserEnv, type HostPage } from '../support/browser.ts';
import { en } from '../../src/panel/locales/en.ts';
import { ar } from '../../src/panel/locales/ar.ts';
import {
  assertPanelBuilt,
  dashboard,
  reachesMap,
  sampleableZones,
  seedDemoCity,
  waitForMap,
  zoneProbes,
  type ZoneProbe,
} from './zonemap-harness/support.ts';

const END = Math.floor(Date.now() / 60_000) * 60_000;
const TIME = { from: new Date(END - 31 * 86_400_000).toISOString(), to: new Date(END).toISOString() };
const ECHO = { uid: 's360fixture-echo', type: 's360fixture-echo-datasource' };
const NOTHING_ELSE = {
  labels: { enabled: false },
  points: { enabled: false },
  hotspots: { enabled: false },
  heatmap: { enabled: false },
};

/** A code as the panel shows it without a name: its last part, capitalised, underscores as spaces (roads.pothole → Pothole). */
const humanized = (code: string) => {
  const c = code.split('.').pop()!;
  return c.charAt(0).toUpperCase() + c.slice(1).replace(/_/g, ' ');
};

let env: BrowserEnv;
let probes: ZoneProbe[];

beforeAll(async () => {
  assertPanelBuilt();
  env = await startBrowserEnv({ fixtures: true });
  await seedDemoCity(env.aggregator!.db.pool, END);
  probes = await zoneProbes(env.aggregator!.db.pool);
});
afterAll(async () => {
  await env?.stop();
});

async function openPanel(panel: Record<string, unknown>): Promise<HostPage> {
  const hp = await env.newPage();
  await hp.open();
  await hp.page.evaluate(([d, o]) => window.__host.renderPanel(d, 1, o), [
    dashboard(panel, TIME),
    { width: 1100, height: 760 },
  ] as const);
  await waitForMap(hp.page, probes.length);
  return hp;
}

/** The tooltip after the pointer came to rest at a screen pixel: its title and rows (label → value). */
async function tooltipAt(page: Page, x: number, y: number) {
  await page.mouse.move(x - 6, y - 6);
  await page.mouse.move(x, y);
  const tooltip = page.getByTestId('zonemap-tooltip');
  await tooltip.waitFor({ timeout: 15_000 });
  const rows = await tooltip
    .locator('tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return {
    title: (await page.getByTestId('zonemap-tooltip-title').textContent()) ?? '',
    rows: Object.fromEntries(rows),
    dir: await tooltip.getAttribute('dir'),
  };
}

/**
 * The tooltip at a screen pixel once it shows what `ready` wants (the stage's name arrives from the aggregator
 * apart from the tiles): the pointer comes to rest there again until it does, for at most `timeoutMs`.
 */
async function tooltipOnceReady(
  page: Page,
  x: number,
  y: number,
  ready: (tip: Awaited<ReturnType<typeof tooltipAt>>) => boolean,
  timeoutMs = 20_000
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const tip = await tooltipAt(page, x, y);
    if (ready(tip) || Date.now() > until) {
      return tip;
    }
    await page.mouse.move(x - 40, y - 40);
  }
}

/** The screen pixel of a feature of a layer, chosen in the page by `pick` (plain JavaScript over the features in view). */
function featurePixel(page: Page, layerId: string, pick: string): Promise<[number, number] | null> {
  return page.evaluate(`(() => {
    const el = document.querySelector('[data-testid="zonemap-map"]');
    const map = el.__zonemap.map;
    const layer = map.getAllLayers().find(function (l) { return l.get('id') === ${JSON.stringify(layerId)}; });
    const features = layer.getSource().getFeatures ? layer.getSource().getFeatures() : layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize()));
    const f = (${pick})(features, map, layer);
    if (!f) return null;
    const g = f.getGeometry();
    const p = map.getPixelFromCoordinate(g.getFlatCoordinates().slice(0, 2));
    const r = el.getBoundingClientRect();
    return [r.left + p[0], r.top + p[1]];
  })()`);
}

describe('request point tooltips', () => {
  for (const lang of ['en', 'ar'] as const) {
    test(
      `a request from the aggregator's tiles (${lang}): reference, topic, category, status, stage by ` +
        `its ${lang === 'ar' ? 'Arabic' : 'English'} name and SLA state`,
      async () => {
        // A request in range with no other within 80 m, so the pointer finds it alone.
        const {
          rows: [req],
        } = await env.aggregator!.db.pool.query(
          `
        SELECT r.id, ST_X(r.location) AS lon, ST_Y(r.location) AS lat, r.topic_code, r.category_code, r.status, r.sla_state, s.name_en, s.name_ar,
               tp.name_en AS topic_en, tp.name_ar AS topic_ar, c.name_en AS category_en, c.name_ar AS category_ar,
               st.name_en AS status_en, st.name_ar AS status_ar
        FROM requests r JOIN stages s ON s.code = r.stage JOIN topics tp ON tp.code = r.topic_code JOIN categories c ON c.code = r.category_code
        JOIN statuses st ON st.code = r.status
        WHERE r.created_at >= $1 AND r.created_at < $2 AND r.sla_state IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM requests o WHERE o.id <> r.id AND o.created_at >= $1 AND o.created_at < $2
            AND ST_DWithin(o.location::geography, r.location::geography, 80))
        ORDER BY r.id LIMIT 1`,
          [TIME.from, TIME.to]
        );
        assert.ok(req, 'an isolated request in the demo city');
        const hp = await openPanel({
          targets: [],
          options: {
            ...NOTHING_ELSE,
            language: lang,
            points: { enabled: true, source: 'tiles', colorBy: 'sla_state' },
          },
        });
        // Zoomed in on it (view zoom 17: the aggregator's point tiles), as a viewer would.
        await hp.page.evaluate(`(() => {
        const z = document.querySelector('[data-testid="zonemap-map"]').__zonemap;
        z.map.getView().setCenter(z.map.getCoordinateFromPixel(z.pixelOf(${req.lon}, ${req.lat})));
        z.map.getView().setZoom(17);
      })()`);
        await hp.page.waitForFunction(
          `(() => {
        const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
        const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'points'; });
        return layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize())).some(function (f) { return Number(f.get('id')) === ${Number(req.id)}; });
      })()`,
          undefined,
          { timeout: 30_000 }
        );
        const at = await featurePixel(
          hp.page,
          'points',
          `function (fs) { return fs.find(function (f) { return Number(f.get('id')) === ${Number(req.id)}; }); }`
        );
        assert.ok(at && (await reachesMap(hp.page, at[0], at[1])), `request ${req.id} is on screen`);
        const t =
          lang === 'ar'
            ? { topic: 'الموضوع', category: 'الفئة', status: 'الحالة', stage: 'المرحلة', sla: 'اتفاقية مستوى الخدمة' }
            : { topic: 'Topic', category: 'Category', status: 'Status', stage: 'Stage', sla: 'SLA' };
        const stageName = lang === 'ar' ? req.name_ar : req.name_en;
        const statusName = lang === 'ar' ? req.status_ar : req.status_en;
        // The journey's names arrive beside the tiles: hovered again until both show.
        const tip = await tooltipOnceReady(
          hp.page,
          at[0],
          at[1],
          (shown) => shown.rows[t.stage] === stageName && shown.rows[t.status] === statusName
        );
        assert.equal(tip.title, `S360-${String(req.id).padStart(9, '0')}`);
        assert.deepEqual(
          Object.keys(tip.rows),
          [t.topic, t.category, t.status, t.stage, t.sla],
          'these rows, in this order, and nothing else'
        );
        assert.equal(tip.rows[t.stage], stageName, "the stage by its name in the panel's language");
        assert.ok(
          (await hp.page.evaluate(() => window.__host.requests.map((r) => r.url))).some((u) =>
            u.endsWith(`/aggregator/v1/variables/stage?language=${lang}`)
          ),
          "the names asked of the aggregator in the panel's language"
        );
        // Topic and category named from the aggregator's catalogue in the panel's language; status and SLA state,
        // which the catalogue does not name, as their readable codes.
        assert.equal(tip.rows[t.topic], lang === 'ar' ? req.topic_ar : req.topic_en);
        assert.equal(tip.rows[t.category], lang === 'ar' ? req.category_ar : req.category_en);
        // Status by the aggregator's name in the panel's language, the SLA state from the panel's own catalogue.
        assert.equal(tip.rows[t.status], statusName);
        assert.equal(tip.rows[t.sla], (lang === 'ar' ? ar : en)[`zonemap.sla.${req.sla_state}` as keyof typeof en]);
        assert.equal(tip.dir, lang === 'ar' ? 'rtl' : 'ltr');
        assert.deepEqual(unexpectedErrors(hp.errors), []);
        await hp.page.close();
      }
    );
  }

  test('a point from a frame of rows shows the same fields the frame has, and the field that colours it', async () => {
    // Three requests at the interior points of three large zones, far apart, as a SQL datasource would list them.
    const at = probes.slice(0, 3);
    const rows = {
      lon: at.map((p) => p.lon),
      lat: at.map((p) => p.lat),
      reference: ['S360-000000101', 'S360-000000102', 'S360-000000103'],
      topic: ['roads.pothole', 'waste.overflowing_bin', 'noise'],
      status: ['assigned', 'in_progress', 'on_hold'],
      stage: ['Assigned to a team', 'Field visit', 'On hold (awaiting customer)'],
      channel: ['whatsapp', 'website', 'call_centre'],
    };
    const targets = [
      { refId: 'P', datasource: ECHO, fields: Object.entries(rows).map(([name, values]) => ({ name, values })) },
    ];
    const hp = await openPanel({
      datasource: ECHO,
      targets,
      options: {
        ...NOTHING_ELSE,
        points: { enabled: true, source: 'frame', frame: 'P', colorBy: 'channel', pointsMinZoom: 8 },
      },
    });
    await hp.page.waitForFunction(
      `document.querySelector('[data-testid="zonemap-map"]').__zonemap.map.getAllLayers().find(function ` +
        `(l) { return l.get('id') === 'points'; }).getSource().getFeatures().length === 3`,
      undefined,
      { timeout: 30_000 }
    );
    const onScreen = await sampleableZones(hp.page, at, () => true, 3);
    assert.ok(onScreen.length > 0, 'a point over the map, not under the legend');
    const { probe, x, y } = onScreen[0];
    const i = at.indexOf(probe);
    const tip = await tooltipAt(hp.page, x, y);
    assert.equal(tip.title, rows.reference[i]);
    // Named from the catalogue where it names the code (channels, topics), else the code made readable ("noise").
    const { rows: named } = await env.aggregator!.db.pool.query<{ code: string; name: string }>(
      'SELECT code, name_en AS name FROM channels UNION ALL SELECT code, name_en FROM topics'
    );
    const nameOf = (code: string) => named.find((n) => n.code === code)?.name ?? humanized(code);
    assert.deepEqual(tip.rows, {
      Topic: nameOf(rows.topic[i]),
      Status: humanized(rows.status[i]),
      Stage: rows.stage[i],
      Channel: nameOf(rows.channel[i]),
    });
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });
});

describe('hot spot tooltips', () => {
  test("hovering a hot spot's ring shows its topic and how many reports it holds", async () => {
    const hp = await openPanel({
      targets: [],
      options: { ...NOTHING_ELSE, hotspots: { enabled: true, showLabels: false } },
    });
    await hp.page.waitForFunction(
      `document.querySelector('[data-testid="zonemap-map"]').__zonemap.map.getAllLayers().find(function ` +
        `(l) { return l.get('id') === 'hotspots'; }).getSource().getFeatures().length > 0`,
      undefined,
      { timeout: 30_000 }
    );
    // The biggest hot spot that answers at its own centre (none drawn over it) and is not under the legend.
    const candidates = (await hp.page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="zonemap-map"]');
      const map = el.__zonemap.map;
      const layer = map.getAllLayers().find(function (l) { return l.get('id') === 'hotspots'; });
      const r = el.getBoundingClientRect();
      return layer.getSource().getFeatures()
        .sort(function (a, b) { return Number(b.get('count')) - Number(a.get('count')); })
        .map(function (f) {
          const p = map.getPixelFromCoordinate(f.getGeometry().getCoordinates());
          let top = null;
          map.forEachFeatureAtPixel(p, function (hit) { top = hit; return true; }, { layerFilter: function (l) { return l === layer; }, hitTolerance: 3 });
          return { x: r.left + p[0], y: r.top + p[1], alone: top === f,
            topic: String(f.get('topic_name') || f.get('topic') || ''), count: Number(f.get('count')) };
        })
        .filter(function (c) { return c.alone && c.x > r.left + 20 && c.x < r.right - 20 && c.y > r.top + 20 && c.y < r.bottom - 20; });
    })()`)) as Array<{ x: number; y: number; topic: string; count: number }>;
    let spot: (typeof candidates)[number] | undefined;
    for (const c of candidates) {
      if (await reachesMap(hp.page, c.x, c.y)) {
        spot = c;
        break;
      }
    }
    assert.ok(spot, `a hot spot to hover among ${candidates.length}`);
    assert.ok(spot.topic && spot.count > 1, JSON.stringify(spot));
    const tip = await tooltipAt(hp.page, spot.x, spot.y);
    assert.equal(tip.title, `Hot spot: ${spot.topic}`);
    assert.equal(tip.rows.Reports, spot.count.toLocaleString('en-US'));
    assert.deepEqual(unexpectedErrors(hp.errors), []);
    await hp.page.close();
  });
});
