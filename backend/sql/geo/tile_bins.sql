-- One vector tile of binned requests (layer "bins", property "count"), counted from the raw rows: the
-- answer when dimension filters are given (tile_bins_counted.sql gives the same bins from the pre-count
-- when there are none). :from, :to, the dimension filters ({request_filters}), :z, :x, :y, :extent,
-- :bins_per_side bins per tile side, :max_features most features.
-- A point belongs to exactly one tile and one bin, by its position on the 2^32 grid (tile_px, tile_py of
-- migration 0022), so the counts of the tiles of a zoom add up to the requests. A bin is drawn at the
-- mean position of its requests. The lon/lat search box (the tile widened by 1e-7°, more than the grid's
-- rounding) is inline in the WHERE clause so the planner sees a constant (see tile_points.sql).
WITH pts AS (
  SELECT tile_px(r.location) AS px, tile_py(r.location) AS py
  FROM requests r
  WHERE r.location && ST_MakeEnvelope(
          :x::int / 2 ^ :z::int * 360 - 180 - 1e-7, degrees(atan(sinh(pi() * (1 - 2 * (:y::int + 1) / 2 ^ :z::int)))) - 1e-7,
          (:x::int + 1) / 2 ^ :z::int * 360 - 180 + 1e-7, degrees(atan(sinh(pi() * (1 - 2 * :y::int / 2 ^ :z::int)))) + 1e-7, 4326)
    AND r.created_at >= :from::timestamptz AND r.created_at < :to::timestamptz
    AND ({request_filters})
),
cells AS (
  SELECT ((p.px - (:x::bigint << (32 - :z::int))) * :bins_per_side::int) >> (32 - :z::int) AS i,
         ((p.py - (:y::bigint << (32 - :z::int))) * :bins_per_side::int) >> (32 - :z::int) AS j,
         count(*) AS n, sum(p.px) AS sx, sum(p.py) AS sy
  FROM pts p
  WHERE p.px >> (32 - :z::int) = :x::int AND p.py >> (32 - :z::int) = :y::int
  GROUP BY 1, 2
)
SELECT (
  SELECT ST_AsMVT(t, 'bins', :extent::int, 'geom')
  FROM (
    SELECT c.n::int AS count,
           ST_AsMVTGeom(ST_Point((c.sx::float8 / c.n::float8 / 4294967296 - 0.5) * 40075016.68557849,
                                 (0.5 - c.sy::float8 / c.n::float8 / 4294967296) * 40075016.68557849, 3857),
                        ST_TileEnvelope(:z::int, :x::int, :y::int), :extent::int, 0, false) AS geom
    FROM cells c
    ORDER BY c.n DESC, c.i, c.j
    LIMIT :max_features::int
  ) t
) AS tile,
(SELECT count(*) FROM cells) > :max_features::int AS capped
