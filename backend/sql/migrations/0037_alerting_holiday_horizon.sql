-- Warn before a calendar runs out of holidays (issue 11): for each calendar in use — it observes holidays, is not
-- retired, and an active department or an SLA policy version in force (or to come) works by it — the last holiday
-- defined for it (its own or every calendar's) and the horizon it needs: the end of the first quarter of next year
-- (31 March), in the calendar's zone. short_days > 0: holidays are missing (the alert rule "Holidays running out",
-- /readyz's warning and s360_calendar_holidays_missing say the same; backend/sql/ops/holiday_horizon.sql is this
-- query at a given instant). Readable by the alerting role, like the other views of migration 0020.
CREATE VIEW alerting.holiday_horizon AS
WITH in_use AS (
  SELECT c.code, c.name_en, (now() AT TIME ZONE c.timezone)::date AS today,
         (SELECT max(h.day) FROM holidays h WHERE h.calendar_code = c.code OR h.calendar_code IS NULL) AS last_holiday
  FROM calendars c
  WHERE c.observes_holidays AND c.retired_at IS NULL
    AND (EXISTS (SELECT 1 FROM departments d WHERE d.calendar_code = c.code AND d.retired_at IS NULL)
         OR EXISTS (SELECT 1 FROM sla_policies p WHERE p.calendar_code = c.code AND (p.valid_to IS NULL OR p.valid_to > now())))
)
SELECT now() AS "time", code AS calendar, name_en AS calendar_name,
       to_char(last_holiday, 'YYYY-MM-DD') AS defined_until,
       to_char(make_date(extract(year FROM today)::int + 1, 3, 31), 'YYYY-MM-DD') AS required_until,
       (last_holiday - today) AS horizon_days,
       greatest(0, make_date(extract(year FROM today)::int + 1, 3, 31) - coalesce(last_holiday, today - 1)) AS short_days
FROM in_use;

GRANT SELECT ON alerting.holiday_horizon TO services360_alerting;
