-- The oldest instant of any applied request version (each a min over its own index).
SELECT least(min(created_at), min(finished_at), min(cancelled_at), min(res_outcome_at), min(fr_outcome_at)) AS first
FROM rollup_state
