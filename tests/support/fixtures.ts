// Test data: the Dubai communities beside the project when present, else a small generated grid.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { importZones } from '../../backend/zones/import-zones.ts';

export const DUBAI_GEOJSON = join(
  fileURLToPath(import.meta.url),
  '../../../../shared/data/dubai/dubai_communities.geojson'
);
/** S360_TEST_NO_DUBAI=1 pretends the file is absent (to exercise the generated-city path). */
export const hasDubai = () => !process.env.S360_TEST_NO_DUBAI && existsSync(DUBAI_GEOJSON);

export async function importDubai(pool: pg.Pool) {
  return importZones(pool, JSON.parse(readFileSync(DUBAI_GEOJSON, 'utf8')), {
    codeProperty: 'COMM_NUM',
    nameEnProperty: 'CNAME_E',
    nameArProperty: 'CNAME_A',
    kind: 'community',
    subdivideVertices: 64,
  });
}

/** A 2×2 grid of square zones around (55.2, 25.2), 0.1° a side: codes G1..G4. */
export function gridZones() {
  const square = (x: number, y: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.1, y],
        [x + 0.1, y + 0.1],
        [x, y + 0.1],
        [x, y],
      ],
    ],
  });
  const cells = [
    [55.1, 25.1],
    [55.2, 25.1],
    [55.1, 25.2],
    [55.2, 25.2],
  ];
  return {
    type: 'FeatureCollection',
    features: cells.map(([x, y], i) => ({
      type: 'Feature',
      properties: { code: `G${i + 1}`, name_en: `Grid ${i + 1}`, name_ar: `شبكة ${i + 1}` },
      geometry: square(x, y),
    })),
  };
}

export async function importGrid(pool: pg.Pool) {
  return importZones(pool, gridZones(), {
    codeProperty: 'code',
    nameEnProperty: 'name_en',
    nameArProperty: 'name_ar',
    kind: 'community',
    subdivideVertices: 64,
  });
}

export const sampleRequest = (over: Record<string, unknown> = {}) => ({
  source: 'whatsapp-bot',
  external_id: `wa-${Math.random().toString(36).slice(2)}`,
  channel: 'whatsapp',
  category: 'complaint',
  topic: 'waste.overflowing_bin',
  description: 'Bin overflowing since yesterday',
  location: { lon: 55.15, lat: 25.15 },
  customer: { name: 'Fatima Al Mansoori', phone: '+971 50 123 4567' },
  created_at: '2026-11-29T10:00:00+04:00',
  ...over,
});

/**
 * The communities the zone tests import: the Dubai file when it is there, else the generated demo city
 * (the same assertions hold for both). `expected` lists every zone with its names; `places` are points
 * whose community is known.
 */
export type CommunitiesFixture = {
  label: string;
  file: string | null;
  collection: { type: string; features: Array<{ properties: Record<string, unknown>; geometry: unknown }> };
  options: { codeProperty: string; nameEnProperty: string; nameArProperty: string };
  cliArgs: string[];
  expected: Array<{ code: string; name_en: string; name_ar: string }>;
  places: Array<{ name: string; lon: number; lat: number; code: string }>;
  /** features whose source geometry is invalid (ST_MakeValid repairs them) */
  invalidInSource: number;
};

export async function communitiesFixture(): Promise<CommunitiesFixture> {
  if (hasDubai()) {
    const { parse } = await import('csv-parse/sync');
    const index = parse(readFileSync(join(DUBAI_GEOJSON, '../communities_index.csv')), {
      columns: true,
      bom: true,
    }) as Array<Record<string, string>>;
    return {
      label: 'the 222 Dubai communities',
      file: DUBAI_GEOJSON,
      collection: JSON.parse(readFileSync(DUBAI_GEOJSON, 'utf8')),
      options: { codeProperty: 'COMM_NUM', nameEnProperty: 'CNAME_E', nameArProperty: 'CNAME_A' },
      cliArgs: ['--code', 'COMM_NUM', '--name-en', 'CNAME_E', '--name-ar', 'CNAME_A'],
      expected: index.map((r) => ({ code: r.COMM_NUM, name_en: r.CNAME_E, name_ar: r.CNAME_A })),
      places: [
        { name: 'Burj Khalifa', lon: 55.2744, lat: 25.1972, code: '345' },
        { name: 'The Dubai Mall', lon: 55.2796, lat: 25.1985, code: '345' },
        { name: 'Dubai International Airport', lon: 55.3644, lat: 25.2532, code: '221' },
        { name: 'Dubai Marina', lon: 55.1403, lat: 25.0805, code: '392' },
        { name: 'Atlantis, Palm Jumeirah', lon: 55.1172, lat: 25.1304, code: '381' },
        { name: 'Hatta', lon: 56.13, lat: 24.796, code: '891' },
      ],
      invalidInSource: 1,
    };
  }
  const { generateCity } = await import('../../backend/demo/city.ts');
  const city = generateCity();
  return {
    label: `the generated demo city (${city.collection.features.length} communities; ${DUBAI_GEOJSON} is absent)`,
    file: null,
    collection: city.collection,
    options: { codeProperty: 'code', nameEnProperty: 'name_en', nameArProperty: 'name_ar' },
    cliArgs: [],
    expected: city.collection.features.map((f) => ({
      code: f.properties.code,
      name_en: f.properties.name_en,
      name_ar: f.properties.name_ar,
    })),
    places: city.landmarks.map((l) => ({ name: l.name, lon: l.point[0], lat: l.point[1], code: l.code })),
    invalidInSource: 0,
  };
}
