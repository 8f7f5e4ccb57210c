-- The requests a sweep at $1 must evaluate: never evaluated yet, a warning or breach moment reached, or a
-- journey event recorded since $2 (NULL: no such look, the first sweep takes every request never evaluated).
-- The next $4 after id $3, in id order; each branch is limited too, so a batch never reads the whole backlog.
-- "Never evaluated" is the predicate of index requests_sla_unset_idx (0040): a request without a
-- first-response clock keeps first_response_due_at NULL; one with a source due time has resolution_due_at.
SELECT id FROM (
  (SELECT id FROM requests
   WHERE sla_policy_id IS NOT NULL AND (sla_evaluated_at IS NULL OR (first_response_due_at IS NULL AND first_response_clock)
       OR resolution_due_at IS NULL)
     AND id > $3
   ORDER BY id LIMIT $4)
  UNION
  (SELECT id FROM requests WHERE sla_next_check_at <= $1 AND id > $3 ORDER BY id LIMIT $4)
  UNION
  (SELECT DISTINCT request_id FROM request_events
   WHERE $2::timestamptz IS NOT NULL AND recorded_at > $2 AND request_id > $3
   ORDER BY request_id LIMIT $4)
) c
ORDER BY id
LIMIT $4
