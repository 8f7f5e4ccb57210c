-- The columns settled at write time first; last the source's due time, where it came from and whether there is a
-- first-response clock (migration 0040). (import/chunk-copy.ts builds the rest of each line as it reads).
COPY requests (id, zone_id, sla_policy_id, customer_id,
               source, external_id, channel_code, category_code, topic_code, department_code, priority, description, address,
               location, created_at, status, stage, progress_pct, first_response_at, resolved_at, closed_at, cancelled_at, satisfaction,
               resolution_due_at, resolution_due_source, first_response_clock)
FROM STDIN
