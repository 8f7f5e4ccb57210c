-- The bulk build, step 2: the facts of bulk_versions at every level (hour only from the lower of the hour
-- horizons on: each cube's statement keeps its own horizon), signed, ready to be grouped one cube at a time.
-- The city's zone is read once (the one-row city_time_zone) and passed to rollup_bucket, then inlined (migration 0047).
CREATE TEMP TABLE bulk_facts ON COMMIT DROP AS
SELECT l.level, rollup_bucket(l.level, f.t, tz.time_zone) AS bucket, v.zone_id, v.channel, v.category, v.topic, v.department,
       v.advisor_id, v.status_class, v.priority,
       v.sign * f.received AS received, v.sign * f.closed AS closed, v.sign * f.cancelled AS cancelled,
       v.sign * f.res_met AS res_met, v.sign * f.res_breached AS res_breached, v.sign * f.fr_met AS fr_met,
       v.sign * f.fr_breached AS fr_breached, v.sign * f.progress_sum AS progress_sum, v.sign * f.progress_n AS progress_n,
       v.sign * f.sat_sum AS sat_sum, v.sign * f.sat_n AS sat_n
FROM bulk_versions v
CROSS JOIN LATERAL rollup_facts(v.created_at, v.progress_pct, v.finished_at, v.satisfaction, v.cancelled_at,
                                v.res_outcome, v.res_outcome_at, v.fr_outcome, v.fr_outcome_at) f
CROSS JOIN (VALUES ('hour'), ('day'), ('month')) AS l(level)
CROSS JOIN city_time_zone tz
WHERE l.level <> 'hour' OR rollup_bucket('hour', f.t, tz.time_zone) >= (SELECT least(hour_from, lean_hour_from) FROM rollup_hour_horizon)
