// Zone map browser tests: a demo city in the test aggregator's database, the panel rendered through the
// plugin host, pixels read back from a screenshot (what a person sees), and zone geometry from PostGIS.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type pg from 'pg';
import type { Page } from 'playwright-core';
import { generateDemo } from '../../../backend/demo/generate.ts';
import { DUBAI_COMMUNITIES_FILE, fileSource, generatedCitySource } from '../../../backend/demo/communities.ts';
import { ROOT_DIR } from '../../host/webpack.config.ts';

export const PANEL_TYPE = 'services360-zonemap-panel';
export const DS = { uid: 'services360-requests', type: 'services360-requests-datasource' };

/** The panel must be built (npm run build) before the host can serve it. */
export function assertPanelBuilt() {
  const module = join(ROOT_DIR, 'dist/panel/module.js');
  if (!existsSync(module)) {
    throw new Error(`${module} is missing: run npm run build first`);
  }
}

/** A month of demo requests in the Dubai communities (or the generated city), ending at `endAt`. */
export async function seedDemoCity(pool: pg.Pool, endAt: number, requests = 6000) {
  const source = existsSync(DUBAI_COMMUNITIES_FILE) ? fileSource(DUBAI_COMMUNITIES_FILE) : generatedCitySource();
  return generateDemo(pool, {
    months: 1,
    seed: 'zonemap',
    requests,
    perDay: 0,
    endAt,
    chunkRequests: 5000,
    source,
    subdivideVertices: 64,
    checkRows: true,
  });
}

export type ZoneProbe = {
  code: string;
  nameEn: string;
  nameAr: string;
  population: number | null;
  lon: number;
  lat: number;
  areaKm2: number;
};

/** Every zone with an interior point (ST_PointOnSurface) to sample its colour at. */
export async function zoneProbes(pool: pg.Pool): Promise<ZoneProbe[]> {
  const { rows } = await pool.query(`SELECT code, name_en, name_ar, population, ST_X(p) AS lon, ST_Y(p) AS lat, area_km2
    FROM (SELECT z.*, ST_PointOnSurface(z.geom) AS p FROM zones z) s ORDER BY area_km2 DESC`);
  return rows.map((r) => ({
    code: r.code,
    nameEn: r.name_en,
    nameAr: r.name_ar,
    population: r.population,
    lon: Number(r.lon),
    lat: Number(r.lat),
    areaKm2: Number(r.area_km2),
  }));
}

export function dashboard(
  panel: Record<string, unknown>,
  time: { from: string; to: string },
  variables: string[] = ['zone']
) {
  return {
    uid: 'zonemap-test',
    title: 'Zone map',
    time,
    templating: {
      list: variables.map((name) => ({
        name,
        type: 'custom',
        multi: false,
        includeAll: true,
        current: { text: 'All', value: '$__all' },
        options: [],
      })),
    },
    panels: [
      {
        id: 1,
        type: PANEL_TYPE,
        title: 'Requests by zone',
        datasource: DS,
        gridPos: { x: 0, y: 0, w: 24, h: 20 },
        ...panel,
      },
    ],
  };
}

/** The panel's map element and the screen pixel of a lon/lat on it. */
export async function screenPixel(page: Page, lon: number, lat: number): Promise<[number, number] | null> {
  return page.evaluate(
    ([lon, lat]) => {
      const el = document.querySelector('[data-testid="zonemap-map"]') as HTMLElement & {
        __zonemap?: { pixelOf(lon: number, lat: number): number[] | null };
      };
      const p = el?.__zonemap?.pixelOf(lon, lat);
      if (!p) {
        return null;
      }
      const r = el.getBoundingClientRect();
      const x = r.left + p[0],
        y = r.top + p[1];
      return x > r.left + 2 && x < r.right - 2 && y > r.top + 2 && y < r.bottom - 2 ? [x, y] : null;
    },
    [lon, lat] as [number, number]
  );
}

/** The zone code under a screen pixel (OpenLayers' own hit detection on the zones layer), or null. */
export async function zoneAt(page: Page, x: number, y: number): Promise<string | null> {
  // Plain JavaScript: tsx names functions in object literals with a helper the page does not have.
  return page.evaluate(`(() => {
    const el = document.querySelector('[data-testid="zonemap-map"]');
    const map = el.__zonemap.map;
    const r = el.getBoundingClientRect();
    let code = null;
    map.forEachFeatureAtPixel([${x} - r.left, ${y} - r.top], function (f) { code = f.get('code') || null; return true; },
      { layerFilter: function (l) { return l.get('id') === 'zones'; } });
    return code;
  })()`);
}

/** Zones whose interior point is well inside the zone on screen (the same zone 4 px around it) and not under the
 *  legend or another overlay (the pointer reaches the map there). */
