-- The lean cubes' hour rows of [$1, $2) rebuilt from the applied request versions (rollup_state), which is what the
-- rollup job would have written there had the lean hours always been kept (migration 0030). Run by
-- backend/rollups/lean-hours.ts after deleting that range's lean hour rows, in the transaction that then lowers
-- lean_hour_from to $1, under the rollup job's lock (no batch applies meanwhile).
-- The requests with a fact in the range are found through the instants' indexes (each instant bound).
WITH facts AS (
  SELECT rollup_bucket('hour', f.t) AS bucket, s.channel, s.category, s.topic, s.department, s.status_class, s.priority,
         f.received, f.closed, f.cancelled, f.res_met, f.res_breached, f.fr_met, f.fr_breached,
         f.progress_sum, f.progress_n, f.sat_sum, f.sat_n
  FROM rollup_state s
  CROSS JOIN LATERAL rollup_facts(s.created_at, s.progress_pct, s.finished_at, s.satisfaction, s.cancelled_at,
                                  s.res_outcome, s.res_outcome_at, s.fr_outcome, s.fr_outcome_at) f
  WHERE ((s.created_at >= $1 AND s.created_at < $2) OR (s.finished_at >= $1 AND s.finished_at < $2)
      OR (s.cancelled_at >= $1 AND s.cancelled_at < $2) OR (s.res_outcome_at >= $1 AND s.res_outcome_at < $2)
      OR (s.fr_outcome_at >= $1 AND s.fr_outcome_at < $2))
    AND f.t >= $1 AND f.t < $2
),
agg AS (
  -- the lean cubes have neither zone nor advisor: their bits are set (summed over), the others from GROUPING()
  SELECT 'hour'::text AS level, bucket, ({lean_cube_id})::smallint AS cube,
         NULL::int AS zone_id, channel, category, topic, department, NULL::int AS advisor_id, status_class, priority,
         sum(received)::int AS received, sum(closed)::int AS closed, sum(cancelled)::int AS cancelled,
         sum(res_met)::int AS res_met, sum(res_breached)::int AS res_breached,
         sum(fr_met)::int AS fr_met, sum(fr_breached)::int AS fr_breached,
         sum(progress_sum)::bigint AS progress_sum, sum(progress_n)::int AS progress_n,
         sum(sat_sum)::int AS sat_sum, sum(sat_n)::int AS sat_n
  FROM facts
  GROUP BY bucket, GROUPING SETS (
    {lean_grouping_sets}
  )
)
INSERT INTO rollups (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class,
                     priority, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached,
                     progress_sum, progress_n, sat_sum, sat_n)
SELECT level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority,
       received, closed, cancelled, res_met, res_breached, fr_met, fr_breached, progress_sum, progress_n, sat_sum, sat_n
FROM agg
WHERE received <> 0 OR closed <> 0 OR cancelled <> 0 OR res_met <> 0 OR res_breached <> 0 OR fr_met <> 0
   OR fr_breached <> 0 OR progress_sum <> 0 OR progress_n <> 0 OR sat_sum <> 0 OR sat_n <> 0
