-- The hour horizons, locked for a change of lean_hour_from (backend/rollups/lean-hours.ts).
SELECT hour_from, lean_hour_from FROM rollup_hour_horizon FOR UPDATE
