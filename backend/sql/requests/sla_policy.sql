-- SLA policy $1 with its calendar and the calendar's holidays (a holiday without a calendar applies to
-- every calendar that observes holidays), as the SLA engine's clock needs them.
SELECT p.code, p.version, p.first_response_minutes, p.resolution_minutes, p.warning_pct, p.pause_statuses,
       c.code AS calendar_code, c.name_en AS calendar_name_en, c.name_ar AS calendar_name_ar,
       c.timezone, c.weekly_hours,
       CASE WHEN c.observes_holidays THEN
         coalesce((SELECT array_agg(DISTINCT to_char(h.day, 'YYYY-MM-DD'))
                   FROM holidays h WHERE h.calendar_code = c.code OR h.calendar_code IS NULL), '{}')
       ELSE '{}' END AS holidays
FROM sla_policies p
JOIN calendars c ON c.code = p.calendar_code
WHERE p.id = $1
