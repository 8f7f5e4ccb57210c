-- Job $1 processed the requests $2 after all (fixed since): they leave its quarantine.
DELETE FROM job_quarantine WHERE job = $1::text AND request_id = ANY($2::bigint[])
