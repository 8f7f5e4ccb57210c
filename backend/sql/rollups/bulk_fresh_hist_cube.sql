-- The fresh build, one histogram cube: as bulk_fresh_cube.sql (slots {source}, {stage}, {cube}, {dims}, {group_by},
-- {order_by}; hour rows from hist_hour_from on) with the kind and bin of each duration and its count n, written into
-- rollup_hist_fresh in the order of the rollup_hist key.
CREATE UNLOGGED TABLE {stage} AS
SELECT hour_bucket, NULL::timestamptz AS day_bucket{group_by}, kind, bin, sum(n)::int AS n
FROM {source}
WHERE hour_bucket >= (SELECT hist_hour_from FROM rollup_hour_horizon)
GROUP BY hour_bucket{group_by}, kind, bin
UNION ALL
SELECT NULL::timestamptz, day_bucket{group_by}, kind, bin, sum(n)::int
FROM {source}
WHERE day_bucket IS NOT NULL
GROUP BY day_bucket{group_by}, kind, bin;
INSERT INTO rollup_hist_fresh (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id,
                               status_class, priority, kind, bin, n)
SELECT level, {cube}::smallint, bucket, {dims}, kind, bin, n
FROM (
  SELECT CASE WHEN day_bucket IS NULL THEN 'hour' ELSE 'day' END AS level, coalesce(day_bucket, hour_bucket) AS bucket
         {group_by}, kind, bin, n
  FROM {stage}
  UNION ALL
  SELECT 'month', rollup_bucket('month', s.day_bucket, tz.time_zone){group_by}, kind, bin, sum(n)::int
  FROM {stage} s
  CROSS JOIN city_time_zone tz
  WHERE s.day_bucket IS NOT NULL
  GROUP BY 2{group_by}, kind, bin
) r
ORDER BY level, kind, bucket{order_by}, bin
