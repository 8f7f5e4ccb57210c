-- A new version of SLA policy $1: $2 version, $3 kind (category), $4 topic, $5 priority, $6 first response minutes,
-- $7 resolution minutes, $8 calendar, $9 warning %, $10 pause statuses, $11 in force from, $12 channel.
INSERT INTO sla_policies (code, version, category_code, topic_code, priority, first_response_minutes, resolution_minutes,
                          calendar_code, warning_pct, pause_statuses, valid_from, channel_code)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11::timestamptz, $12)
RETURNING id
