-- The zones (topic NULL) and zone × topic series whose requests so far today are above their forecast's upper
-- bound at instant $1, with at least $2 of them (forecast_running(), migration 0043: the day's interval scaled to
-- the share of a day's requests expected by now), the furthest above first.
SELECT f.zone_id, f.topic, t.department_code AS department, f.received, f.expected, f.upper_so_far, f.point, f.share
FROM forecast_running($1::timestamptz) f
LEFT JOIN topics t ON t.code = f.topic
WHERE f.received > f.upper_so_far AND f.received >= $2
ORDER BY f.received - f.upper_so_far DESC, f.zone_id, f.topic NULLS FIRST
