-- The SLA policies for the importer's choice (the rule of ingest/sla_policy_of.sql, mirrored by
-- backend/demo/sla-policy.ts) and the clocks computed at load (sla/clocks-at-load.ts); validity bounds in
-- microseconds since 1970, exactly.
SELECT id, category_code, topic_code, priority, channel_code, version, first_response_minutes, resolution_minutes, calendar_code,
       warning_pct, pause_statuses,
       (extract(epoch FROM valid_from) * 1000000)::bigint::text AS valid_from,
       (extract(epoch FROM valid_to) * 1000000)::bigint::text AS valid_to
FROM sla_policies
