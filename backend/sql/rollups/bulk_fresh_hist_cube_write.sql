-- The fresh build: one level of one staged histogram cube written into the new rollup_hist_fresh, as
-- bulk_fresh_cube_write.sql, sorted by the rest of the rollup_hist key.
INSERT INTO rollup_hist_fresh (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id,
                               status_class, priority, kind, bin, n)
SELECT {level}, {cube}::smallint, {bucket}, {dims}, kind, bin, n
FROM {stage}
WHERE {bucket} IS NOT NULL
ORDER BY kind, {bucket}{order_by}, bin
