// Zoom levels for the zones GeoJSON: which cached level a zoom uses, how much to simplify, how many decimals.
const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6378137;
const TILE_PX = 256;

/** Web Mercator metres per pixel at zoom z (256-px tiles): the unit of simplification in EPSG:3857. */
export function metresPerPixel(z: number): number {
  return EARTH_CIRCUMFERENCE_M / (TILE_PX * 2 ** z);
}

/** Integer zoom level a requested zoom is served from: floor, clamped to 0..fullDetailZoom. */
export function zoomBucket(zoom: number, fullDetailZoom: number): number {
  return Math.min(Math.max(Math.floor(zoom), 0), fullDetailZoom);
}

/** ST_SimplifyPreserveTopology tolerance in EPSG:3857 metres; 0 (no simplification) at full detail. */
export function simplifyTolerance(bucket: number, pixels: number, fullDetailZoom: number): number {
  return bucket >= fullDetailZoom ? 0 : metresPerPixel(bucket) * pixels;
}

/** Decimals of longitude/latitude that keep rounding under a tenth of a pixel (6–7 at full detail). */
export function coordinateDecimals(bucket: number, fullDetailZoom: number): number {
  if (bucket >= fullDetailZoom) {
    return 7;
  }
  const degreesPerPixel = 360 / (TILE_PX * 2 ** bucket);
  return Math.min(Math.max(Math.ceil(-Math.log10(degreesPerPixel)) + 1, 1), 7);
}
