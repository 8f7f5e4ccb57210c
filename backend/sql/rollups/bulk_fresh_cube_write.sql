-- The fresh build: one level ({level}, its rows those with {bucket} set) of one staged cube ({stage}, slots as
-- bulk_fresh_cube.sql) written into the new, unindexed rollups_fresh. bulk-fresh-cubes.ts writes level by level and,
-- within a level, cube by cube, each sorted here by the rest of the rollups key, so the table lies in key order and
-- building its unique index finds its rows sorted already (rollup_hist's, 1.6 M rows: 1.5 s against 4.0 s in the
-- order of the cubes, load ~4). No conflict to look for: each cube's groups are distinct, and it is written once.
INSERT INTO rollups_fresh (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class,
                           priority, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached,
                           progress_sum, progress_n, sat_sum, sat_n)
SELECT {level}, {cube}::smallint, {bucket}, {dims}, received, closed, cancelled, res_met, res_breached, fr_met,
       fr_breached, progress_sum, progress_n, sat_sum, sat_n
FROM {stage}
WHERE {bucket} IS NOT NULL
ORDER BY {bucket}{order_by}
