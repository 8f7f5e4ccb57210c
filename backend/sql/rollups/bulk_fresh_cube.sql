-- The fresh build, one cube staged. Slots as bulk_cube.sql, and {source}: the facts (bulk_fresh_facts.sql) or the
-- staged rows of a finer cube (whose hour rows reach back at least as far: bulk-fresh-cubes.ts chooses it); {stage}:
-- this cube's own staging table, which coarser cubes may read in turn. Both have the same columns: hour_bucket (an
-- hour row) or day_bucket (a day row), the cube's dimensions and the measures. Its hour rows (from its horizon on)
-- and day rows, by CREATE TABLE … AS; bulk_fresh_cube_level.sql writes them into rollups_fresh.
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
GROUP BY day_bucket{group_by}
