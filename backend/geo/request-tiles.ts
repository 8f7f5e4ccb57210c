// A Mapbox vector tile of requests: points (layer "requests") above tileBinMaxZoom, bins (layer "bins",
// property "count") at or below it; at most maxTileFeatures features. Empty tile: null.
import type pg from 'pg';
import type { Config } from '../config.ts';
import { inTransaction } from '../db/pool.ts';
import { filterValues, withRequestFilters, type RequestFilters } from './request-filters.ts';
import type { TimeRange } from './read-params.ts';
import type { TileCoords } from './tile-coords.ts';

export type TileSettings = Pick<Config, 'maxTileFeatures' | 'tileBinMaxZoom' | 'tileBinGrid' | 'tileExtent' | 'tileBuffer' | 'tileRandomPageCost'>;
export type RequestTile = { layer: 'requests' | 'bins'; tile: Buffer | null; capped: boolean };

/**
 * Runs the tile query in its own transaction with random_page_cost lowered for it alone: the requests
 * of a tile lie on scattered heap pages (the heap is in arrival order) that are usually cached, and with
 * the default cost (4, spinning disks) the planner reads a whole month through the created_at index to
 * find a zoom-13 tile's 2,000 points (measured 256 ms) instead of the space-time index (36 ms).
 */
export async function renderRequestTile(pool: pg.Pool, s: TileSettings, c: TileCoords,
  range: TimeRange, filters: RequestFilters): Promise<RequestTile> {
  const binned = c.z <= s.tileBinMaxZoom;
  const text = withRequestFilters(binned ? 'geo/tile_bins' : 'geo/tile_points');
  const values = [range.from, range.to, ...filterValues(filters), c.z, c.x, c.y, s.tileExtent,
    binned ? s.tileBinGrid : s.tileBuffer, s.maxTileFeatures];
  const rows = await inTransaction(pool, async (client) => {
    await client.query("SELECT set_config('random_page_cost', $1, true)", [String(s.tileRandomPageCost)]);
    return (await client.query<{ tile: Buffer | null; capped: boolean }>(text, values)).rows;
  });
  const tile = rows[0].tile && rows[0].tile.length > 0 ? rows[0].tile : null;
  return { layer: binned ? 'bins' : 'requests', tile, capped: rows[0].capped };
}
