-- The journeys of the requests $1, in journey order.
SELECT request_id, to_status, occurred_at
FROM request_events
WHERE request_id = ANY($1::bigint[])
ORDER BY request_id, occurred_at, id
