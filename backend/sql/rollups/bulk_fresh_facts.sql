-- The fresh build: the facts of bulk_fresh_versions, one row per instant with its hour and its day (the cubes group
-- their hours and days from here or from a finer cube, and their months from their own days: bulk-fresh-cubes.ts).
-- The durations are read by the histogram side, in a session of its own (bulk_fresh_hist_facts.sql).
-- Facts at every level, as bulk_facts.sql writes them, were three rows per instant: 2.19 M at 200,000 requests,
-- 4.8 s, against 730,000 rows and 1.7 s (load ~1.5).
-- The city's zone is read once (the one-row city_time_zone) and passed to rollup_bucket, then inlined (migration 0047).
CREATE UNLOGGED TABLE bulk_fresh_facts AS
SELECT rollup_bucket('hour', f.t, tz.time_zone) AS hour_bucket, rollup_bucket('day', f.t, tz.time_zone) AS day_bucket,
       v.zone_id, v.channel, v.category, v.topic, v.department, v.advisor_id, v.status_class, v.priority,
       f.received, f.closed, f.cancelled, f.res_met, f.res_breached, f.fr_met, f.fr_breached, f.progress_sum,
       f.progress_n, f.sat_sum, f.sat_n
FROM bulk_fresh_versions v
CROSS JOIN LATERAL rollup_facts(v.created_at, v.progress_pct, v.finished_at, v.satisfaction, v.cancelled_at,
                                v.res_outcome, v.res_outcome_at, v.fr_outcome, v.fr_outcome_at) f
CROSS JOIN city_time_zone tz;
ANALYZE bulk_fresh_facts