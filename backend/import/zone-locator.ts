// The zone of a point, computed in the importer by the rule of sql/ingest/zone_at_point.sql: among the
// zone parts (zone_parts: ST_Subdivide pieces) whose polygon intersects the point, the smallest zone
// (area_km2, then zone_id) wins; none means unzoned. The parts are read once (as WKB: the exact doubles)
// and a point is tested the way PostGIS tests ST_Intersects(polygon, point): its point-in-polygon short
// cut (lwgeom_functions_analytic.c, point_in_polygon / point_in_ring: winding number, a point on the
// boundary intersects, zero-length segments skipped), with the same double arithmetic, so the answer is
// the same bit for bit. zone-locator.test.ts checks it against the SQL rule on real PostGIS.
import type pg from 'pg';
import { sql } from '../db/sql.ts';

type Part = { zoneId: number; rings: Float64Array[]; x0: number; y0: number; x1: number; y1: number };

/** -1 outside, 0 on the ring, 1 inside (PostGIS point_in_ring). */
function pointInRing(r: Float64Array, x: number, y: number): -1 | 0 | 1 {
  let wn = 0;
  for (let i = 0; i + 3 < r.length; i += 2) {
    const ax = r[i],
      ay = r[i + 1],
      bx = r[i + 2],
      by = r[i + 3];
    const side = (bx - ax) * (y - ay) - (x - ax) * (by - ay);
    if (bx === ax && by === ay) {
      continue;
    }
    if (side === 0) {
      const maxX = ax > bx ? ax : bx,
        minX = ax > bx ? bx : ax;
      const maxY = ay > by ? ay : by,
        minY = ay > by ? by : ay;
      if (!(maxX < x || minX > x) && !(maxY < y || minY > y)) {
        return 0;
      }
    }
    if (ay <= y && y < by && side > 0) {
      wn++;
    } else if (by <= y && y < ay && side < 0) {
      wn--;
    }
  }
  return wn === 0 ? -1 : 1;
}

/** Does the polygon (exterior ring, then holes) intersect the point? (PostGIS point_in_polygon ≠ -1) */
export function polygonIntersectsPoint(rings: readonly Float64Array[], x: number, y: number): boolean {
  if (!rings.length) {
    return false;
  }
  const outer = pointInRing(rings[0], x, y);
  if (outer === -1) {
    return false;
  }
  for (let i = 1; i < rings.length; i++) {
    const inner = pointInRing(rings[i], x, y);
    if (inner === 1) {
      return false;
    }
    if (inner === 0) {
      return true;
    }
  }
  return true;
}

/** A WKB Polygon (either byte order) → its rings as [x0, y0, x1, y1, …]. */
export function polygonFromWkb(wkb: Buffer): Float64Array[] {
  const le = wkb[0] === 1;
  const u32 = (at: number) => (le ? wkb.readUInt32LE(at) : wkb.readUInt32BE(at));
  const f64 = (at: number) => (le ? wkb.readDoubleLE(at) : wkb.readDoubleBE(at));
  const type = u32(1);
  if (type !== 3) {
    throw new Error(`zone part is not a 2D polygon (WKB type ${type})`);
  }
  const rings: Float64Array[] = [];
  let at = 9;
  for (let r = u32(5); r > 0; r--) {
    const n = u32(at);
    at += 4;
    const ring = new Float64Array(n * 2);
    for (let i = 0; i < n * 2; i++, at += 8) {
      ring[i] = f64(at);
    }
    rings.push(ring);
  }
  return rings;
}

const GRID = 128;

export class ZoneLocator {
  /** cell → indexes into parts whose bounding box meets the cell, in the rule's order */
  private readonly cells: Int32Array[];
  private readonly x0: number;
  private readonly y0: number;
  private readonly w: number;
  private readonly h: number;

  /** `parts` in the rule's order: area_km2, then zone_id. */
  constructor(
    private readonly parts: readonly Part[],
    readonly fingerprint = ''
  ) {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const p of parts) {
      x0 = Math.min(x0, p.x0);
      y0 = Math.min(y0, p.y0);
      x1 = Math.max(x1, p.x1);
      y1 = Math.max(y1, p.y1);
    }
    this.x0 = x0;
    this.y0 = y0;
    this.w = parts.length ? Math.max((x1 - x0) / GRID, 1e-9) : 1;
    this.h = parts.length ? Math.max((y1 - y0) / GRID, 1e-9) : 1;
    const lists: number[][] = Array.from({ length: GRID * GRID }, () => []);
    parts.forEach((p, k) => {
      // floor is monotonic: a point inside the part's box falls in one of these cells.
      for (let i = this.col(p.x0); i <= this.col(p.x1); i++) {
        for (let j = this.row(p.y0); j <= this.row(p.y1); j++) {
          lists[j * GRID + i].push(k);
        }
      }
    });
    this.cells = lists.map((l) => Int32Array.from(l));
  }

  private col(x: number): number {
    return Math.min(GRID - 1, Math.max(0, Math.floor((x - this.x0) / this.w)));
  }
  private row(y: number): number {
    return Math.min(GRID - 1, Math.max(0, Math.floor((y - this.y0) / this.h)));
  }

  static async load(db: pg.Pool | pg.PoolClient, fingerprint?: string): Promise<ZoneLocator> {
    const { rows } = await db.query<{ zone_id: number; wkb: Buffer }>(sql('import/zone_parts'));
    const parts = rows
      .map((r) => {
        const rings = polygonFromWkb(r.wkb);
        let x0 = Infinity,
          y0 = Infinity,
          x1 = -Infinity,
          y1 = -Infinity;
        const outer = rings[0] ?? new Float64Array(0);
        for (let i = 0; i < outer.length; i += 2) {
          x0 = Math.min(x0, outer[i]);
          x1 = Math.max(x1, outer[i]);
          y0 = Math.min(y0, outer[i + 1]);
          y1 = Math.max(y1, outer[i + 1]);
        }
        return { zoneId: r.zone_id, rings, x0, y0, x1, y1 };
      })
      .filter((p) => p.rings.length);
    return new ZoneLocator(parts, fingerprint ?? (await ZoneLocator.fingerprint(db)));
  }

  /** Changes whenever a zone is added, removed or updated (import-zones sets updated_at). */
  static async fingerprint(db: pg.Pool | pg.PoolClient): Promise<string> {
    const {
      rows: [f],
    } = await db.query<{ fingerprint: string }>(sql('import/zones_fingerprint'));
    return f.fingerprint;
  }

  /** The zone id of the point, or null when no zone contains it. */
  locate(lon: number, lat: number): number | null {
    if (!this.parts.length) {
      return null;
    }
    // A point off the grid lands in an edge cell, whose parts' boxes then reject it.
    for (const k of this.cells[this.row(lat) * GRID + this.col(lon)]) {
      const p = this.parts[k];
      if (lon < p.x0 || lon > p.x1 || lat < p.y0 || lat > p.y1) {
        continue;
      }
      if (polygonIntersectsPoint(p.rings, lon, lat)) {
        return p.zoneId;
      }
    }
    return null;
  }
}
