-- The fresh build, one level (:level) of one staged cube (bulk_fresh_cube.sql; slots {stage}, {cube}, {dims},
-- {group_by}, {order_by}) written into the new, unindexed rollups_fresh: its hour rows, its day rows, or its month
-- rows grouped from its day rows (a local day lies in one local month), not from the facts again. No conflict to
-- look for (each cube's groups are distinct, and each level is written once). bulk-fresh-cubes.ts writes the levels
-- and cubes in the order of the rollups key, and each INSERT orders its rows by the rest of the key: the table is
-- then in key order (but for a few rows the heap puts into earlier pages' free space), and the unique index is built
-- from rows almost all in order. The INSERT's row count is the level's.
INSERT INTO rollups_fresh (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class,
                           priority, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached,
                           progress_sum, progress_n, sat_sum, sat_n)
SELECT :level::text, {cube}::smallint, bucket, {dims}, received, closed, cancelled, res_met, res_breached, fr_met,
       fr_breached, progress_sum, progress_n, sat_sum, sat_n
FROM (
  SELECT hour_bucket AS bucket{group_by}, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached,
         progress_sum, progress_n, sat_sum, sat_n
  FROM {stage}
  WHERE :level::text = 'hour' AND day_bucket IS NULL
  UNION ALL
  SELECT day_bucket{group_by}, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached, progress_sum,
         progress_n, sat_sum, sat_n
  FROM {stage}
  WHERE :level::text = 'day' AND day_bucket IS NOT NULL
  UNION ALL
  SELECT rollup_bucket('month', s.day_bucket, tz.time_zone){group_by},
         sum(received)::int, sum(closed)::int, sum(cancelled)::int, sum(res_met)::int, sum(res_breached)::int,
         sum(fr_met)::int, sum(fr_breached)::int, sum(progress_sum)::bigint, sum(progress_n)::int, sum(sat_sum)::int,
         sum(sat_n)::int
  FROM {stage} s
  CROSS JOIN city_time_zone tz
  WHERE :level::text = 'month' AND s.day_bucket IS NOT NULL
  GROUP BY 1{group_by}
) r
ORDER BY bucket{order_by}
