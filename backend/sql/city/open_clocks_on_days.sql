-- The open requests (not resolved, closed or cancelled) whose SLA clock a holiday added or removed can move: their
-- policy's calendar observes holidays and the day ($1 days, $2 their calendars; NULL: every calendar that observes
-- holidays) lies between their creation and their latest due time, in the calendar's zone (a clock that ended
-- before the day, or began after it, cannot move). A request not evaluated yet (no due time) is taken too.
WITH d AS (SELECT * FROM unnest($1::date[], $2::text[]) AS d(day, calendar_code))
SELECT DISTINCT r.id
FROM requests r
JOIN sla_policies p ON p.id = r.sla_policy_id
JOIN calendars c ON c.code = p.calendar_code AND c.observes_holidays
JOIN d ON d.calendar_code IS NULL OR d.calendar_code = c.code
WHERE r.status NOT IN ('resolved', 'closed', 'cancelled')
  AND r.created_at < ((d.day + 1)::timestamp AT TIME ZONE c.timezone)
  AND (r.resolution_due_at IS NULL OR r.first_response_due_at IS NULL
       OR greatest(r.first_response_due_at, r.resolution_due_at) >= (d.day::timestamp AT TIME ZONE c.timezone))
ORDER BY r.id
