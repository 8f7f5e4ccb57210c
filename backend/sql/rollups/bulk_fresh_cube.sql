-- The fresh build, one cube. Slots as bulk_cube.sql, and {source}: the facts (bulk_fresh_facts.sql) or the staged rows
-- of a finer cube (whose hour rows reach back at least as far: bulk-fresh-cubes.ts chooses it); {stage}: this cube's
-- own staging table, which coarser cubes may read in turn. Both have the same columns: hour_bucket (an hour row) or
-- day_bucket (a day row), the cube's dimensions and the measures.
-- 1. Its hour rows (from its horizon on) and day rows staged by CREATE TABLE … AS.
-- 2. Written into the new, unindexed rollups_fresh in the order of the rollups key, with its month rows grouped from
--    its day rows (a local day lies in one local month), not from the facts again; no conflict to look for (each
--    cube's groups are distinct, and it is written once). The INSERT's row count is the cube's.
CREATE UNLOGGED TABLE {stage} AS
SELECT hour_bucket, NULL::timestamptz AS day_bucket{group_by},
       sum(received)::int AS received, sum(closed)::int AS closed, sum(cancelled)::int AS cancelled,
       sum(res_met)::int AS res_met, sum(res_breached)::int AS res_breached, sum(fr_met)::int AS fr_met,
       sum(fr_breached)::int AS fr_breached, sum(progress_sum)::bigint AS progress_sum, sum(progress_n)::int AS progress_n,
       sum(sat_sum)::int AS sat_sum, sum(sat_n)::int AS sat_n
FROM {source}
WHERE hour_bucket >= (SELECT {horizon} FROM rollup_hour_horizon)
GROUP BY hour_bucket{group_by}
UNION ALL
SELECT NULL::timestamptz, day_bucket{group_by},
       sum(received)::int, sum(closed)::int, sum(cancelled)::int, sum(res_met)::int, sum(res_breached)::int,
       sum(fr_met)::int, sum(fr_breached)::int, sum(progress_sum)::bigint, sum(progress_n)::int, sum(sat_sum)::int,
       sum(sat_n)::int
FROM {source}
WHERE day_bucket IS NOT NULL
GROUP BY day_bucket{group_by};
INSERT INTO rollups_fresh (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class,
                           priority, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached,
                           progress_sum, progress_n, sat_sum, sat_n)
SELECT level, {cube}::smallint, bucket, {dims}, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached,
       progress_sum, progress_n, sat_sum, sat_n
FROM (
  SELECT CASE WHEN day_bucket IS NULL THEN 'hour' ELSE 'day' END AS level, coalesce(day_bucket, hour_bucket) AS bucket
         {group_by}, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached, progress_sum, progress_n,
         sat_sum, sat_n
  FROM {stage}
  UNION ALL
  SELECT 'month', rollup_bucket('month', s.day_bucket, tz.time_zone){group_by},
         sum(received)::int, sum(closed)::int, sum(cancelled)::int, sum(res_met)::int, sum(res_breached)::int,
         sum(fr_met)::int, sum(fr_breached)::int, sum(progress_sum)::bigint, sum(progress_n)::int, sum(sat_sum)::int,
         sum(sat_n)::int
  FROM {stage} s
  CROSS JOIN city_time_zone tz
  WHERE s.day_bucket IS NOT NULL
  GROUP BY 2{group_by}
) r
ORDER BY level, bucket{order_by}
