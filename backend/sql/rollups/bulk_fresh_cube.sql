-- The fresh build, one cube (slots as bulk_cube.sql): its rows written into the new, unindexed rollups_fresh in the
-- order of the rollups key, with no conflict to look for (each cube's groups are distinct, and it is written once).
INSERT INTO rollups_fresh (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class,
                           priority, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached,
                           progress_sum, progress_n, sat_sum, sat_n)
SELECT level, {cube}::smallint, bucket, {dims},
       sum(received)::int, sum(closed)::int, sum(cancelled)::int, sum(res_met)::int, sum(res_breached)::int,
       sum(fr_met)::int, sum(fr_breached)::int, sum(progress_sum)::bigint, sum(progress_n)::int, sum(sat_sum)::int, sum(sat_n)::int
FROM bulk_fresh_facts
WHERE level <> 'hour' OR bucket >= (SELECT {horizon} FROM rollup_hour_horizon)
GROUP BY level, bucket{group_by}
ORDER BY level, bucket{order_by}
