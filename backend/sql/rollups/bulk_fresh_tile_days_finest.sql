-- The fresh build's day bins of the finest cell level {level} (zoom 18), grouped from the tile bins' state into the
-- unlogged staging table bulk_fresh_tile_days_{level}. No parallel worker scans the staging tables (parallel_workers
-- = 0): grouping a level from the one below hardly reduces the rows at the fine levels (200,000 → 199,800 → 199,200…
-- at 200,000 requests), so partial groupings in workers were work done twice: the 14 levels took 8.1–11.3 s with
-- workers, 5.8–6.7 s without (load ~5.4, 2 cores). Workers may still scan the state here.
-- {shift} = 32 − {level}: cx, cy are the cell's global index at that level
-- (the tile is cx >> 5, the cell in it cx & 31, as apply_tile_bins.sql cuts px >> (32 − level)). Each request's day
-- is bucketed once, in the city's zone read once (city_time_zone: rollup_bucket is then inlined, migration 0047), and
-- the day's month from the day: a local day lies in one local month, so month_bucket is the month of each of the
-- day's requests, carried down to the coarser levels (bulk_fresh_tile_days_parent.sql) with no zone to look at again.
CREATE UNLOGGED TABLE bulk_fresh_tile_days_{level} (cx, cy, day_bucket, month_bucket, n, sx, sy) WITH (parallel_workers = 0) AS
SELECT d.cx, d.cy, d.day_bucket, rollup_bucket('month', d.day_bucket, tz.time_zone), d.n, d.sx, d.sy
FROM (
  SELECT (s.px >> {shift})::int AS cx, (s.py >> {shift})::int AS cy, rollup_bucket('day', s.created_at, tz.time_zone) AS day_bucket,
         count(*)::int AS n, sum(s.px)::bigint AS sx, sum(s.py)::bigint AS sy
  FROM tile_bin_state_fresh s
  CROSS JOIN city_time_zone tz
  GROUP BY 1, 2, 3
) d
CROSS JOIN city_time_zone tz
