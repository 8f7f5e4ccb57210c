// Checks zone geometries before they reach the map: a missing or malformed one is reported, never drawn.
// Accepts GeoJSON Polygon and MultiPolygon (a Feature or a JSON string holding one is unwrapped).

export type Position = [number, number];
export type PolygonGeometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
export type GeometryCheck = { ok: true; geometry: PolygonGeometry } | { ok: false; reason: string };

const MIN_RING_POSITIONS = 4;

/** Reads a geometry value as a frame or a GeoJSON feature may hold it: an object, a Feature, or JSON text. */
export function readGeometryValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text) {
      return null;
    }
    try {
      return unwrapFeature(JSON.parse(text));
    } catch {
      return { unparseable: true };
    }
  }
  return unwrapFeature(value);
}

function unwrapFeature(value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Feature') {
    return (value as { geometry?: unknown }).geometry ?? null;
  }
  return value;
}

/** Validates a zone geometry; unclosed rings are closed (GeoJSON requires it, the fix is unambiguous). */
export function checkZoneGeometry(value: unknown): GeometryCheck {
  const g = readGeometryValue(value);
  if (g === null || g === undefined) {
    return { ok: false, reason: 'missing geometry' };
  }
  if (typeof g !== 'object' || (g as { unparseable?: boolean }).unparseable) {
    return { ok: false, reason: 'geometry is not valid JSON' };
  }
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') {
    const rings = checkPolygon(coordinates);
    return typeof rings === 'string'
      ? { ok: false, reason: rings }
      : { ok: true, geometry: { type, coordinates: rings } };
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      return { ok: false, reason: 'MultiPolygon without polygons' };
    }
    const polygons: Position[][][] = [];
    for (const p of coordinates) {
      const rings = checkPolygon(p);
      if (typeof rings === 'string') {
        return { ok: false, reason: rings };
      }
      polygons.push(rings);
    }
    return { ok: true, geometry: { type, coordinates: polygons } };
  }
  return { ok: false, reason: `unsupported geometry type ${JSON.stringify(type ?? null)}` };
}

function checkPolygon(coordinates: unknown): Position[][] | string {
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return 'polygon without rings';
  }
  const rings: Position[][] = [];
  for (const ring of coordinates) {
    if (!Array.isArray(ring)) {
      return 'ring is not a list of positions';
    }
    const out: Position[] = [];
    for (const pos of ring) {
      if (!Array.isArray(pos) || pos.length < 2) {
        return 'position is not [lon, lat]';
      }
      const [lon, lat] = pos as unknown[];
      if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
        return 'non-numeric coordinate';
      }
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
        return 'coordinate outside lon/lat range';
      }
      out.push([lon, lat]);
    }
    const first = out[0],
      last = out[out.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      out.push([first[0], first[1]]);
    }
    if (out.length < MIN_RING_POSITIONS) {
      return `ring with fewer than ${MIN_RING_POSITIONS} positions`;
    }
    rings.push(out);
  }
  return rings;
}
