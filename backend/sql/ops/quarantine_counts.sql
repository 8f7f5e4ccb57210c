-- Rows set aside per job (for /metrics: s360_job_quarantined_rows).
SELECT job, count(*)::bigint AS n FROM job_quarantine GROUP BY job ORDER BY job
