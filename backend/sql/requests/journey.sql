-- The journey of request $1 in order (occurred_at, then the order recorded), with each event's advisor.
SELECT e.id, e.kind, e.from_status, e.to_status, e.stage, e.progress_pct,
       a.code AS advisor_code, a.name AS advisor_name, e.actor, e.note, e.occurred_at, e.recorded_at
FROM request_events e
LEFT JOIN advisors a ON a.id = e.advisor_id
WHERE e.request_id = $1
ORDER BY e.occurred_at, e.id
