-- The finished requests (resolved, closed, cancelled) whose SLA outcome is not recorded yet (they finished since the
-- sweep last saw them; index requests_sla_unrecorded_idx, 0044): recorded before a calendar change, on the calendar
-- they finished under.
SELECT id FROM requests
WHERE sla_recorded_at IS NULL AND sla_policy_id IS NOT NULL AND status IN ('resolved', 'closed', 'cancelled')
ORDER BY id
