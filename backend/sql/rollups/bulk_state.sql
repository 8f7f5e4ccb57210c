-- The bulk build, last step of a batch: the current versions (read in bulk_versions.sql) recorded as applied.
INSERT INTO rollup_state
SELECT request_id, zone_id, channel, category, topic, department, advisor_id, status_class, priority, created_at,
       progress_pct, finished_at, satisfaction, cancelled_at, first_response_at, res_outcome, res_outcome_at, fr_outcome, fr_outcome_at
FROM bulk_versions WHERE sign = 1
ON CONFLICT (request_id) DO UPDATE SET
  zone_id = EXCLUDED.zone_id, channel = EXCLUDED.channel, category = EXCLUDED.category, topic = EXCLUDED.topic,
  department = EXCLUDED.department, advisor_id = EXCLUDED.advisor_id, status_class = EXCLUDED.status_class,
  priority = EXCLUDED.priority, created_at = EXCLUDED.created_at, progress_pct = EXCLUDED.progress_pct,
  finished_at = EXCLUDED.finished_at, satisfaction = EXCLUDED.satisfaction, cancelled_at = EXCLUDED.cancelled_at,
  first_response_at = EXCLUDED.first_response_at, res_outcome = EXCLUDED.res_outcome,
  res_outcome_at = EXCLUDED.res_outcome_at, fr_outcome = EXCLUDED.fr_outcome, fr_outcome_at = EXCLUDED.fr_outcome_at
