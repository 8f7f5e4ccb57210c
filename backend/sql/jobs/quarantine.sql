-- Sets aside rows job $1 could not process: requests $2 with the errors $3 (same order). A row already
-- quarantined by the job is updated (its latest error, when, one more time).
INSERT INTO job_quarantine AS q (job, request_id, error)
SELECT $1::text, u.request_id, u.error FROM unnest($2::bigint[], $3::text[]) AS u(request_id, error)
ON CONFLICT (job, request_id) DO UPDATE SET error = EXCLUDED.error, at = now(), times = q.times + 1
