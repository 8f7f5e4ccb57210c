-- Public holidays (every calendar's), as local dates.
SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM holidays ORDER BY 1
