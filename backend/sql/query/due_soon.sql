-- Open requests about to breach: a first response not yet given, or a resolution, due in [:now, :due_before) while the SLA
-- clock runs (in progress or warning; paused and finished clocks are not due). Soonest first, at most :top_n rows.
-- the dimension filters: {request_filters} (geo/request_filters.sql). No personal data: the reference, not the customer.
SELECT r.reference, r.topic_code, r.zone_id, r.stage, d.target, d.due_at
FROM requests r
CROSS JOIN LATERAL (
  SELECT CASE WHEN fr THEN 'first_response' ELSE 'resolution' END AS target,
         CASE WHEN fr THEN r.first_response_due_at ELSE r.resolution_due_at END AS due_at
  FROM (SELECT r.first_response_at IS NULL AND r.first_response_due_at >= :now::timestamptz
               AND r.first_response_due_at < :due_before::timestamptz
               AND (r.resolution_due_at IS NULL OR r.first_response_due_at <= r.resolution_due_at
                    OR r.resolution_due_at < :now::timestamptz) AS fr) w
) d
WHERE r.sla_state IN ('in_progress', 'warning')
  AND ((r.first_response_at IS NULL AND r.first_response_due_at >= :now::timestamptz AND r.first_response_due_at < :due_before::timestamptz)
       OR (r.resolution_due_at >= :now::timestamptz AND r.resolution_due_at < :due_before::timestamptz))
  AND ({request_filters})
ORDER BY d.due_at, r.reference
LIMIT :top_n::int
