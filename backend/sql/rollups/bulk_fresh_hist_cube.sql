-- The fresh build, one histogram cube (slots as bulk_cube.sql, no horizon): its rows grouped into a staging table
-- (parallel workers allowed, as bulk_fresh_cube.sql) in the order of the rollup_hist key, then copied into the new
-- rollup_hist_fresh. The INSERT's row count is the cube's.
CREATE UNLOGGED TABLE bulk_fresh_hist_cube_rows (level, cube, bucket, zone_id, channel, category, topic, department,
                                                 advisor_id, status_class, priority, kind, bin, n) AS
SELECT level, {cube}::smallint, bucket, {dims}, kind, bin, count(*)::int
FROM bulk_fresh_hist_facts
GROUP BY level, bucket, kind, bin{group_by}
ORDER BY level, kind, bucket{order_by}, bin;
INSERT INTO rollup_hist_fresh (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id,
                               status_class, priority, kind, bin, n)
SELECT level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority, kind, bin, n
FROM bulk_fresh_hist_cube_rows;
DROP TABLE bulk_fresh_hist_cube_rows
