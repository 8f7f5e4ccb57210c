-- The fresh build's day bins of cell level {level}, from those of level {child} = {level} + 1 (staged by
-- bulk_fresh_tile_days_finest.sql or this file): the parent of a cell is its global index >> 1 (px >> (32 − level)
-- is (px >> (32 − level − 1)) >> 1), and counts and sums of positions add. The month goes with its day. Staged as
-- the finest level is (no parallel worker: bulk_fresh_tile_days_finest.sql says why).
CREATE UNLOGGED TABLE bulk_fresh_tile_days_{level} (cx, cy, day_bucket, month_bucket, n, sx, sy) WITH (parallel_workers = 0) AS
SELECT cx >> 1, cy >> 1, day_bucket, month_bucket, sum(n)::int, sum(sx)::bigint, sum(sy)::bigint
FROM bulk_fresh_tile_days_{child}
GROUP BY 1, 2, 3, 4
