-- The fresh build: the facts of bulk_fresh_versions at every level (hour only from the lower of the hour horizons
-- on: each cube keeps its own), as bulk_facts.sql without the sign; then the durations, as bulk_hist_facts.sql.
-- The city's zone is read once (the one-row city_time_zone) and passed to rollup_bucket, then inlined (migration 0047).
CREATE UNLOGGED TABLE bulk_fresh_facts AS
SELECT l.level, rollup_bucket(l.level, f.t, tz.time_zone) AS bucket, v.zone_id, v.channel, v.category, v.topic, v.department,
       v.advisor_id, v.status_class, v.priority, f.received, f.closed, f.cancelled, f.res_met, f.res_breached,
       f.fr_met, f.fr_breached, f.progress_sum, f.progress_n, f.sat_sum, f.sat_n
FROM bulk_fresh_versions v
CROSS JOIN LATERAL rollup_facts(v.created_at, v.progress_pct, v.finished_at, v.satisfaction, v.cancelled_at,
                                v.res_outcome, v.res_outcome_at, v.fr_outcome, v.fr_outcome_at) f
CROSS JOIN (VALUES ('hour'), ('day'), ('month')) AS l(level)
CROSS JOIN city_time_zone tz
WHERE l.level <> 'hour' OR rollup_bucket('hour', f.t, tz.time_zone) >= (SELECT least(hour_from, lean_hour_from) FROM rollup_hour_horizon);
CREATE UNLOGGED TABLE bulk_fresh_hist_facts AS
SELECT l.level, rollup_bucket(l.level, h.t, tz.time_zone) AS bucket, v.zone_id, v.channel, v.category, v.topic, v.department,
       v.advisor_id, v.status_class, v.priority, h.kind, h.bin
FROM bulk_fresh_versions v
CROSS JOIN LATERAL rollup_hist_facts(v.created_at, v.first_response_at, v.finished_at) h
CROSS JOIN (VALUES ('hour'), ('day'), ('month')) AS l(level)
CROSS JOIN city_time_zone tz
WHERE l.level <> 'hour' OR rollup_bucket('hour', h.t, tz.time_zone) >= (SELECT hist_hour_from FROM rollup_hour_horizon);
ANALYZE bulk_fresh_facts, bulk_fresh_hist_facts
