-- The columns settled at write time first (import/chunk-copy.ts builds the rest of each line as it reads).
COPY requests (id, zone_id, sla_policy_id, customer_id,
               source, external_id, channel_code, category_code, topic_code, department_code, priority, description, address,
               location, created_at, status, stage, progress_pct, first_response_at, resolved_at, closed_at, cancelled_at, satisfaction)
FROM STDIN
