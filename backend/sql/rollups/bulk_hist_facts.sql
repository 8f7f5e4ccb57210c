-- The bulk build, step 3: the durations of bulk_versions at every level (hour only from the histograms'
-- horizon on, migration 0025), signed.
CREATE TEMP TABLE bulk_hist_facts ON COMMIT DROP AS
SELECT l.level, rollup_bucket(l.level, h.t) AS bucket, v.zone_id, v.channel, v.category, v.topic, v.department,
       v.advisor_id, v.status_class, v.priority, v.sign, h.kind, h.bin
FROM bulk_versions v
CROSS JOIN LATERAL rollup_hist_facts(v.created_at, v.first_response_at, v.finished_at) h
CROSS JOIN (VALUES ('hour'), ('day'), ('month')) AS l(level)
WHERE l.level <> 'hour' OR rollup_bucket('hour', h.t) >= (SELECT hist_hour_from FROM rollup_hour_horizon)
