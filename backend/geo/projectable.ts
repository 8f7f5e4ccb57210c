// The coordinates the map can project: Web Mercator (EPSG:3857) ends at ±85.05112878° of latitude (where the
// square world map ends; at ±90° the projection is infinite: ln(0)). The one declaration of the limit: every
// ingest path checks it (the request schema, the CSV import's quick path), the rollup job quarantines rows
// beyond it, and the SQL functions web_mercator_point / tile_py clamp to the same value (migration 0034,
// checked against this constant by projectable.test.ts).
export const MAX_MERCATOR_LATITUDE = 85.05112878;
export const MAX_LONGITUDE = 180;

export const LATITUDE_MESSAGE = `must be between -${MAX_MERCATOR_LATITUDE} and ${MAX_MERCATOR_LATITUDE} (the map's Web Mercator limit)`;
export const LONGITUDE_MESSAGE = `must be between -${MAX_LONGITUDE} and ${MAX_LONGITUDE}`;

export function isProjectable(lon: number, lat: number): boolean {
  return (
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    Math.abs(lon) <= MAX_LONGITUDE &&
    Math.abs(lat) <= MAX_MERCATOR_LATITUDE
  );
}
