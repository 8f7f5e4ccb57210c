-- A point tile (zoom 14..18) drawn as its finest pre-counted cells (migration 0022: zoom 18, 2^(18 − z) a
-- side: 16 × 16 at zoom 14, 4 × 4 at zoom 16, 1 at zoom 18), layer "bins", property "count", each at the
-- mean position of its requests: the same bytes as tile_bins.sql on the raw rows with 2^(18 − z) bins a
-- side. Served instead of points when the tile holds more requests than it can honestly show (see
-- backend/geo/request-tiles.ts), so `total` (the tile's requests in range, exact) comes with it.
-- :from, :to, :z (14..18), :x, :y, :extent, :max_features most features.
-- The cells are keyed by the zoom-13 tile holding them (tx, ty) and their place in it (i, j: 0..31); this
-- tile is the cells i in [x·2^(18−z) − 32·tx, (x + 1)·2^(18−z) − 32·tx), and likewise j. The range is cut as
-- in tile_bins_counted.sql; the edges of the range (under two days) are read from the rows of this tile
-- only (the space-time index: the tile is small), and the pending marks are corrected as there.
WITH cut AS MATERIALIZED ({tile_bins_cut}),
sub AS MATERIALIZED (
  SELECT :x::int >> (:z::int - 13) AS tx, :y::int >> (:z::int - 13) AS ty,
         (:x::int << (18 - :z::int)) - 32 * (:x::int >> (:z::int - 13)) AS i0,
         (:y::int << (18 - :z::int)) - 32 * (:y::int >> (:z::int - 13)) AS j0,
         1 << (18 - :z::int) AS side
),
counted AS (
  SELECT c.i, c.j, c.n, c.sx, c.sy FROM tile_bin_counts c, sub
  WHERE c.level = 18 AND c.tx = sub.tx AND c.ty = sub.ty AND c.span = 'm'
    AND c.bucket >= (SELECT m0 FROM cut) AND c.bucket < (SELECT m1 FROM cut)
    AND c.i >= sub.i0 AND c.i < sub.i0 + sub.side AND c.j >= sub.j0 AND c.j < sub.j0 + sub.side
  UNION ALL
  SELECT c.i, c.j, c.n, c.sx, c.sy FROM tile_bin_counts c, sub
  WHERE c.level = 18 AND c.tx = sub.tx AND c.ty = sub.ty AND c.span = 'd'
    AND c.bucket >= (SELECT d0 FROM cut) AND c.bucket < (SELECT least(m0, d1) FROM cut)
    AND c.i >= sub.i0 AND c.i < sub.i0 + sub.side AND c.j >= sub.j0 AND c.j < sub.j0 + sub.side
  UNION ALL
  SELECT c.i, c.j, c.n, c.sx, c.sy FROM tile_bin_counts c, sub
  WHERE c.level = 18 AND c.tx = sub.tx AND c.ty = sub.ty AND c.span = 'd'
    AND c.bucket >= (SELECT greatest(m1, d0) FROM cut) AND c.bucket < (SELECT d1 FROM cut)
    AND c.i >= sub.i0 AND c.i < sub.i0 + sub.side AND c.j >= sub.j0 AND c.j < sub.j0 + sub.side
),
-- The search box of the edges is the tile widened by 1e-7° (more than the grid's rounding), inline so
-- the planner sees a constant (see tile_points.sql).
raw AS (
  SELECT 1 AS sign, tile_px(r.location) AS px, tile_py(r.location) AS py
  FROM requests r
  WHERE r.location && ST_MakeEnvelope(
          :x::int / 2 ^ :z::int * 360 - 180 - 1e-7, degrees(atan(sinh(pi() * (1 - 2 * (:y::int + 1) / 2 ^ :z::int)))) - 1e-7,
          (:x::int + 1) / 2 ^ :z::int * 360 - 180 + 1e-7, degrees(atan(sinh(pi() * (1 - 2 * :y::int / 2 ^ :z::int)))) + 1e-7, 4326)
    AND ((r.created_at >= :from::timestamptz AND r.created_at < (SELECT d0 FROM cut))
      OR (r.created_at >= (SELECT d1 FROM cut) AND r.created_at < :to::timestamptz))
  UNION ALL
  SELECT * FROM ({tile_cells_pending}) AS pending
),
raw_cells AS (
  SELECT (p.px >> 14) & 31 AS i, (p.py >> 14) & 31 AS j,
         sum(p.sign) AS n, sum(p.sign * p.px) AS sx, sum(p.sign * p.py) AS sy
  FROM raw p
  WHERE p.px >> (32 - :z::int) = :x::int AND p.py >> (32 - :z::int) = :y::int
  GROUP BY 1, 2
),
cells AS MATERIALIZED (
  SELECT i, j, sum(n) AS n, sum(sx) AS sx, sum(sy) AS sy
  FROM (SELECT i::bigint, j::bigint, n::bigint, sx::numeric, sy::numeric FROM counted
        UNION ALL SELECT i, j, n, sx, sy FROM raw_cells) u
  GROUP BY i, j
  HAVING sum(n) > 0
)
SELECT ({tile_cells_encode}) AS tile,
(SELECT count(*) FROM cells) > :max_features::int AS capped,
(SELECT coalesce(sum(n), 0) FROM cells)::bigint AS total
