-- Claims up to $1 marked requests for this run (row locks keep a concurrent re-mark waiting until we commit).
DELETE FROM rollup_pending
WHERE request_id IN (SELECT request_id FROM rollup_pending ORDER BY request_id LIMIT $1 FOR UPDATE SKIP LOCKED)
RETURNING request_id
