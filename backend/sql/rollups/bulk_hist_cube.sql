-- The bulk build, one histogram cube (slots as bulk_cube.sql, no horizon): the batch's durations added to rollup_hist.
INSERT INTO rollup_hist AS h (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id,
                              status_class, priority, kind, bin, n)
SELECT level, {cube}::smallint, bucket, {dims}, kind, bin, sum(sign)::int
FROM bulk_hist_facts
GROUP BY level, bucket, kind, bin{group_by}
HAVING sum(sign) <> 0
ORDER BY level, kind, bucket{order_by}, bin  -- in the order of the rollup_hist key (see bulk_cube.sql)
ON CONFLICT (level, cube, kind, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority, bin)
DO UPDATE SET n = h.n + EXCLUDED.n
