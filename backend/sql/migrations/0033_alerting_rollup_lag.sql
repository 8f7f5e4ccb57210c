-- The rollup lag for the alert rule "Rollups lagging" (provisioning/alerting/rules.yaml): the age of the oldest
-- request waiting for the rollups, 0 when none — the figure /readyz reports as a warning and /metrics as
-- s360_rollup_lag_seconds. Readable by the alerting role, like the other views of migration 0020.
CREATE VIEW alerting.rollup_lag AS
SELECT now() AS "time", round(coalesce(extract(epoch FROM now() - min(marked_at)), 0)::numeric, 1) AS lag_seconds,
       count(*)::int AS pending_requests
FROM rollup_pending;

GRANT SELECT ON alerting.rollup_lag TO services360_alerting;
