-- Held by a rollup batch: the horizons cannot move while it applies (backend/rollups/lean-hours.ts).
SELECT 1 FROM rollup_hour_horizon FOR SHARE
