-- Open311 GET requests/{id} and ?service_request_id=a,b: requests by reference number ($1), newest
-- first, with the same columns as find_requests. Never selects personal data.
SELECT r.reference, r.status, r.stage, r.topic_code, r.department_code, r.description, r.address, r.media_url,
       ST_X(r.location) AS lon, ST_Y(r.location) AS lat,
       r.created_at,
       -- a finished request was last updated when it finished: notes added later do not move it
       coalesce(CASE r.status WHEN 'closed' THEN r.closed_at WHEN 'cancelled' THEN coalesce(r.cancelled_at, r.closed_at)
                                WHEN 'resolved' THEN r.resolved_at END,
                greatest(r.created_at, r.resolved_at, r.closed_at, r.cancelled_at, ev.last_at)) AS updated_at,
       r.resolution_due_at,
       sla.first_response_minutes, sla.resolution_minutes,
       cal.name_en AS calendar_name_en, cal.name_ar AS calendar_name_ar
FROM requests r
LEFT JOIN sla_policies sla ON sla.id = r.sla_policy_id
LEFT JOIN calendars cal ON cal.code = sla.calendar_code
LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS last_at FROM request_events e WHERE e.request_id = r.id) ev ON true
WHERE r.reference = ANY($1::text[])
ORDER BY r.created_at DESC, r.id DESC
