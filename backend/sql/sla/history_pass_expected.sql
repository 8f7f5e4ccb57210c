-- About how many requests the SLA first pass over a history will evaluate (its progress bar's total): those never
-- evaluated, as the first branch of sweep_candidates.sql (the predicate of index requests_sla_unset_idx, 0040).
-- The pass may find more (a breach moment reached, a journey event since the last sweep): the bar's total then grows.
SELECT count(*)::int AS n FROM requests
WHERE sla_policy_id IS NOT NULL AND (sla_evaluated_at IS NULL OR (first_response_due_at IS NULL AND first_response_clock)
    OR resolution_due_at IS NULL)
