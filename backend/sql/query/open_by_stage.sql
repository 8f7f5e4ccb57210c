-- Open requests by their current stage (the share at each stage of the journey), every open stage listed (0 when
-- none is there): requests received before $1 whose stage belongs to an open status. $2: the most stages returned
-- (a bound; a city has about a dozen). $3..$10: dimension filters (geo/request_filters.sql).
SELECT g.code AS stage_code, count(r.id)::int AS open
FROM stages g
JOIN statuses st ON st.code = g.status_code AND st.status_class = 'open'
LEFT JOIN requests r ON r.stage = g.code AND r.created_at < $1::timestamptz AND /* request_filters */
GROUP BY g.code, g.sort
ORDER BY g.sort, g.code
LIMIT $2::int
