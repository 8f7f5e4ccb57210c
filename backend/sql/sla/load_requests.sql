-- The requests to evaluate ($1 ids) with their policy, locked so a journey event cannot slip in between
-- reading and writing their SLA columns (recording an event locks the same row).
SELECT r.id, r.status, r.created_at, r.first_response_at, r.resolved_at, r.closed_at, r.cancelled_at,
       r.first_response_due_at, r.resolution_due_at, r.sla_state, r.sla_evaluated_at, r.sla_next_check_at,
       p.first_response_minutes, p.resolution_minutes, p.warning_pct, p.pause_statuses, p.calendar_code
FROM requests r
JOIN sla_policies p ON p.id = r.sla_policy_id
WHERE r.id = ANY($1::bigint[])
ORDER BY r.id
FOR UPDATE OF r