export async function sampleableZones(
  page: Page,
  probes: ZoneProbe[],
  wanted: (p: ZoneProbe) => boolean,
  limit: number
) {
  const out: Array<{ probe: ZoneProbe; x: number; y: number }> = [];
  for (const probe of probes) {
    if (out.length >= limit) {
      break;
    }
    if (!wanted(probe)) {
      continue;
    }
    const px = await screenPixel(page, probe.lon, probe.lat);
    if (!px) {
      continue;
    }
    const [x, y] = px;
    const around = await Promise.all(
      [
        [0, 0],
        [4, 0],
        [-4, 0],
        [0, 4],
        [0, -4],
      ].map(([dx, dy]) => zoneAt(page, x + dx, y + dy))
    );
    if ((await reachesMap(page, x, y)) && around.every((c) => c === probe.code)) {
      out.push({ probe, x, y });
    }
  }
  return out;
}

/** Whether the pointer at a screen pixel reaches the map (not the legend, a tooltip or a control over it). */
export function reachesMap(page: Page, x: number, y: number): Promise<boolean> {
  return page.evaluate(([px, py]) => !!document.elementFromPoint(px, py)?.closest('[data-testid="zonemap-map"]'), [
    x,
    y,
  ] as [number, number]);
}

/** The colour of one screen pixel, read from a screenshot. */
export async function pixelColor(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({
    clip: { x: Math.floor(x), y: Math.floor(y), width: 1, height: 1 },
    animations: 'disabled',
    caret: 'hide',
  });
  return onePixel(png);
}

/** A screenshot of the square of side 2·radius+1 around a screen pixel (PNG bytes: equal bytes, equal pixels). */
export function patchAround(page: Page, x: number, y: number, radius: number): Promise<Buffer> {
  return page.screenshot({
    clip: { x: Math.floor(x) - radius, y: Math.floor(y) - radius, width: 2 * radius + 1, height: 2 * radius + 1 },
    animations: 'disabled',
    caret: 'hide',
  });
}

/** Decodes a 1×1 PNG (8-bit RGB or RGBA): for one pixel every PNG filter leaves the bytes as they are. */
export function onePixel(png: Buffer): [number, number, number] {
  let pos = 8;
  const idat: Buffer[] = [];
  let colorType = 6;
  while (pos < png.length) {
    const len = png.readUInt32BE(pos),
      type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      colorType = data[9];
      if (data[8] !== 8) {
        throw new Error('expected 8-bit PNG');
      }
    }
    if (type === 'IDAT') {
      idat.push(data);
    }
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  if (colorType !== 2 && colorType !== 6) {
    throw new Error(`unexpected PNG colour type ${colorType}`);
  }
  return [raw[1], raw[2], raw[3]];
}

export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) {
    throw new Error(`not a #rrggbb colour: ${hex}`);
  }
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export const closeColor = (a: number[], b: number[], tolerance = 3) =>
  a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

/** Waits for the panel's map to finish a render after the zones arrived. */
export async function waitForMap(page: Page, minZones = 1) {
  await page.waitForFunction(
    (min) => {
      const el = document.querySelector('[data-testid="zonemap-map"]') as HTMLElement & { __zonemap?: { map: any } };
      const zones = el?.__zonemap?.map.getAllLayers().find((l: any) => l.get('id') === 'zones');
      return (
        !!el?.dataset.renders &&
        (zones?.getSource()?.getFeatures().length ?? 0) >= min &&
        !document.querySelector('[data-testid="zonemap-loading"]')
      );
    },
    minZones,
    { timeout: 60_000 }
  );
  // One more complete render after the data (values) arrived.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const el = document.querySelector('[data-testid="zonemap-map"]') as HTMLElement & { __zonemap?: { map: any } };
        const map = el.__zonemap!.map;
        map.once('rendercomplete', () => resolve());
        map.render();
      })
  );
}

/** Counts on the rendered map: zones, zones filled with a colour (zones without data are hatched with a canvas
 *  pattern or left transparent), and the features of each vector layer. */
export async function mapCounts(
  page: Page
): Promise<{ zones: number; coloured: number; layers: Record<string, number> }> {
  // Plain JavaScript: tsx names functions in object literals with a helper the page does not have.
  return page.evaluate(`(() => {
    const map = document.querySelector('[data-testid="zonemap-map"]').__zonemap.map;
    const layers = {};
    map.getAllLayers().forEach(function (l) {
      const s = l.getSource && l.getSource();
      if (l.get('id') && s && s.getFeatures) layers[l.get('id')] = s.getFeatures().length;
    });
    const zonesLayer = map.getAllLayers().find(function (l) { return l.get('id') === 'zones'; });
    const style = zonesLayer.getStyleFunction();
    let coloured = 0;
    zonesLayer.getSource().getFeatures().forEach(function (f) {
      let s = style(f, map.getView().getResolution());
      if (Array.isArray(s)) s = s[0];
      const c = s && s.getFill() && s.getFill().getColor();
      if (typeof c === 'string' && c.replace(/ /g, '') !== 'rgba(0,0,0,0)') coloured++;
    });
    return { zones: layers.zones || 0, coloured: coloured, layers: layers };
  })()`);
}
