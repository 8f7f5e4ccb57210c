-- The fresh build, one histogram cube (slots as bulk_cube.sql, no horizon): its rows written into the new rollup_hist_fresh in
-- the order of the rollup_hist key. Staged by CREATE TABLE … AS as the cubes are (parallel workers), the histograms
-- were slower (11.5 → 18.2 s at 200,000 requests): their groups are nearly as many as their facts.
INSERT INTO rollup_hist_fresh (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id,
                               status_class, priority, kind, bin, n)
SELECT level, {cube}::smallint, bucket, {dims}, kind, bin, count(*)::int
FROM bulk_fresh_hist_facts
GROUP BY level, bucket, kind, bin{group_by}
ORDER BY level, kind, bucket{order_by}, bin
