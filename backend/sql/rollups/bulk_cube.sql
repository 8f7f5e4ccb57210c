-- The bulk build, one cube ({cube}: its id, {dims}: its columns or NULL, {group_by}: its grouping, {order_by}: its
-- columns in the key's order; backend/rollups/bulk-cube-sql.ts fills them): the batch's facts grouped into its rows
-- and added to the rollups, exactly what apply.sql's grouping set of this cube writes. Hour rows from the cube's
-- horizon on ({horizon}: lean_hour_from for the lean cubes, else hour_from).
INSERT INTO rollups AS r (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class,
                          priority, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached,
                          progress_sum, progress_n, sat_sum, sat_n)
SELECT level, {cube}::smallint, bucket, {dims},
       sum(received)::int, sum(closed)::int, sum(cancelled)::int, sum(res_met)::int, sum(res_breached)::int,
       sum(fr_met)::int, sum(fr_breached)::int, sum(progress_sum)::bigint, sum(progress_n)::int, sum(sat_sum)::int, sum(sat_n)::int
FROM bulk_facts
WHERE level <> 'hour' OR bucket >= (SELECT {horizon} FROM rollup_hour_horizon)
GROUP BY level, bucket{group_by}
HAVING sum(received) <> 0 OR sum(closed) <> 0 OR sum(cancelled) <> 0 OR sum(res_met) <> 0 OR sum(res_breached) <> 0
    OR sum(fr_met) <> 0 OR sum(fr_breached) <> 0 OR sum(progress_sum) <> 0 OR sum(progress_n) <> 0 OR sum(sat_sum) <> 0 OR sum(sat_n) <> 0
-- in the order of the rollups key: the index is written leaf after leaf (at the right edge while the table is new)
ORDER BY level, bucket{order_by}
ON CONFLICT (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority)
DO UPDATE SET
  received = r.received + EXCLUDED.received, closed = r.closed + EXCLUDED.closed, cancelled = r.cancelled + EXCLUDED.cancelled,
  res_met = r.res_met + EXCLUDED.res_met, res_breached = r.res_breached + EXCLUDED.res_breached,
  fr_met = r.fr_met + EXCLUDED.fr_met, fr_breached = r.fr_breached + EXCLUDED.fr_breached,
  progress_sum = r.progress_sum + EXCLUDED.progress_sum, progress_n = r.progress_n + EXCLUDED.progress_n,
  sat_sum = r.sat_sum + EXCLUDED.sat_sum, sat_n = r.sat_n + EXCLUDED.sat_n
