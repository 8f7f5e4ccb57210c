-- The fresh build, one histogram cube staged: as bulk_fresh_cube.sql (slots {source}, {stage}, {group_by}; hour rows
-- from hist_hour_from on) with the kind and bin of each duration and its count n; bulk_fresh_hist_cube_level.sql
-- writes them into rollup_hist_fresh.
CREATE UNLOGGED TABLE {stage} AS
SELECT hour_bucket, NULL::timestamptz AS day_bucket{group_by}, kind, bin, sum(n)::int AS n
FROM {source}
WHERE hour_bucket >= (SELECT hist_hour_from FROM rollup_hour_horizon)
GROUP BY hour_bucket{group_by}, kind, bin
UNION ALL
SELECT NULL::timestamptz, day_bucket{group_by}, kind, bin, sum(n)::int
FROM {source}
WHERE day_bucket IS NOT NULL
GROUP BY day_bucket{group_by}, kind, bin
