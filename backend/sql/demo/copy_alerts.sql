-- The warnings and breaches of the demo's requests, evaluated as they are written (recorded_at: now, as the sweep's).
COPY sla_alerts (request_id, kind, target, at) FROM STDIN
