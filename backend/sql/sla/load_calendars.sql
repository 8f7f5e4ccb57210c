-- The calendars $1 with their holidays (a holiday without a calendar applies to every calendar that
-- observes holidays), dates as text in the calendar's zone.
SELECT c.code, c.timezone, c.weekly_hours,
       CASE WHEN c.observes_holidays THEN
         coalesce((SELECT array_agg(DISTINCT to_char(h.day, 'YYYY-MM-DD'))
                   FROM holidays h WHERE h.calendar_code = c.code OR h.calendar_code IS NULL), '{}')
       ELSE '{}' END AS holidays
FROM calendars c
WHERE c.code = ANY($1::text[])
