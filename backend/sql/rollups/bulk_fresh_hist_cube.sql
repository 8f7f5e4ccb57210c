-- The fresh build, one histogram cube, staged: as bulk_fresh_cube.sql (slots {source}, {stage}, {group_by}; hour rows
-- from hist_hour_from on), with the kind and bin of each duration and its count n.
CREATE UNLOGGED TABLE {stage} AS
SELECT hour_bucket, NULL::timestamptz AS day_bucket, NULL::timestamptz AS month_bucket{group_by}, kind, bin,
       sum(n)::int AS n
FROM {source}
WHERE hour_bucket >= (SELECT hist_hour_from FROM rollup_hour_horizon)
GROUP BY hour_bucket{group_by}, kind, bin
UNION ALL
SELECT NULL::timestamptz, day_bucket, NULL::timestamptz{group_by}, kind, bin, sum(n)::int
FROM {source}
WHERE day_bucket IS NOT NULL
GROUP BY day_bucket{group_by}, kind, bin;
INSERT INTO {stage}
SELECT NULL::timestamptz, NULL::timestamptz, rollup_bucket('month', s.day_bucket, tz.time_zone){group_by}, kind, bin,
       sum(n)::int
FROM {stage} s
CROSS JOIN city_time_zone tz
WHERE s.day_bucket IS NOT NULL
GROUP BY 3{group_by}, kind, bin
