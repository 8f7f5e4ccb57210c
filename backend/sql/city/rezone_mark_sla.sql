-- A change of the city's zone: the requests under an SLA policy whose calendar ($1: codes) moved with it are due
-- for evaluation at the next SLA sweep (sla_next_check_at at the epoch, long past: sla/sweep_candidates.sql), closed ones too:
-- a correction, the one change that re-judges finished requests (their recorded outcome, 0044, is dropped and recorded anew).
UPDATE requests r
SET sla_next_check_at = 'epoch', sla_recorded_at = NULL
FROM sla_policies p
WHERE p.id = r.sla_policy_id AND p.calendar_code = ANY($1::text[])
