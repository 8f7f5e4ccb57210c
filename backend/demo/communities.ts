// Where the demo's communities come from: a GeoJSON file (the Dubai communities by default, when the file
// is there) or the generated city. Each source says which property holds what, which communities touch
// the sea and which way the sea lies, and how dense each community is.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCity, type DensityClass } from './city.ts';
import { densityFromName } from './population.ts';

export const DUBAI_COMMUNITIES_FILE = join(
  fileURLToPath(import.meta.url),
  '../../../../shared/data/dubai/dubai_communities.geojson'
);

/** Dubai communities on the open sea with a public beach (by COMM_NUM). */
export const DUBAI_COASTAL_CODES: ReadonlySet<string> = new Set([
  '134',
  '302',
  '332',
  '342',
  '352',
  '356',
  '362',
  '366',
  '372',
  '381',
  '392',
  '591',
]);
/** The Gulf lies north-west of Dubai. */
const NORTH_WEST = (3 * Math.PI) / 4;
const NORTH = Math.PI / 2;

export type Properties = { code: string; nameEn: string; nameAr: string };
export type CommunitySource = {
  label: string;
  collection: { type: string; features: Array<{ properties?: Record<string, unknown> | null; geometry?: unknown }> };
  properties: Properties;
  seaBearing: number;
  coastal: (code: string) => boolean;
  density: (code: string, nameEn: string, areaKm2: number) => DensityClass;
  /** residents in the latest year, all communities together */
  totalPopulation: number;
};

const DUBAI_PROPERTIES: Properties = { code: 'COMM_NUM', nameEn: 'CNAME_E', nameAr: 'CNAME_A' };
const PLAIN_PROPERTIES: Properties = { code: 'code', nameEn: 'name_en', nameAr: 'name_ar' };

/** The default --zones: the Dubai file when present, else the generated city. */
export function defaultZonesFile(): string | null {
  return existsSync(DUBAI_COMMUNITIES_FILE) ? DUBAI_COMMUNITIES_FILE : null;
}

export function generatedCitySource(): CommunitySource {
  const city = generateCity();
  const byCode = new Map(city.collection.features.map((f) => [f.properties.code, f.properties]));
  return {
    label: `a generated city of ${city.collection.features.length} communities`,
    collection: city.collection,
    properties: PLAIN_PROPERTIES,
    seaBearing: NORTH,
    coastal: (code) => byCode.get(code)?.coastal ?? false,
    density: (code) => byCode.get(code)?.density ?? 'suburban',
    totalPopulation: 1_500_000,
  };
}

/** A GeoJSON file of communities; property names given, else recognised (Dubai) or code/name_en/name_ar. */
export function fileSource(file: string, given: Partial<Properties> = {}): CommunitySource {
  const collection = JSON.parse(readFileSync(file, 'utf8'));
  const first = collection?.features?.[0]?.properties ?? {};
  const dubai = DUBAI_PROPERTIES.code in first && DUBAI_PROPERTIES.nameAr in first;
  const properties = { ...(dubai ? DUBAI_PROPERTIES : PLAIN_PROPERTIES), ...given };
  return {
    label: `${collection?.features?.length ?? 0} communities from ${file}`,
    collection,
    properties,
    seaBearing: NORTH_WEST,
    coastal: (code) => dubai && DUBAI_COASTAL_CODES.has(code),
    density: (_code, nameEn, areaKm2) => densityFromName(nameEn, areaKm2),
    totalPopulation: dubai ? 3_900_000 : 1_000_000,
  };
}
