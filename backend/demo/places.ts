// The zones requests are placed in, and where in them: a uniform point inside the zone (a community's
// points stay out of its public sites, whose requests are their own), or a point outside every zone for
// the few "unzoned" requests. Coordinates are rounded to 6 decimals and checked again after rounding.
import type { Prng } from './prng.ts';
import { distanceMetres, offset, round6, type Point, type PolygonShape } from './polygons.ts';
import type { SiteType } from './sites.ts';

export type DemoZone = {
  id: number;
  code: string;
  name_en: string;
  name_ar: string;
  kind: 'community' | 'public_site';
  siteType: SiteType | null;
  parentCode: string | null;
  population: number;
  areaKm2: number;
  shape: PolygonShape;
  /** a point surely inside (ST_PointOnSurface), the fallback when sampling misses */
  inside: Point;
  /** a community's public sites, as circles to keep out of */
  sites: Array<{ centre: Point; radius: number }>;
};

const SITE_CLEARANCE_M = 10;

function acceptable(zone: DemoZone, p: Point): boolean {
  if (!zone.shape.contains(p[0], p[1])) {
    return false;
  }
  for (const s of zone.sites) {
    if (distanceMetres(s.centre, p) < s.radius + SITE_CLEARANCE_M) {
      return false;
    }
  }
  return true;
}

export function pointIn(zone: DemoZone, prng: Prng): Point {
  for (let i = 0; i < 50; i++) {
    const p = zone.shape.sample(prng, 100);
    if (!p) {
      break;
    }
    const r = round6(p);
    if (acceptable(zone, r)) {
      return r;
    }
  }
  return zone.inside;
}

/** A point within `radius` metres of `centre` that is still in the zone (else the centre itself). */
export function pointNear(zone: DemoZone, centre: Point, radius: number, prng: Prng): Point {
  const p = round6(offset(centre, radius * Math.sqrt(prng.float()), prng.range(0, 2 * Math.PI)));
  return acceptable(zone, p) ? p : centre;
}

/** A point in the zones' bounding box that lies in no zone. */
export function pointOutside(zones: readonly DemoZone[], prng: Prng): Point {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const z of zones) {
    minX = Math.min(minX, z.shape.minX);
    minY = Math.min(minY, z.shape.minY);
    maxX = Math.max(maxX, z.shape.maxX);
    maxY = Math.max(maxY, z.shape.maxY);
  }
  const padX = (maxX - minX) * 0.05,
    padY = (maxY - minY) * 0.05;
  for (let i = 0; i < 1000; i++) {
    const p = round6([prng.range(minX - padX, maxX + padX), prng.range(minY - padY, maxY + padY)]);
    if (!zones.some((z) => z.shape.contains(p[0], p[1]))) {
      return p;
    }
  }
  return round6([minX - padX, minY - padY]);
}
