// z/x/y of a vector tile, validated: integers, z ≤ 22, 0 ≤ x, y < 2^z.
import { ValidationError, type ErrorDetail } from '../http/errors.ts';

export const MAX_TILE_ZOOM = 22;
export type TileCoords = { z: number; x: number; y: number };

const INTEGER = /^(0|[1-9]\d{0,8})$/;

/** Reads z, x and "y.mvt" path segments; throws a 400 naming each bad one. */
export function parseTileCoords(z: string, x: string, yFile: string): TileCoords {
  const problems: ErrorDetail[] = [];
  const yMatch = /^(.*)\.mvt$/.exec(yFile);
  const raw = { z, x, y: yMatch ? yMatch[1] : yFile };
  const int = (name: 'z' | 'x' | 'y') => {
    if (!INTEGER.test(raw[name])) {
      problems.push({ path: `path.${name}`, message: 'must be a non-negative integer' });
      return NaN;
    }
    return Number(raw[name]);
  };
  if (!yMatch) {
    problems.push({ path: 'path.y', message: 'the tile must end in .mvt' });
  }
  const zn = int('z'),
    xn = int('x'),
    yn = yMatch ? int('y') : NaN;
  if (Number.isInteger(zn) && zn > MAX_TILE_ZOOM) {
    problems.push({ path: 'path.z', message: `must be at most ${MAX_TILE_ZOOM}` });
  }
  if (Number.isInteger(zn) && zn <= MAX_TILE_ZOOM) {
    const n = 2 ** zn;
    if (Number.isInteger(xn) && xn >= n) {
      problems.push({ path: 'path.x', message: `must be below 2^z = ${n}` });
    }
    if (Number.isInteger(yn) && yn >= n) {
      problems.push({ path: 'path.y', message: `must be below 2^z = ${n}` });
    }
  }
  if (problems.length) {
    throw new ValidationError('the tile address is invalid', problems);
  }
  return { z: zn, x: xn, y: yn };
}

/** The tile holding a lon/lat point at zoom z (Web Mercator, XYZ scheme). */
export function tileOf(lon: number, lat: number, z: number): TileCoords {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z, x: Math.min(Math.max(x, 0), n - 1), y: Math.min(Math.max(y, 0), n - 1) };
}
