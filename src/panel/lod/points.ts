// Request points held as typed arrays in web-mercator metres (EPSG:3857), ready for fast counting and
// binning at any zoom without creating a map feature per request. Pure.

export type Extent = [minX: number, minY: number, maxX: number, maxY: number];

export interface PointSet {
  n: number;
  x: Float64Array;
  y: Float64Array;
  /** Colour class of each point (see style/palette.ts). */
  cls: Uint16Array;
  /** Row of each point in its frame (tooltips, links). */
  row: Uint32Array;
  extent: Extent | null;
}

const R = 6378137;
const MAX_LAT = 85.0511287798;

/** lon/lat degrees → EPSG:3857 metres (the same formula as ol/proj). */
export function toMercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  return [(R * Math.PI * lon) / 180, R * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))];
}

/** Builds a point set; rows whose lon/lat is missing or out of range are left out. */
export function pointSet(lon: ArrayLike<unknown>, lat: ArrayLike<unknown>, classOf: (row: number) => number): PointSet {
  const len = Math.min(lon.length, lat.length);
  const x = new Float64Array(len),
    y = new Float64Array(len),
    cls = new Uint16Array(len),
    row = new Uint32Array(len);
  let n = 0,
    minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < len; i++) {
    const lo = lon[i],
      la = lat[i];
    if (
      typeof lo !== 'number' ||
      typeof la !== 'number' ||
      !Number.isFinite(lo) ||
      !Number.isFinite(la) ||
      Math.abs(lo) > 180 ||
      Math.abs(la) > 90
    ) {
      continue;
    }
    const [mx, my] = toMercator(lo, la);
    x[n] = mx;
    y[n] = my;
    cls[n] = classOf(i);
    row[n] = i;
    if (mx < minX) {
      minX = mx;
    }
    if (mx > maxX) {
      maxX = mx;
    }
    if (my < minY) {
      minY = my;
    }
    if (my > maxY) {
      maxY = my;
    }
    n++;
  }
  return {
    n,
    x: x.subarray(0, n),
    y: y.subarray(0, n),
    cls: cls.subarray(0, n),
    row: row.subarray(0, n),
    extent: n ? [minX, minY, maxX, maxY] : null,
  };
}

export const EMPTY_POINTS: PointSet = pointSet([], [], () => 0);

/** How many points lie in the extent, counting no further than `stopAfter`. */
export function countInExtent(ps: PointSet, e: Extent, stopAfter = Infinity): number {
  let c = 0;
  for (let i = 0; i < ps.n; i++) {
    const x = ps.x[i],
      y = ps.y[i];
    if (x >= e[0] && x <= e[2] && y >= e[1] && y <= e[3] && ++c > stopAfter) {
      return c;
    }
  }
  return c;
}

/** Indices of the points in the extent. */
export function indicesInExtent(ps: PointSet, e: Extent): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < ps.n; i++) {
    const x = ps.x[i],
      y = ps.y[i];
    if (x >= e[0] && x <= e[2] && y >= e[1] && y <= e[3]) {
      out.push(i);
    }
  }
  return Uint32Array.from(out);
}

export function bufferExtent(e: Extent, fraction: number): Extent {
  const dx = (e[2] - e[0]) * fraction,
    dy = (e[3] - e[1]) * fraction;
  return [e[0] - dx, e[1] - dy, e[2] + dx, e[3] + dy];
}
