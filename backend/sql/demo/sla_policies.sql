-- Every SLA policy, for the demo to choose a request's policy as ingestion does, with its clock's settings.
SELECT id, category_code, topic_code, priority, channel_code, first_response_minutes, resolution_minutes, calendar_code,
       warning_pct, pause_statuses,
       (extract(epoch FROM valid_from) * 1000)::float8 AS valid_from,
       (extract(epoch FROM valid_to) * 1000)::float8 AS valid_to, version
FROM sla_policies ORDER BY id
