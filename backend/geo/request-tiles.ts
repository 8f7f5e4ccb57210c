// A Mapbox vector tile of requests: points (layer "requests") above tileBinMaxZoom, bins (layer "bins",
// property "count") at or below it; at most maxTileFeatures features. Empty tile: null.
import type pg from 'pg';
import type { Config } from '../config.ts';
import { filterValues, withRequestFilters, type RequestFilters } from './request-filters.ts';
import type { TimeRange } from './read-params.ts';
import type { TileCoords } from './tile-coords.ts';

export type TileSettings = Pick<Config, 'maxTileFeatures' | 'tileBinMaxZoom' | 'tileBinGrid' | 'tileExtent' | 'tileBuffer'>;
export type RequestTile = { layer: 'requests' | 'bins'; tile: Buffer | null; capped: boolean };

export async function renderRequestTile(db: pg.Pool | pg.PoolClient, s: TileSettings, c: TileCoords,
  range: TimeRange, filters: RequestFilters): Promise<RequestTile> {
  const binned = c.z <= s.tileBinMaxZoom;
  const text = withRequestFilters(binned ? 'geo/tile_bins' : 'geo/tile_points');
  const values = [range.from, range.to, ...filterValues(filters), c.z, c.x, c.y, s.tileExtent,
    binned ? s.tileBinGrid : s.tileBuffer, s.maxTileFeatures];
  const { rows } = await db.query<{ tile: Buffer | null; capped: boolean }>(text, values);
  const tile = rows[0].tile && rows[0].tile.length > 0 ? rows[0].tile : null;
  return { layer: binned ? 'bins' : 'requests', tile, capped: rows[0].capped };
}
