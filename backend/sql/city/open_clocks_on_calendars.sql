-- The open requests (not resolved, closed or cancelled) under a policy on one of the calendars $1 (their hours,
-- zone or holiday rule changed): their SLA clocks are evaluated again.
SELECT r.id
FROM requests r
JOIN sla_policies p ON p.id = r.sla_policy_id
WHERE p.calendar_code = ANY($1::text[]) AND r.status NOT IN ('resolved', 'closed', 'cancelled')
ORDER BY r.id
