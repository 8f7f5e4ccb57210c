-- The demo's requests no policy applies to: no SLA clock (the columns keep their defaults, as the sweep leaves them).
COPY requests (id, source, external_id, channel_code, category_code, topic_code, department_code, priority, zone_id,
  location, address, description, customer_id, status, stage, progress_pct, advisor_id, created_at,
  ingested_at, first_response_at, resolved_at, closed_at, cancelled_at, satisfaction, sla_policy_id, updated_at) FROM STDIN
