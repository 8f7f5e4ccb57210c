-- The fresh build's histogram side (backend/rollups/bulk-fresh-side.ts), in its own session and in the main build's
-- snapshot: the durations of the claimed requests (:ids, their ids as one int8multirange, read from the main build's
-- bulk_fresh_ids), one row per duration with its hour, its day and n = 1 (a finer histogram cube's rows carry their
-- counts in n). The city's zone is read once (the one-row city_time_zone), as in bulk_fresh_facts.sql.
CREATE UNLOGGED TABLE bulk_fresh_hist_facts AS
SELECT rollup_bucket('hour', h.t, tz.time_zone) AS hour_bucket, rollup_bucket('day', h.t, tz.time_zone) AS day_bucket,
       v.zone_id, v.channel, v.category, v.topic, v.department, v.advisor_id, v.status_class, v.priority, h.kind, h.bin,
       1 AS n
FROM rollup_input_current v
CROSS JOIN LATERAL rollup_hist_facts(v.created_at, v.first_response_at, v.finished_at) h
CROSS JOIN city_time_zone tz
WHERE v.request_id <@ :ids::int8multirange
