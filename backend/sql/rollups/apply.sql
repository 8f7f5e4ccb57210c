-- Applies (current − last applied) of the requests $1 to every level (hour — from the horizon on, or for the
-- lean cubes $2 from theirs —, day, month) and cube of the rollups, and
-- records the current version as applied. One statement: one snapshot, all or nothing.
WITH old AS (SELECT * FROM rollup_state WHERE request_id = ANY($1::bigint[])),
cur AS (SELECT * FROM rollup_input_current WHERE request_id = ANY($1::bigint[])),
state_upsert AS (
  INSERT INTO rollup_state SELECT * FROM cur
  ON CONFLICT (request_id) DO UPDATE SET
    zone_id = EXCLUDED.zone_id, channel = EXCLUDED.channel, category = EXCLUDED.category, topic = EXCLUDED.topic,
    department = EXCLUDED.department, advisor_id = EXCLUDED.advisor_id, status_class = EXCLUDED.status_class,
    priority = EXCLUDED.priority, created_at = EXCLUDED.created_at, progress_pct = EXCLUDED.progress_pct,
    finished_at = EXCLUDED.finished_at, satisfaction = EXCLUDED.satisfaction, cancelled_at = EXCLUDED.cancelled_at,
    first_response_at = EXCLUDED.first_response_at, res_outcome = EXCLUDED.res_outcome,
    res_outcome_at = EXCLUDED.res_outcome_at, fr_outcome = EXCLUDED.fr_outcome, fr_outcome_at = EXCLUDED.fr_outcome_at
),
versions AS (
  SELECT -1 AS sign, * FROM old
  UNION ALL
  SELECT 1 AS sign, * FROM cur
),
levels AS (SELECT unnest(ARRAY['hour','day','month']) AS level),
hist_levels AS (SELECT unnest(ARRAY['hour','day','month']) AS level),
facts AS (
  SELECT l.level, rollup_bucket(l.level, f.t, tz.time_zone) AS bucket, v.zone_id, v.channel, v.category, v.topic, v.department,
         v.advisor_id, v.status_class, v.priority, v.sign,
         f.received, f.closed, f.cancelled, f.res_met, f.res_breached, f.fr_met, f.fr_breached,
         f.progress_sum, f.progress_n, f.sat_sum, f.sat_n
  FROM versions v
  CROSS JOIN LATERAL rollup_facts(v.created_at, v.progress_pct, v.finished_at, v.satisfaction, v.cancelled_at,
                                  v.res_outcome, v.res_outcome_at, v.fr_outcome, v.fr_outcome_at) f
  CROSS JOIN levels l
  CROSS JOIN city_time_zone tz
  -- hour rows only from the horizon on (migration 0023), the lean cubes' from theirs (0030; `changed` sorts them)
  WHERE l.level <> 'hour' OR rollup_bucket('hour', f.t, tz.time_zone) >= (SELECT least(hour_from, lean_hour_from) FROM rollup_hour_horizon)
),
agg AS (
  SELECT level, bucket, GROUPING({grouping_args})::smallint AS cube,
         zone_id, channel, category, topic, department, advisor_id, status_class, priority,
         sum(sign * received)::int AS received, sum(sign * closed)::int AS closed, sum(sign * cancelled)::int AS cancelled,
         sum(sign * res_met)::int AS res_met, sum(sign * res_breached)::int AS res_breached,
         sum(sign * fr_met)::int AS fr_met, sum(sign * fr_breached)::int AS fr_breached,
         sum(sign * progress_sum)::bigint AS progress_sum, sum(sign * progress_n)::int AS progress_n,
         sum(sign * sat_sum)::int AS sat_sum, sum(sign * sat_n)::int AS sat_n
  FROM facts
  GROUP BY level, bucket, GROUPING SETS (
    {grouping_sets}
  )
),
changed AS (
  SELECT agg.* FROM agg, rollup_hour_horizon z
  WHERE (agg.level <> 'hour' OR agg.bucket >= CASE WHEN agg.cube = ANY($2::smallint[]) THEN z.lean_hour_from ELSE z.hour_from END)
    AND (received <> 0 OR closed <> 0 OR cancelled <> 0 OR res_met <> 0 OR res_breached <> 0 OR fr_met <> 0
     OR fr_breached <> 0 OR progress_sum <> 0 OR progress_n <> 0 OR sat_sum <> 0 OR sat_n <> 0)
),
rolled AS (
  INSERT INTO rollups AS r (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class,
                            priority, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached,
                            progress_sum, progress_n, sat_sum, sat_n)
  SELECT level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority,
         received, closed, cancelled, res_met, res_breached, fr_met, fr_breached, progress_sum, progress_n, sat_sum, sat_n
  FROM changed
  ON CONFLICT (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority)
  DO UPDATE SET
    received = r.received + EXCLUDED.received, closed = r.closed + EXCLUDED.closed, cancelled = r.cancelled + EXCLUDED.cancelled,
    res_met = r.res_met + EXCLUDED.res_met, res_breached = r.res_breached + EXCLUDED.res_breached,
    fr_met = r.fr_met + EXCLUDED.fr_met, fr_breached = r.fr_breached + EXCLUDED.fr_breached,
    progress_sum = r.progress_sum + EXCLUDED.progress_sum, progress_n = r.progress_n + EXCLUDED.progress_n,
    sat_sum = r.sat_sum + EXCLUDED.sat_sum, sat_n = r.sat_n + EXCLUDED.sat_n
  RETURNING 1
),
hist_facts AS (
  SELECT l.level, rollup_bucket(l.level, h.t, tz.time_zone) AS bucket, v.zone_id, v.channel, v.category, v.topic, v.department,
         v.advisor_id, v.status_class, v.priority, v.sign, h.kind, h.bin
  FROM versions v
  CROSS JOIN LATERAL rollup_hist_facts(v.created_at, v.first_response_at, v.finished_at) h
  CROSS JOIN hist_levels l
  CROSS JOIN city_time_zone tz
  -- hour rows only from the histograms' horizon on (migration 0025)
  WHERE l.level <> 'hour' OR rollup_bucket('hour', h.t, tz.time_zone) >= (SELECT hist_hour_from FROM rollup_hour_horizon)
),
hist_agg AS (
  SELECT level, bucket, GROUPING({grouping_args})::smallint AS cube,
         zone_id, channel, category, topic, department, advisor_id, status_class, priority, kind, bin,
         sum(sign)::int AS n
  FROM hist_facts
  GROUP BY level, bucket, kind, bin, GROUPING SETS (
    {hist_grouping_sets}
  )
  HAVING sum(sign) <> 0
),
hist_rolled AS (
  INSERT INTO rollup_hist AS h (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id,
                                status_class, priority, kind, bin, n)
  SELECT level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority, kind, bin, n
  FROM hist_agg
  ON CONFLICT (level, cube, kind, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority, bin)
  DO UPDATE SET n = h.n + EXCLUDED.n
  RETURNING 1
)
SELECT (SELECT count(*) FROM cur)::int AS requests, (SELECT count(*) FROM rolled)::int AS rows,
       (SELECT count(*) FROM hist_rolled)::int AS hist_rows
