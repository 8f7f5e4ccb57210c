-- The bulk build, step 3: the durations of bulk_versions at every level (hour only from the histograms'
-- horizon on, migration 0025), signed.
-- The city's zone is read once (the one-row city_time_zone) and passed to rollup_bucket, then inlined (migration 0047).
CREATE TEMP TABLE bulk_hist_facts ON COMMIT DROP AS
SELECT l.level, rollup_bucket(l.level, h.t, tz.time_zone) AS bucket, v.zone_id, v.channel, v.category, v.topic, v.department,
       v.advisor_id, v.status_class, v.priority, v.sign, h.kind, h.bin
FROM bulk_versions v
CROSS JOIN LATERAL rollup_hist_facts(v.created_at, v.first_response_at, v.finished_at) h
CROSS JOIN (VALUES ('hour'), ('day'), ('month')) AS l(level)
CROSS JOIN city_time_zone tz
WHERE l.level <> 'hour' OR rollup_bucket('hour', h.t, tz.time_zone) >= (SELECT hist_hour_from FROM rollup_hour_horizon)
