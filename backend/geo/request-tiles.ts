// A Mapbox vector tile of requests: points (layer "requests") above tileBinMaxZoom, bins (layer "bins",
// property "count") at or below it, and a long-range point tile holding too many requests to show as
// points drawn as its zoom-18 cells (layer "bins"; mayServeCells); at most maxTileFeatures features. Empty tile: null.
import type pg from 'pg';
import type { Config } from '../config.ts';
import { inTransaction } from '../db/transaction.ts';
import { bindNamed, type BoundQuery } from '../db/named-params.ts';
import { sqlFile, sqlTemplate } from '../db/sql.ts';
import {
  filterParams,
  isUnfiltered,
  NO_FILTERS,
  requestFiltersSql,
  withRequestFilters,
  type RequestFilters,
} from './request-filters.ts';
import type { TimeRange } from './read-params.ts';
import type { TileCoords } from './tile-coords.ts';

export type TileSettings = Pick<
  Config,
  | 'maxTileFeatures'
  | 'tileCellsAbove'
  | 'tileBinMaxZoom'
  | 'tileBinGrid'
  | 'tileExtent'
  | 'tileBuffer'
  | 'tileRandomPageCost'
>;
/** `cells`: a point tile drawn as its zoom-18 cells (layer bins; mayServeCells). */
export type RequestTile = { layer: 'requests' | 'bins'; tile: Buffer | null; capped: boolean; cells: boolean };

/** The bins migration 0022 pre-counts: tiles of zoom 0..13, 32 bins a side (the tiles of zoom z + 5). */
export const PRECOUNTED_BIN_MAX_ZOOM = 13;
export const PRECOUNTED_BIN_GRID = 32;

/** How a binned tile is counted: from the pre-count (no dimension filter, a pre-counted zoom and grid) or the raw rows. */
export function binSource(s: TileSettings, z: number, filters: RequestFilters): 'counted' | 'raw' {
  return isUnfiltered(filters) && z <= PRECOUNTED_BIN_MAX_ZOOM && s.tileBinGrid === PRECOUNTED_BIN_GRID
    ? 'counted'
    : 'raw';
}

/** The finest pre-counted cells (migration 0022): zoom 18, the bins of zoom-13 tiles. */
export const PRECOUNTED_CELL_ZOOM = PRECOUNTED_BIN_MAX_ZOOM + 5;

/** A range longer than this is "long": a point tile of it may be drawn as cells. */
export const CELLS_MIN_RANGE_MS = 35 * 86_400_000;

/**
 * The choice for point tiles over long ranges. A point tile can honestly show at most the feature cap;
 * a year of a busy district holds far more (66,800 requests in the bench's busiest zoom-14 tile), and the
 * newest 10,000 of them would draw an arbitrary part of the range as if it were all of it (and cost ~70 ms:
 * fetching, projecting and encoding 10,000 scattered rows; ~45 ms for 9,700, ~25 ms for 5,400). So a point
 * tile without dimension filters, of zoom 13..18 and a range over 35 days, whose requests (counted exactly
 * from the pre-counted cells, with the pending corrections: 5–20 ms) are more than tileCellsAbove (5,000 by
 * default, at most the cap) is served as its zoom-18 cells instead, in layer "bins" (property "count", at
 * the mean position of their requests) as the binned zooms are: 16 × 16 cells at zoom 14, 4 × 4 at zoom 16.
 * Ranges up to 35 days, filtered tiles and tiles with fewer requests stay points, as they were.
 */
export function mayServeCells(s: TileSettings, c: TileCoords, range: TimeRange, filters: RequestFilters): boolean {
  return (
    c.z > s.tileBinMaxZoom &&
    c.z >= PRECOUNTED_BIN_MAX_ZOOM &&
    c.z <= PRECOUNTED_CELL_ZOOM &&
    isUnfiltered(filters) &&
    range.to.getTime() - range.from.getTime() > CELLS_MIN_RANGE_MS
  );
}

/** Requests above which a long-range point tile is drawn as cells: tileCellsAbove, at most the cap. */
export const cellsAbove = (s: TileSettings): number => Math.min(s.tileCellsAbove, s.maxTileFeatures);

