-- One vector tile of binned requests (layer "bins", property "count") from the pre-counted cells of
-- migration 0022, without dimension filters: the same bins, counts and positions as tile_bins.sql on the
-- raw rows. :from, :to, :z (0..13; 32 bins per side, the cells of zoom z + 5), :x, :y,
-- :extent, :max_features most features.
-- The range [from, to) is cut at day starts d0 ≤ d1 (the whole days inside it) and month starts
-- m0 ≤ m1 (the whole months inside those): months [m0, m1) and days [d0, m0), [m1, d1) are read from
-- tile_bin_counts (one index range each: the tile, the span, the buckets); [from, d0) and [d1, to) from
-- the raw rows; and the requests marked for the rollup job add (current − counted) inside [d0, d1).
WITH cut AS MATERIALIZED ({tile_bins_cut}),
counted AS (
  SELECT c.i, c.j, c.n, c.sx, c.sy FROM tile_bin_counts c
  WHERE c.level = :z::int + 5 AND c.tx = :x::int AND c.ty = :y::int AND c.span = 'm'
    AND c.bucket >= (SELECT m0 FROM cut) AND c.bucket < (SELECT m1 FROM cut)
  UNION ALL
  SELECT c.i, c.j, c.n, c.sx, c.sy FROM tile_bin_counts c
  WHERE c.level = :z::int + 5 AND c.tx = :x::int AND c.ty = :y::int AND c.span = 'd'
    AND c.bucket >= (SELECT d0 FROM cut) AND c.bucket < (SELECT least(m0, d1) FROM cut)
  UNION ALL
  SELECT c.i, c.j, c.n, c.sx, c.sy FROM tile_bin_counts c
  WHERE c.level = :z::int + 5 AND c.tx = :x::int AND c.ty = :y::int AND c.span = 'd'
    AND c.bucket >= (SELECT greatest(m1, d0) FROM cut) AND c.bucket < (SELECT d1 FROM cut)
),
-- Positions and signs of what the raw rows add: the edges of the range (less than two days: found by
-- time alone, through the created_at index, whatever the tile) and the pending corrections (looked up
-- by id: the marks are few, and the planner must not scan the range's requests for them).
raw AS (
  SELECT 1 AS sign, tile_px(r.location) AS px, tile_py(r.location) AS py
  FROM requests r
  WHERE r.location IS NOT NULL
    AND ((r.created_at >= :from::timestamptz AND r.created_at < (SELECT d0 FROM cut))
      OR (r.created_at >= (SELECT d1 FROM cut) AND r.created_at < :to::timestamptz))
  UNION ALL
  SELECT * FROM ({tile_cells_pending}) AS pending
),
raw_cells AS (
  SELECT (p.px >> (27 - :z::int)) & 31 AS i, (p.py >> (27 - :z::int)) & 31 AS j,
         sum(p.sign) AS n, sum(p.sign * p.px) AS sx, sum(p.sign * p.py) AS sy
  FROM raw p
  WHERE p.px >> (32 - :z::int) = :x::int AND p.py >> (32 - :z::int) = :y::int
  GROUP BY 1, 2
),
cells AS (
  SELECT i, j, sum(n) AS n, sum(sx) AS sx, sum(sy) AS sy
  FROM (SELECT i::bigint, j::bigint, n::bigint, sx::numeric, sy::numeric FROM counted
        UNION ALL SELECT i, j, n, sx, sy FROM raw_cells) u
  GROUP BY i, j
  HAVING sum(n) > 0
)
SELECT ({tile_cells_encode}) AS tile,
(SELECT count(*) FROM cells) > :max_features::int AS capped
