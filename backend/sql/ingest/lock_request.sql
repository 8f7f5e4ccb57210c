SELECT r.id, r.reference, r.status, r.stage, r.progress_pct, r.created_at, r.first_response_at,
       (SELECT max(e.occurred_at) FROM request_events e WHERE e.request_id = r.id) AS last_event_at
FROM requests r
WHERE r.id = $1
FOR UPDATE
