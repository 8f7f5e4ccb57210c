-- Open requests by their current stage (the share at each stage of the journey), every open stage listed (0 when
-- none is there): requests received before :at whose stage belongs to an open status. :max_stages: the most stages returned
-- (a bound; a city has about a dozen). the dimension filters: {request_filters} (geo/request_filters.sql).
SELECT g.code AS stage_code, count(r.id)::int AS open
FROM stages g
JOIN statuses st ON st.code = g.status_code AND st.status_class = 'open'
LEFT JOIN requests r ON r.stage = g.code AND r.created_at < :at::timestamptz AND ({request_filters})
GROUP BY g.code, g.sort
ORDER BY g.sort, g.code
LIMIT :max_stages::int
