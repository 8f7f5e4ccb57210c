-- The first pass over a history: the journeys of the requests with ids in ($1, $2], in journey order (a range
-- scan; the requests of the range that are no candidates are read too and not used).
SELECT request_id, to_status, occurred_at
FROM request_events
WHERE request_id > $1 AND request_id <= $2
ORDER BY request_id, occurred_at, id
