WITH logged AS (UPDATE job_run_log SET ms = $2, items = $3 WHERE id = $1 RETURNING job)
INSERT INTO job_runs (job, last_run_at, runs, last_ms, last_items, last_error)
SELECT job, now(), 1, $2, $3, $4 FROM logged
ON CONFLICT (job) DO UPDATE SET last_run_at = now(), runs = job_runs.runs + 1, last_ms = EXCLUDED.last_ms,
  last_items = EXCLUDED.last_items, last_error = EXCLUDED.last_error
