// Plane geometry on lon/lat polygons, enough to place points inside zones fast: an even-odd
// point-in-polygon test over horizontal bands (each band lists only the edges crossing it), uniform
// sampling by rejection, and distances in metres (local equirectangular approximation, fine at city scale).
import type { Prng } from './prng.ts';

export type Ring = Array<[number, number]>;
export type MultiPolygonCoords = Ring[][];
export type Point = [number, number];

const METRES_PER_DEG_LAT = 111_320;
const BANDS = 64;

export function metresPerDegLon(lat: number): number {
  return METRES_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
}

/** The point `metres` away from (lon, lat) towards `bearing` radians (0 = east, π/2 = north). */
export function offset([lon, lat]: Point, metres: number, bearing: number): Point {
  return [
    lon + (metres * Math.cos(bearing)) / metresPerDegLon(lat),
    lat + (metres * Math.sin(bearing)) / METRES_PER_DEG_LAT,
  ];
}

export function distanceMetres([lon1, lat1]: Point, [lon2, lat2]: Point): number {
  const kx = metresPerDegLon((lat1 + lat2) / 2);
  return Math.hypot((lon2 - lon1) * kx, (lat2 - lat1) * METRES_PER_DEG_LAT);
}

/** Polygon or MultiPolygon GeoJSON coordinates → MultiPolygon coordinates. */
export function asMultiPolygon(geometry: { type: string; coordinates: unknown }): MultiPolygonCoords {
  if (geometry.type === 'Polygon') {
    return [geometry.coordinates as Ring[]];
  }
  if (geometry.type === 'MultiPolygon') {
    return geometry.coordinates as MultiPolygonCoords;
  }
  throw new Error(`expected a polygon, got a ${geometry.type}`);
}

export class PolygonShape {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** edges as x1,y1,x2,y2 */
  private readonly edges: Float64Array;
  private readonly bands: Uint32Array[];
  private readonly bandHeight: number;

  constructor(readonly coordinates: MultiPolygonCoords) {
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    const list: number[] = [];
    for (const polygon of coordinates) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length; i++) {
          const [x1, y1] = ring[i];
          const [x2, y2] = ring[(i + 1) % ring.length];
          if (x1 < minX) {
            minX = x1;
          }
          if (x1 > maxX) {
            maxX = x1;
          }
          if (y1 < minY) {
            minY = y1;
          }
          if (y1 > maxY) {
            maxY = y1;
          }
          if (x1 === x2 && y1 === y2) {
            continue;
          }
          list.push(x1, y1, x2, y2);
        }
      }
    }
    if (!list.length) {
      throw new Error('a polygon needs at least one edge');
    }
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    this.edges = Float64Array.from(list);
    this.bandHeight = (maxY - minY) / BANDS || 1;
    const perBand: number[][] = Array.from({ length: BANDS }, () => []);
    for (let e = 0; e < list.length / 4; e++) {
      const y1 = list[e * 4 + 1],
        y2 = list[e * 4 + 3];
      const lo = this.bandOf(Math.min(y1, y2)),
        hi = this.bandOf(Math.max(y1, y2));
      for (let b = lo; b <= hi; b++) {
        perBand[b].push(e);
      }
    }
    this.bands = perBand.map((b) => Uint32Array.from(b));
  }

  private bandOf(y: number): number {
    return Math.max(0, Math.min(BANDS - 1, Math.floor((y - this.minY) / this.bandHeight)));
  }

  /** Even-odd rule over every ring: holes and several parts are handled alike. */
  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) {
      return false;
    }
    const band = this.bands[this.bandOf(y)];
    const e = this.edges;
    let inside = false;
    for (let k = 0; k < band.length; k++) {
      const i = band[k] * 4;
      const y1 = e[i + 1],
        y2 = e[i + 3];
      if (y1 > y !== y2 > y) {
        const x1 = e[i],
          x2 = e[i + 2];
        if (x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) {
          inside = !inside;
        }
      }
    }
    return inside;
  }

  /** Distance in metres from a point to the nearest edge (inside or outside). */
  distanceToEdge([x, y]: Point): number {
    const kx = metresPerDegLon(y);
    const e = this.edges;
    let best = Infinity;
    for (let i = 0; i < e.length; i += 4) {
      const ax = (e[i] - x) * kx,
        ay = (e[i + 1] - y) * METRES_PER_DEG_LAT;
      const bx = (e[i + 2] - x) * kx,
        by = (e[i + 3] - y) * METRES_PER_DEG_LAT;
      const dx = bx - ax,
        dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) {
        best = d;
      }
    }
    return best;
  }

  /** A uniform random point inside, or null after `tries` misses (a sliver in a large box). */
  sample(prng: Prng, tries = 200): Point | null {
    for (let i = 0; i < tries; i++) {
      const x = this.minX + (this.maxX - this.minX) * prng.float();
      const y = this.minY + (this.maxY - this.minY) * prng.float();
      if (this.contains(x, y)) {
        return [x, y];
      }
    }
    return null;
  }
}

/** A closed ring approximating an ellipse (radii in metres, rotated by `angle` radians). */
export function ellipse(centre: Point, rx: number, ry: number, angle: number, vertices = 16): Ring {
  const ring: Ring = [];
  for (let i = 0; i < vertices; i++) {
    const t = (2 * Math.PI * i) / vertices;
    const ex = rx * Math.cos(t),
      ey = ry * Math.sin(t);
    const mx = ex * Math.cos(angle) - ey * Math.sin(angle);
    const my = ex * Math.sin(angle) + ey * Math.cos(angle);
    const bearing = Math.atan2(my, mx);
    ring.push(round6(offset(centre, Math.hypot(mx, my), bearing)));
  }
  ring.push(ring[0]);
  return ring;
}

/** Rounds to 6 decimals (about 0.1 m), the precision the demo writes coordinates with. */
export function round6([x, y]: Point): Point {
  return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
}
