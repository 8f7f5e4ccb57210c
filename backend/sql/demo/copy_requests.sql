-- The demo's requests with a policy, their SLA columns evaluated as they are written (sla/clocks-at-load.ts).
COPY requests (id, source, external_id, channel_code, category_code, topic_code, department_code, priority, zone_id,
  location, address, description, customer_id, status, stage, progress_pct, advisor_id, created_at,
  ingested_at, first_response_at, resolved_at, closed_at, cancelled_at, satisfaction, sla_policy_id, updated_at,
  first_response_due_at, resolution_due_at, sla_state, sla_evaluated_at, sla_next_check_at, sla_recorded_at) FROM STDIN
