-- One vector tile of binned requests (layer "bins", property "count"), counted from the raw rows: the
-- answer when dimension filters are given (tile_bins_counted.sql gives the same bins from the pre-count
-- when there are none). $1 from, $2 to, $3..$10 dimension filters, $11 z, $12 x, $13 y, $14 extent,
-- $15 bins per tile side, $16 most features.
-- A point belongs to exactly one tile and one bin, by its position on the 2^32 grid (tile_px, tile_py of
-- migration 0022), so the counts of the tiles of a zoom add up to the requests. A bin is drawn at the
-- mean position of its requests. The lon/lat search box (the tile widened by 1e-7°, more than the grid's
-- rounding) is inline in the WHERE clause so the planner sees a constant (see tile_points.sql).
WITH pts AS (
  SELECT tile_px(r.location) AS px, tile_py(r.location) AS py
  FROM requests r
  WHERE r.location && ST_MakeEnvelope(
          $12::int / 2 ^ $11::int * 360 - 180 - 1e-7, degrees(atan(sinh(pi() * (1 - 2 * ($13::int + 1) / 2 ^ $11::int)))) - 1e-7,
          ($12::int + 1) / 2 ^ $11::int * 360 - 180 + 1e-7, degrees(atan(sinh(pi() * (1 - 2 * $13::int / 2 ^ $11::int)))) + 1e-7, 4326)
    AND r.created_at >= $1::timestamptz AND r.created_at < $2::timestamptz
    AND /* request_filters */
),
cells AS (
  SELECT ((p.px - ($12::bigint << (32 - $11::int))) * $15::int) >> (32 - $11::int) AS i,
         ((p.py - ($13::bigint << (32 - $11::int))) * $15::int) >> (32 - $11::int) AS j,
         count(*) AS n, sum(p.px) AS sx, sum(p.py) AS sy
  FROM pts p
  WHERE p.px >> (32 - $11::int) = $12::int AND p.py >> (32 - $11::int) = $13::int
  GROUP BY 1, 2
)
SELECT (
  SELECT ST_AsMVT(t, 'bins', $14::int, 'geom')
  FROM (
    SELECT c.n::int AS count,
           ST_AsMVTGeom(ST_Point((c.sx::float8 / c.n::float8 / 4294967296 - 0.5) * 40075016.68557849,
                                 (0.5 - c.sy::float8 / c.n::float8 / 4294967296) * 40075016.68557849, 3857),
                        ST_TileEnvelope($11::int, $12::int, $13::int), $14::int, 0, false) AS geom
    FROM cells c
    ORDER BY c.n DESC, c.i, c.j
    LIMIT $16::int
  ) t
) AS tile,
(SELECT count(*) FROM cells) > $16::int AS capped
