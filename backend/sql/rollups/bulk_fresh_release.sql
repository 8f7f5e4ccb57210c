-- The fresh build: the claimed requests built now leave the job (:job)'s quarantine (as quarantine_release.sql, set-based).
DELETE FROM job_quarantine q USING bulk_fresh_ids b WHERE q.job = :job::text AND q.request_id = b.request_id
