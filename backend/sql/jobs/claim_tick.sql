-- Claims one tick of a job for this instance; nothing returned = another instance already ran it.
INSERT INTO job_run_log (job, tick, instance) VALUES ($1, $2, $3)
ON CONFLICT (job, tick) DO NOTHING
RETURNING id