/** A point tile's zoom-18 cells, from the pre-count (with its exact `total`) or the raw rows (tests compare them). */
export function cellTileQuery(s: TileSettings, c: TileCoords, range: TimeRange, source: 'counted' | 'raw'): BoundQuery {
  if (c.z < PRECOUNTED_BIN_MAX_ZOOM || c.z > PRECOUNTED_CELL_ZOOM) {
    throw new Error(`zoom-18 cells are for tiles of zoom 13..18, not ${c.z}`);
  }
  const tile = {
    from: range.from,
    to: range.to,
    z: c.z,
    x: c.x,
    y: c.y,
    extent: s.tileExtent,
    max_features: s.maxTileFeatures,
  };
  return source === 'counted'
    ? bindNamed(countedTileSql('geo/tile_cells_counted'), tile)
    : bindNamed(
        withRequestFilters('geo/tile_bins'),
        Object.assign(tile, filterParams(NO_FILTERS), { bins_per_side: 2 ** (PRECOUNTED_CELL_ZOOM - c.z) })
      );
}

/** A statement of the pre-counted cells with its shared parts: the cut of the range, the pending marks, the encoding. */
const countedTileSql = (name: string) =>
  sqlTemplate(name, {
    tile_bins_cut: sqlFile('geo/tile_bins_cut'),
    tile_cells_encode: sqlFile('geo/tile_cells_encode'),
    tile_cells_pending: sqlFile('geo/tile_cells_pending'),
  });

/** The point-tile statement with its shared parts: the filters, the search box, the encoding. */
const pointTileSql = () =>
  sqlTemplate('geo/tile_points', {
    request_filters: requestFiltersSql(),
    tile_points_search_box: sqlFile('geo/tile_points_search_box'),
    tile_points_encode: sqlFile('geo/tile_points_encode'),
  });

/** The statement and values of a tile (points or bins); `source` forces how bins are counted (tests compare the two). */
export function tileQuery(
  s: TileSettings,
  c: TileCoords,
  range: TimeRange,
  filters: RequestFilters,
  source: 'counted' | 'raw' = binSource(s, c.z, filters)
): { layer: RequestTile['layer'] } & BoundQuery {
  // The tile's parameters; Object.assign adds the filters' (a spread into a literal this size cost ~80 µs a tile, measured).
  const tile = {
    from: range.from,
    to: range.to,
    z: c.z,
    x: c.x,
    y: c.y,
    extent: s.tileExtent,
    max_features: s.maxTileFeatures,
  };
  if (c.z > s.tileBinMaxZoom) {
    return {
      layer: 'requests',
      ...bindNamed(pointTileSql(), Object.assign(tile, filterParams(filters), { buffer: s.tileBuffer })),
    };
  }
  if (source === 'counted') {
    if (!isUnfiltered(filters)) {
      throw new Error('pre-counted bins take no dimension filter');
    }
    return { layer: 'bins', ...bindNamed(countedTileSql('geo/tile_bins_counted'), tile) };
  }
  return {
    layer: 'bins',
    ...bindNamed(
      withRequestFilters('geo/tile_bins'),
      Object.assign(tile, filterParams(filters), { bins_per_side: s.tileBinGrid })
    ),
  };
}

/**
 * Runs the tile query in its own transaction with random_page_cost lowered for it alone: the requests
 * of a tile lie on scattered heap pages (the heap is in arrival order) that are usually cached, and with
 * the default cost (4, spinning disks) the planner reads a whole month through the created_at index to
 * find a zoom-13 tile's 2,000 points (measured 256 ms) instead of the space-time index (36 ms).
 * Bins without dimension filters come from the pre-count (migration 0022), exact like the raw rows; a
 * long-range point tile is first counted from its pre-counted cells, and drawn as those cells when it
 * holds more requests than cellsAbove (see mayServeCells), as points otherwise.
 */
export async function renderRequestTile(
  pool: pg.Pool,
  s: TileSettings,
  c: TileCoords,
  range: TimeRange,
  filters: RequestFilters,
  source?: 'counted' | 'raw'
): Promise<RequestTile> {
  return inTransaction(pool, async (client) => {
    await client.query(`SELECT set_config('random_page_cost', $1, true)`, [String(s.tileRandomPageCost)]);
    if (mayServeCells(s, c, range, filters)) {
      const q = cellTileQuery(s, c, range, 'counted');
      const cells = (await client.query<{ tile: Buffer | null; capped: boolean; total: string }>(q.text, q.values))
        .rows[0];
      if (Number(cells.total) > cellsAbove(s)) {
        return { layer: 'bins', tile: nonEmpty(cells.tile), capped: cells.capped, cells: true };
      }
    }
    const { layer, text, values } = tileQuery(s, c, range, filters, source);
    const row = (await client.query<{ tile: Buffer | null; capped: boolean }>(text, values)).rows[0];
    return { layer, tile: nonEmpty(row.tile), capped: row.capped, cells: false };
  });
}

const nonEmpty = (tile: Buffer | null): Buffer | null => (tile && tile.length > 0 ? tile : null);
