// A Mapbox vector tile of requests: points (layer "requests") above tileBinMaxZoom, bins (layer "bins",
// property "count") at or below it; at most maxTileFeatures features. Empty tile: null.
import type pg from 'pg';
import type { Config } from '../config.ts';
import { inTransaction } from '../db/pool.ts';
import { sql, sqlWith } from '../db/sql.ts';
import { filterValues, withRequestFilters, type RequestFilters } from './request-filters.ts';
import type { TimeRange } from './read-params.ts';
import type { TileCoords } from './tile-coords.ts';

export type TileSettings = Pick<Config, 'maxTileFeatures' | 'tileBinMaxZoom' | 'tileBinGrid' | 'tileExtent' | 'tileBuffer' | 'tileRandomPageCost'>;
export type RequestTile = { layer: 'requests' | 'bins'; tile: Buffer | null; capped: boolean };

/** The bins migration 0022 pre-counts: tiles of zoom 0..13, 32 bins a side (the tiles of zoom z + 5). */
export const PRECOUNTED_BIN_MAX_ZOOM = 13;
export const PRECOUNTED_BIN_GRID = 32;

/** How a binned tile is counted: from the pre-count (no dimension filter, a pre-counted zoom and grid) or the raw rows. */
export function binSource(s: TileSettings, z: number, filters: RequestFilters): 'counted' | 'raw' {
  const filtered = filterValues(filters).some((v) => v !== null);
  return !filtered && z <= PRECOUNTED_BIN_MAX_ZOOM && s.tileBinGrid === PRECOUNTED_BIN_GRID ? 'counted' : 'raw';
}

/** Ranges up to this long keep the planner's plan: the cut-off is by month, so it seldom helps them (measured). */
const POINT_CUTOFF_MIN_MS = 35 * 86_400_000;

/**
 * A point tile whose newest requests are first located from the pre-counted cells: no dimension filter,
 * zoom-18 cells fit in the tile, and a range longer than POINT_CUTOFF_MIN_MS.
 */
export function usesPointCutoff(c: TileCoords, range: TimeRange, filters: RequestFilters): boolean {
  return c.z >= PRECOUNTED_BIN_MAX_ZOOM && c.z <= PRECOUNTED_BIN_MAX_ZOOM + 5 && filterValues(filters).every((v) => v === null)
    && range.to.getTime() - range.from.getTime() > POINT_CUTOFF_MIN_MS;
}

/**
 * The statement and values of a tile; `source` forces how bins are counted (tests compare the two);
 * `newestFrom` is where a point tile's newest requests likely start (the range's start when unknown).
 */
/** A point-tile statement with its shared parts: the filters, the search box, the encoding. */
const pointTileSql = (name: string) => sqlWith(name, {
  request_filters: 'geo/request_filters', tile_points_search_box: 'geo/tile_points_search_box', tile_points_encode: 'geo/tile_points_encode',
});

export function tileQuery(s: TileSettings, c: TileCoords, range: TimeRange, filters: RequestFilters,
  source: 'counted' | 'raw' = binSource(s, c.z, filters), newestFrom: Date = range.from): { layer: RequestTile['layer']; text: string; values: unknown[] } {
  if (c.z > s.tileBinMaxZoom) {
    const values = [range.from, range.to, ...filterValues(filters), c.z, c.x, c.y, s.tileExtent, s.tileBuffer, s.maxTileFeatures];
    return newestFrom > range.from && newestFrom < range.to
      ? { layer: 'requests', text: pointTileSql('geo/tile_points_newest_first'), values: [...values, newestFrom] }
      : { layer: 'requests', text: pointTileSql('geo/tile_points'), values };
  }
  if (source === 'counted') {
    if (filterValues(filters).some((v) => v !== null)) throw new Error('pre-counted bins take no dimension filter');
    return { layer: 'bins', text: sql('geo/tile_bins_counted'),
      values: [range.from, range.to, c.z, c.x, c.y, s.tileExtent, s.maxTileFeatures] };
  }
  return { layer: 'bins', text: withRequestFilters('geo/tile_bins'),
    values: [range.from, range.to, ...filterValues(filters), c.z, c.x, c.y, s.tileExtent, s.tileBinGrid, s.maxTileFeatures] };
}

/**
 * Runs the tile query in its own transaction with random_page_cost lowered for it alone: the requests
 * of a tile lie on scattered heap pages (the heap is in arrival order) that are usually cached, and with
 * the default cost (4, spinning disks) the planner reads a whole month through the created_at index to
 * find a zoom-13 tile's 2,000 points (measured 256 ms) instead of the space-time index (36 ms).
 * Bins without dimension filters come from the pre-count (migration 0022), exact like the raw rows;
 * a point tile without filters first reads from where the pre-count says its newest requests start.
 */
export async function renderRequestTile(pool: pg.Pool, s: TileSettings, c: TileCoords,
  range: TimeRange, filters: RequestFilters, source?: 'counted' | 'raw'): Promise<RequestTile> {
  const rows = await inTransaction(pool, async (client) => {
    const cutoff = c.z > s.tileBinMaxZoom && usesPointCutoff(c, range, filters);
    // With the newest requests located, the space-time index reads just those (a bitmap scan); the
    // planner would rather walk the created_at index backwards through every request of the city
    // since the cut-off (measured 30 ms against ~12 ms for a year at zoom 14).
    await client.query(`SELECT set_config('random_page_cost', $1, true),
      set_config('enable_indexscan', CASE WHEN $2 THEN 'off' ELSE current_setting('enable_indexscan') END, true)`,
    [String(s.tileRandomPageCost), cutoff]);
    let newestFrom = range.from;
    if (cutoff) {
      const { rows: cut } = await client.query<{ newest_from: Date | null }>(sql('geo/tile_points_cutoff'),
        [c.z, c.x, c.y, range.from, range.to, s.maxTileFeatures + 1]);
      newestFrom = cut[0].newest_from ?? range.from;
    }
    const { text, values } = tileQuery(s, c, range, filters, source, newestFrom);
    return (await client.query<{ tile: Buffer | null; capped: boolean }>(text, values)).rows;
  });
  const layer = c.z > s.tileBinMaxZoom ? 'requests' : 'bins';
  const tile = rows[0].tile && rows[0].tile.length > 0 ? rows[0].tile : null;
  return { layer, tile, capped: rows[0].capped };
}
