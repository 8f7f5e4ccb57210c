// `import-requests --unknown-location LAT,LON`: the point an export writes for a case without a location
// (0,0, or the city hall). A row's point within UNKNOWN_LOCATION_RADIUS_M of it is no location at all
// (so the row's zone column, if any, places it instead).
export const UNKNOWN_LOCATION_RADIUS_M = 10;

export type PlaceholderPoint = { lat: number; lon: number };

export class PlaceholderPointError extends Error {}

/** "LAT,LON" (latitude first, as maps print it) → the point. */
export function parsePlaceholder(text: string): PlaceholderPoint {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  const lat = m ? Number(m[1]) : NaN,
    lon = m ? Number(m[2]) : NaN;
  if (!m || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new PlaceholderPointError(`--unknown-location "${text}": expected LAT,LON in degrees, e.g. 41.8837,-87.6319`);
  }
  return { lat, lon };
}

/** True when (lon, lat) lies within UNKNOWN_LOCATION_RADIUS_M of the placeholder (equirectangular: exact enough at metres). */
export function isPlaceholder(p: PlaceholderPoint, lon: number, lat: number): boolean {
  const metresPerDegree = 111_320;
  const dLon = (((lon - p.lon + 540) % 360) - 180) * Math.cos((p.lat * Math.PI) / 180) * metresPerDegree;
  const dLat = (lat - p.lat) * metresPerDegree;
  return Math.hypot(dLon, dLat) <= UNKNOWN_LOCATION_RADIUS_M;
}
