// Public sites (parks, beaches, markets) as small polygons well inside their communities: each is an
// ellipse whose enclosing circle keeps a margin from the community's edges and from the other sites.
// Beaches go to coastal communities, on the side towards the sea.
import { Prng, Weighted } from './prng.ts';
import { distanceMetres, ellipse, metresPerDegLon, type Point, type PolygonShape } from './polygons.ts';
import { titleCase } from './names.ts';
import type { DensityClass } from './city.ts';

export type SiteType = 'park' | 'beach' | 'market';
export const SITE_TYPES: Readonly<Record<SiteType, { en: string; ar: string; letter: string }>> = {
  park: { en: 'Park', ar: 'حديقة', letter: 'P' },
  beach: { en: 'Beach', ar: 'شاطئ', letter: 'B' },
  market: { en: 'Market', ar: 'سوق', letter: 'M' },
};
export const DEFAULT_SITE_COUNTS: Readonly<Record<SiteType, number>> = { park: 55, beach: 20, market: 25 };

export type Community = {
  code: string;
  name_en: string;
  name_ar: string;
  shape: PolygonShape;
  density: DensityClass;
  coastal: boolean;
};

export type Site = {
  code: string;
  type: SiteType;
  parent: string;
  name_en: string;
  name_ar: string;
  centre: Point;
  /** radius of the enclosing circle, metres */
  radius: number;
  ring: Array<[number, number]>;
};

const MARGIN_M = 25;
const PARK_WEIGHT: Record<DensityClass, number> = { core: 1, urban: 3, suburban: 3, outskirts: 0.5, industrial: 0.2 };
const MARKET_WEIGHT: Record<DensityClass, number> = { core: 4, urban: 3, suburban: 1, outskirts: 0.3, industrial: 1 };

/** Radii (metres) and shape of a new site of a type. */
function dimensions(type: SiteType, prng: Prng): { rx: number; ry: number; vertices: number } {
  switch (type) {
    case 'beach':
      return { rx: prng.range(350, 700), ry: prng.range(60, 120), vertices: 16 };
    case 'park':
      return { rx: prng.range(80, 300), ry: prng.range(80, 300), vertices: 16 };
    case 'market':
      return { rx: prng.range(50, 150), ry: prng.range(50, 150), vertices: 8 };
  }
}

/**
 * Generates the sites. `seaBearing` (radians, 0 = east, π/2 = north) says which way the sea lies, so
 * beaches sit on the seaward side of their community.
 */
export function generateSites(
  communities: Community[],
  prng: Prng,
  seaBearing: number,
  counts: Readonly<Record<SiteType, number>> = DEFAULT_SITE_COUNTS
): Site[] {
  const sites: Site[] = [];
  const byCommunity = new Map<string, Site[]>();
  const coastal = communities.filter((c) => c.coastal);
  const plans: Array<[SiteType, Community[], number[]]> = [
    ['beach', coastal, coastal.map(() => 1)],
    ['park', communities, communities.map((c) => PARK_WEIGHT[c.density])],
    ['market', communities, communities.map((c) => MARKET_WEIGHT[c.density])],
  ];
  for (const [type, candidates, weights] of plans) {
    if (!candidates.length) {
      continue;
    }
    const table = new Weighted(candidates, weights);
    let made = 0;
    // beaches: every coastal community in turn before any gets a second one
    const order = type === 'beach' ? shuffled(candidates, prng) : null;
    for (let attempt = 0; made < counts[type] && attempt < counts[type] * 20; attempt++) {
      const community = order ? order[made % order.length] : table.pick(prng);
      const site = place(type, community, byCommunity.get(community.code) ?? [], prng, seaBearing);
      if (!site) {
        continue;
      }
      sites.push(site);
      byCommunity.set(community.code, [...(byCommunity.get(community.code) ?? []), site]);
      made++;
    }
  }
  return sites;
}

function shuffled<T>(items: readonly T[], prng: Prng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function place(type: SiteType, community: Community, siblings: Site[], prng: Prng, seaBearing: number): Site | null {
  for (const shrink of [1, 0.6, 0.35]) {
    const { rx, ry, vertices } = dimensions(type, prng);
    const radius = Math.max(rx, ry) * shrink;
    const fits = (p: Point) =>
      community.shape.distanceToEdge(p) >= radius + MARGIN_M &&
      siblings.every((s) => distanceMetres(s.centre, p) >= s.radius + radius + 2 * MARGIN_M);
    const candidates: Point[] = [];
    for (let i = 0; i < (type === 'beach' ? 40 : 12) && candidates.length < (type === 'beach' ? 12 : 1); i++) {
      const p = community.shape.sample(prng, 100);
      if (p && fits(p)) {
        candidates.push(p);
      }
    }
    if (!candidates.length) {
      continue;
    }
    // beaches: the candidate furthest towards the sea
    const seaward = (p: Point) =>
      p[0] * metresPerDegLon(p[1]) * Math.cos(seaBearing) + p[1] * 111_320 * Math.sin(seaBearing);
    const centre = type === 'beach' ? candidates.reduce((a, b) => (seaward(b) > seaward(a) ? b : a)) : candidates[0];
    const angle = type === 'beach' ? seaBearing + Math.PI / 2 : prng.range(0, Math.PI);
    const n = siblings.filter((s) => s.type === type).length + 1;
    const t = SITE_TYPES[type];
    const place = titleCase(community.name_en);
    return {
      code: `${community.code}-${t.letter}${n}`,
      type,
      parent: community.code,
      name_en: `${place} ${t.en}${n > 1 ? ` ${n}` : ''}`,
      name_ar: `${t.ar} ${community.name_ar}${n > 1 ? ` ${n}` : ''}`,
      centre,
      radius,
      ring: ellipse(centre, rx * shrink, ry * shrink, angle, vertices),
    };
  }
  return null;
}

/** The sites as a FeatureCollection for importZones (kind public_site, parent_code). */
export function sitesCollection(sites: Site[]) {
  return {
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature',
      properties: { code: s.code, name_en: s.name_en, name_ar: s.name_ar, parent_code: s.parent, site_type: s.type },
      geometry: { type: 'Polygon', coordinates: [s.ring] },
    })),
  };
}

/** The type of a site from its code (`<parent>-P1` → park). */
export function siteTypeOf(code: string): SiteType | null {
  const m = /-([PBM])\d+$/.exec(code);
  if (!m) {
    return null;
  }
  return (Object.entries(SITE_TYPES).find(([, t]) => t.letter === m[1])?.[0] ?? null) as SiteType | null;
}
