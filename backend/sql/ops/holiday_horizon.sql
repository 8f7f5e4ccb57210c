-- The holiday horizon of each calendar in use at instant $1 (the query of view alerting.holiday_horizon, migration
-- 0037, at a given instant): dates as text in the calendar's zone; last_holiday NULL when none is defined.
SELECT c.code AS calendar, to_char(($1::timestamptz AT TIME ZONE c.timezone)::date, 'YYYY-MM-DD') AS today,
       to_char((SELECT max(h.day) FROM holidays h WHERE h.calendar_code = c.code OR h.calendar_code IS NULL), 'YYYY-MM-DD') AS last_holiday
FROM calendars c
WHERE c.observes_holidays AND c.retired_at IS NULL
  AND (EXISTS (SELECT 1 FROM departments d WHERE d.calendar_code = c.code AND d.retired_at IS NULL)
       OR EXISTS (SELECT 1 FROM sla_policies p WHERE p.calendar_code = c.code AND (p.valid_to IS NULL OR p.valid_to > $1::timestamptz)))
ORDER BY c.code
