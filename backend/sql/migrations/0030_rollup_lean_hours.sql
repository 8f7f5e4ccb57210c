-- Hour rows of the lean cubes (without zone or advisor: backend/rollups/cubes.ts) are kept for the whole
-- history, not only from the hour horizon on (migration 0023): they are few (about 125 an hour at 10 M requests
-- over 3 years, 3.3 M rows in all), and without them every range reaching back past the horizon with a
-- sub-day edge ("the last 90 days", "this year by week", "30 days against the previous 30") read its edge from
-- the per-request state (about 90 ms at 10 M requests instead of a few).
-- `lean_hour_from`: where the lean cubes' hour rows begin. A new database holds them all ('-infinity'); where
-- rollups already exist, hour rows below the hour horizon were not kept, so it starts at the horizon and the
-- rollup job rebuilds the lean hours below it from the per-request state, a few days a run, lowering it
-- (backend/rollups/lean-hours.ts) down to '-infinity'. Queries read lean hour rows only from it on.
ALTER TABLE rollup_hour_horizon ADD COLUMN lean_hour_from timestamptz;
UPDATE rollup_hour_horizon SET lean_hour_from = hour_from;
ALTER TABLE rollup_hour_horizon ALTER COLUMN lean_hour_from SET NOT NULL;
ALTER TABLE rollup_hour_horizon ADD CONSTRAINT rollup_hour_horizon_lean_below CHECK (lean_hour_from <= hour_from);
