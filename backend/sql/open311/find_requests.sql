-- Open311 GET requests: the requests made in [$1, $2] (both inclusive), optionally of some topics ($3)
-- and statuses ($4), newest first, one page ($5 rows after skipping $6). Never selects personal data.
WITH page AS (
  SELECT r.id, r.reference, r.status, r.stage, r.topic_code, r.department_code, r.description, r.address, r.media_url,
         r.location, r.created_at, r.resolved_at, r.closed_at, r.cancelled_at, r.resolution_due_at, r.sla_policy_id
  FROM requests r
  WHERE r.created_at >= $1::timestamptz AND r.created_at <= $2::timestamptz
    AND ($3::text[] IS NULL OR r.topic_code = ANY($3::text[]))
    AND ($4::text[] IS NULL OR r.status = ANY($4::text[]))
  ORDER BY r.created_at DESC, r.id DESC
  LIMIT $5 OFFSET $6
)
SELECT p.reference, p.status, p.stage, p.topic_code, p.department_code, p.description, p.address, p.media_url,
       ST_X(p.location) AS lon, ST_Y(p.location) AS lat,
       p.created_at,
       -- a finished request was last updated when it finished: notes added later do not move it
       coalesce(CASE p.status WHEN 'closed' THEN p.closed_at WHEN 'cancelled' THEN coalesce(p.cancelled_at, p.closed_at)
                                WHEN 'resolved' THEN p.resolved_at END,
                greatest(p.created_at, p.resolved_at, p.closed_at, p.cancelled_at, ev.last_at)) AS updated_at,
       p.resolution_due_at,
       sla.first_response_minutes, sla.resolution_minutes,
       cal.name_en AS calendar_name_en, cal.name_ar AS calendar_name_ar
FROM page p
LEFT JOIN sla_policies sla ON sla.id = p.sla_policy_id
LEFT JOIN calendars cal ON cal.code = sla.calendar_code
LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS last_at FROM request_events e WHERE e.request_id = p.id) ev ON true
ORDER BY p.created_at DESC, p.id DESC
