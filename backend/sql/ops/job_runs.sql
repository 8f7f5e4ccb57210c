-- The last run of each job across every instance (for /metrics): when, how long, whether it failed.
SELECT job, extract(epoch FROM last_run_at)::float8 AS last_run_at, runs, last_ms, (last_error IS NOT NULL) AS failed
FROM job_runs
ORDER BY job
