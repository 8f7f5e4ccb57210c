-- The lean cubes' hour rows now begin at $1 (migration 0030).
UPDATE rollup_hour_horizon SET lean_hour_from = $1::timestamptz
