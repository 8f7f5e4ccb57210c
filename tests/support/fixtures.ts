// Test data: the Dubai communities beside the project when present, else a small generated grid.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { importZones } from '../../backend/zones/import-zones.ts';

export const DUBAI_GEOJSON = join(fileURLToPath(import.meta.url), '../../../../shared/data/dubai/dubai_communities.geojson');
export const hasDubai = () => existsSync(DUBAI_GEOJSON);

export async function importDubai(pool: pg.Pool) {
  return importZones(pool, JSON.parse(readFileSync(DUBAI_GEOJSON, 'utf8')), {
    codeProperty: 'COMM_NUM', nameEnProperty: 'CNAME_E', nameArProperty: 'CNAME_A', kind: 'community', subdivideVertices: 64,
  });
}

/** A 2×2 grid of square zones around (55.2, 25.2), 0.1° a side: codes G1..G4. */
export function gridZones() {
  const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]] });
  const cells = [[55.1, 25.1], [55.2, 25.1], [55.1, 25.2], [55.2, 25.2]];
  return {
    type: 'FeatureCollection',
    features: cells.map(([x, y], i) => ({ type: 'Feature', properties: { code: `G${i + 1}`, name_en: `Grid ${i + 1}`, name_ar: `شبكة ${i + 1}` }, geometry: square(x, y) })),
  };
}

export async function importGrid(pool: pg.Pool) {
  return importZones(pool, gridZones(), { codeProperty: 'code', nameEnProperty: 'name_en', nameArProperty: 'name_ar', kind: 'community', subdivideVertices: 64 });
}

export const sampleRequest = (over: Record<string, unknown> = {}) => ({
  source: 'whatsapp-bot', external_id: `wa-${Math.random().toString(36).slice(2)}`, channel: 'whatsapp', category: 'complaint',
  topic: 'waste.overflowing_bin', description: 'Bin overflowing since yesterday', location: { lon: 55.15, lat: 25.15 },
  customer: { name: 'Fatima Al Mansoori', phone: '+971 50 123 4567' }, created_at: '2026-11-29T10:00:00+04:00', ...over,
});
