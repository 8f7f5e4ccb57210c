-- Records warnings and breaches (one of each kind per request and target); returns the new ones.
INSERT INTO sla_alerts (request_id, kind, target, at)
SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[])
ON CONFLICT (request_id, kind, target) DO NOTHING
RETURNING request_id, kind, target, at
