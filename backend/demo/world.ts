// The demo's world, the same whatever the seed: the communities (imported from the source), public sites
// inside them, a synthetic population for communities without an official one, and the advisors.
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';
import { importZones } from '../zones/import-zones.ts';
import { writePopulation } from '../zones/write-population.ts';
import { advisorsFor, advisorSpeed } from './advisors.ts';
import type { CommunitySource } from './communities.ts';
import { syntheticPopulation } from './population.ts';
import { Prng } from './prng.ts';
import { asMultiPolygon, PolygonShape, type Point } from './polygons.ts';
import type { DemoZone } from './places.ts';
import { generateSites, sitesCollection, siteTypeOf, type Site } from './sites.ts';
import { lookup } from '../domain/lookup.ts';

export const WORLD_SEED = 'services360-world';

export type World = {
  label: string;
  zones: DemoZone[];
  communities: number;
  sites: number;
  skipped: Array<{ index: number; code: string | null; reason: string }>;
  populationYears: [number, number];
  syntheticPopulation: number;
  advisors: Array<{ id: number; code: string; department: string; speed: number }>;
};

type ZoneRow = {
  id: number;
  code: string;
  name_en: string;
  name_ar: string;
  kind: 'community' | 'public_site';
  parent_code: string | null;
  population: number;
  population_year: number | null;
  population_synthetic: boolean;
  area_km2: number;
  geometry: { type: string; coordinates: unknown };
  inside: { coordinates: Point };
};

async function loadZones(pool: pg.Pool, ids: number[]): Promise<ZoneRow[]> {
  return (await pool.query<ZoneRow>(sql('demo/zones_by_id'), [ids])).rows;
}

export async function prepareWorld(
  pool: pg.Pool,
  source: CommunitySource,
  years: [number, number],
  subdivideVertices: number,
  log: (line: string) => void = () => {}
): Promise<World> {
  const p = source.properties;
  const imported = await importZones(pool, source.collection, {
    codeProperty: p.code,
    nameEnProperty: p.nameEn,
    nameArProperty: p.nameAr,
    kind: 'community',
    subdivideVertices,
  });
  for (const s of imported.skipped) {
    log(`skipped community #${s.index}${s.code ? ` (${s.code})` : ''}: ${s.reason}`);
  }
  if (!imported.zoneIds.length) {
    throw new Error(`no community could be imported from ${source.label}`);
  }
  const communityRows = await loadZones(pool, imported.zoneIds);

  const communities = communityRows.map((z) => ({
    code: z.code,
    name_en: z.name_en,
    name_ar: z.name_ar,
    shape: new PolygonShape(asMultiPolygon(z.geometry)),
    density: source.density(z.code, z.name_en, z.area_km2),
    coastal: source.coastal(z.code),
  }));
  const sites = generateSites(communities, new Prng(WORLD_SEED, 'sites'), source.seaBearing);
  const siteReport = await importZones(pool, sitesCollection(sites), {
    codeProperty: 'code',
    nameEnProperty: 'name_en',
    nameArProperty: 'name_ar',
    kind: 'public_site',
    parentProperty: 'parent_code',
    subdivideVertices,
  });
  for (const s of siteReport.skipped) {
    log(`skipped public site ${s.code}: ${s.reason}`);
  }

  // synthetic figures only where no official population is known
  const needPopulation = communityRows.filter((z) => z.population_year === null || z.population_synthetic);
  const figures = syntheticPopulation(
    needPopulation.map((z) => ({
      code: z.code,
      areaKm2: z.area_km2,
      density: source.density(z.code, z.name_en, z.area_km2),
    })),
    new Prng(WORLD_SEED, 'population'),
    source.totalPopulation * (needPopulation.length / communityRows.length),
    years[0],
    years[1]
  );
  const idOf = new Map(communityRows.map((z) => [z.code, z.id]));
  await inTransaction(pool, (client) =>
    writePopulation(
      client,
      figures.map((f) => ({
        zoneId: lookup(idOf, f.code, 'idOf'),
        year: f.year,
        population: f.population,
        synthetic: true,
      }))
    )
  );

  const { rows: departments } = await pool.query<{ departments: string[] }>(sql('demo/reference'));
  const seeds = advisorsFor(departments[0].departments);
  const { rows: advisors } = await pool.query<{ id: number; code: string; department_code: string }>(
    sql('demo/upsert_advisors'),
    [seeds.map((a) => a.code), seeds.map((a) => a.name), seeds.map((a) => a.department_code), seeds.map((a) => a.team)]
  );

  const all = await loadZones(pool, [...imported.zoneIds, ...siteReport.zoneIds]);
  const siteByCode = new Map<string, Site>(sites.map((s) => [s.code, s]));
  const zones: DemoZone[] = all.map((z) => ({
    id: z.id,
    code: z.code,
    name_en: z.name_en,
    name_ar: z.name_ar,
    kind: z.kind,
    siteType: z.kind === 'public_site' ? siteTypeOf(z.code) : null,
    parentCode: z.parent_code,
    population: z.kind === 'community' ? z.population : 0,
    areaKm2: z.area_km2,
    shape: new PolygonShape(asMultiPolygon(z.geometry)),
    inside: z.inside.coordinates,
    sites:
      z.kind === 'community'
        ? sites
            .filter((s) => s.parent === z.code && siteByCode.has(s.code))
            .map((s) => ({ centre: s.centre, radius: s.radius }))
        : [],
  }));
  return {
    label: source.label,
    zones,
    communities: communityRows.length,
    sites: siteReport.zoneIds.length,
    skipped: imported.skipped,
    populationYears: years,
    syntheticPopulation: figures.filter((f) => f.year === years[1]).reduce((a, f) => a + f.population, 0),
    advisors: advisors.map((a) => ({
      id: a.id,
      code: a.code,
      department: a.department_code,
      speed: advisorSpeed(a.code),
    })),
  };
}
