-- Retention: job logs older than $1 days; personal data of customers whose requests all ended more than
-- $2 days ago is erased (the requests, their journey and the figures stay). Returns rows touched.
WITH old_logs AS (
  DELETE FROM job_run_log WHERE started_at < now() - $1 * interval '1 day' RETURNING 1
),
erased AS (
  UPDATE customers c SET name = NULL, phone = NULL, email = NULL, national_id = NULL
  WHERE (c.name IS NOT NULL OR c.phone IS NOT NULL OR c.email IS NOT NULL OR c.national_id IS NOT NULL)
    AND NOT EXISTS (
      SELECT 1 FROM requests r WHERE r.customer_id = c.id
        AND coalesce(r.closed_at, r.cancelled_at, r.resolved_at, 'infinity') > now() - $2 * interval '1 day')
  RETURNING 1
)
SELECT (SELECT count(*) FROM old_logs)::int AS logs, (SELECT count(*) FROM erased)::int AS customers
