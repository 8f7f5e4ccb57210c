-- Writes the evaluated SLA columns of many requests at once (one row per array element). sla_recorded_at (0044):
-- when the outcome of a finished request was recorded (kept while it stays finished), NULL for an open one.
UPDATE requests r
SET first_response_due_at = u.first_response_due_at,
    resolution_due_at     = u.resolution_due_at,
    sla_state             = u.sla_state,
    sla_evaluated_at      = u.sla_evaluated_at,
    sla_next_check_at     = u.sla_next_check_at,
    sla_recorded_at       = u.sla_recorded_at
FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
     AS u(id, first_response_due_at, resolution_due_at, sla_state, sla_evaluated_at, sla_next_check_at, sla_recorded_at)
WHERE r.id = u.id
