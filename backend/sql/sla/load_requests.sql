-- The requests to evaluate ($1 ids) with their policy, locked so a journey event cannot slip in between
-- reading and writing their SLA columns (recording an event locks the same row). resolution_due_source and
-- first_response_clock (0040): a due time from the source is kept; no first-response clock, no first-response due.
SELECT r.id, r.status, r.created_at, r.first_response_at, r.resolved_at, r.closed_at, r.cancelled_at,
       r.first_response_due_at, r.resolution_due_at, r.sla_state, r.sla_evaluated_at, r.sla_next_check_at,
       r.resolution_due_source, r.first_response_clock, r.sla_recorded_at,
       p.first_response_minutes, p.resolution_minutes, p.warning_pct, p.pause_statuses, p.calendar_code
FROM requests r
JOIN sla_policies p ON p.id = r.sla_policy_id
WHERE r.id = ANY($1::bigint[])
ORDER BY r.id
FOR UPDATE OF r
