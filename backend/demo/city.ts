// A made-up city for machines without the Dubai boundaries: 224 communities as a jittered grid of
// quadrilaterals on the Gulf coast (the north edge is the shore), named in English and Arabic, each with a
// density class for the synthetic population. Every vertex moves at most 0.3 of a cell, so every cell stays
// a simple polygon and contains its own centre.
import { Prng } from './prng.ts';
import { ORDINALS, PLACE_WORDS } from './names.ts';
import type { Point } from './polygons.ts';

export type DensityClass = 'core' | 'urban' | 'suburban' | 'outskirts' | 'industrial';
export type CityFeature = {
  type: 'Feature';
  properties: { code: string; name_en: string; name_ar: string; density: DensityClass; coastal: boolean };
  geometry: { type: 'Polygon'; coordinates: Array<Array<[number, number]>> };
};
export type City = {
  collection: { type: 'FeatureCollection'; features: CityFeature[] };
  /** Named points with the community each lies in, for tests and the README. */
  landmarks: Array<{ name: string; point: Point; code: string }>;
};

export const CITY_LAYOUT = {
  cols: 16,
  rows: 14,
  origin: [55.15, 25.1] as Point,
  cellMetres: 1600,
  jitter: 0.3,
  /** the city layout does not follow --seed: the same city for every demo */
  seed: 'services360-city',
} as const;

export function cityCode(row: number, col: number): string {
  return `C${String(row * CITY_LAYOUT.cols + col + 1).padStart(3, '0')}`;
}

function densityOf(row: number, col: number): DensityClass {
  const { rows, cols } = CITY_LAYOUT;
  if (row <= 2 && col <= 3) {
    return 'industrial';
  }
  // the centre sits near the coast, as in most Gulf cities
  const d = Math.hypot(row - (rows - 3), (col - cols / 2) * 0.8);
  return d < 2.5 ? 'core' : d < 5.5 ? 'urban' : d < 9 ? 'suburban' : 'outskirts';
}

export function generateCity(): City {
  const { cols, rows, origin, cellMetres, jitter } = CITY_LAYOUT;
  const prng = new Prng(CITY_LAYOUT.seed, 'grid');
  const dLat = cellMetres / 111_320;
  const dLon = cellMetres / (111_320 * Math.cos((origin[1] * Math.PI) / 180));
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  // (rows+1) × (cols+1) shared vertices; the outer boundary stays straight so the city is a neat block
  const vertex: Point[][] = [];
  for (let r = 0; r <= rows; r++) {
    vertex.push([]);
    for (let c = 0; c <= cols; c++) {
      const inner = r > 0 && r < rows && c > 0 && c < cols;
      const jx = inner ? prng.range(-jitter, jitter) : 0;
      const jy = inner ? prng.range(-jitter, jitter) : 0;
      vertex[r].push([round(origin[0] + (c + jx) * dLon), round(origin[1] + (r + jy) * dLat)]);
    }
  }
  const features: CityFeature[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const [wordEn, wordAr] = PLACE_WORDS[Math.floor(i / ORDINALS.length) % PLACE_WORDS.length];
      const [ordEn, ordAr] = ORDINALS[i % ORDINALS.length];
      const ring = [vertex[r][c], vertex[r][c + 1], vertex[r + 1][c + 1], vertex[r + 1][c], vertex[r][c]];
      features.push({
        type: 'Feature',
        properties: {
          code: cityCode(r, c),
          name_en: `${wordEn} ${ordEn}`,
          name_ar: `${wordAr} ${ordAr}`,
          density: densityOf(r, c),
          coastal: r === rows - 1,
        },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  const centreOf = (r: number, c: number): Point => [
    round(origin[0] + (c + 0.5) * dLon),
    round(origin[1] + (r + 0.5) * dLat),
  ];
  const landmarks = [
    { name: 'City Hall', r: rows - 3, c: cols / 2 },
    { name: 'Old Port', r: rows - 1, c: 3 },
    { name: 'Industrial Zone Gate', r: 1, c: 1 },
    { name: 'Desert Camp', r: 0, c: cols - 1 },
  ].map(({ name, r, c }) => ({ name, point: centreOf(r, c), code: cityCode(r, c) }));
  return { collection: { type: 'FeatureCollection', features }, landmarks };
}
