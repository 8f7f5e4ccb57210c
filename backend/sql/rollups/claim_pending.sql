-- Claims up to $1 marked requests for this run (row locks keep a concurrent re-mark waiting until we commit).
-- The pick is a materialized CTE: as an IN (… LIMIT … SKIP LOCKED) subquery the planner may rescan it
-- (a semi-join), and each rescan picked another $1 — a batch of 45 claimed all 131 marks (seen in tests).
WITH picked AS MATERIALIZED (
  SELECT request_id FROM rollup_pending ORDER BY request_id LIMIT $1 FOR UPDATE SKIP LOCKED
)
DELETE FROM rollup_pending p USING picked WHERE p.request_id = picked.request_id
RETURNING p.request_id
