-- The city's holidays in [$1, $2) (dates): every calendar's, and those of the calendars that observe holidays.
SELECT DISTINCT to_char(h.day, 'YYYY-MM-DD') AS day
FROM holidays h LEFT JOIN calendars c ON c.code = h.calendar_code
WHERE h.day >= $1::date AND h.day < $2::date AND (h.calendar_code IS NULL OR c.observes_holidays)
