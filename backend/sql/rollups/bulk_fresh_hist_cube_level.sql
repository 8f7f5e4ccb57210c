-- The fresh build, one level (:level) of one staged histogram cube (bulk_fresh_hist_cube.sql) written into
-- rollup_hist_fresh: as bulk_fresh_cube_level.sql, each row with its kind, bin and count n, ordered by the rest of
-- the rollup_hist key (kind, bucket, the dimensions, bin).
INSERT INTO rollup_hist_fresh (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id,
                               status_class, priority, kind, bin, n)
SELECT :level::text, {cube}::smallint, bucket, {dims}, kind, bin, n
FROM (
  SELECT hour_bucket AS bucket{group_by}, kind, bin, n
  FROM {stage}
  WHERE :level::text = 'hour' AND day_bucket IS NULL
  UNION ALL
  SELECT day_bucket{group_by}, kind, bin, n
  FROM {stage}
  WHERE :level::text = 'day' AND day_bucket IS NOT NULL
  UNION ALL
  SELECT rollup_bucket('month', s.day_bucket, tz.time_zone){group_by}, kind, bin, sum(n)::int
  FROM {stage} s
  CROSS JOIN city_time_zone tz
  WHERE :level::text = 'month' AND s.day_bucket IS NOT NULL
  GROUP BY 1{group_by}, kind, bin
) r
ORDER BY kind, bucket{order_by}, bin
