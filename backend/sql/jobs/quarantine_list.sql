-- The quarantined rows, newest first, at most $1, with the request's reference when it still exists, and how
-- many there are in all (per job).
SELECT q.job, q.request_id, r.reference, q.error, q.at, q.times
FROM job_quarantine q LEFT JOIN requests r ON r.id = q.request_id
ORDER BY q.at DESC, q.job, q.request_id
LIMIT $1
