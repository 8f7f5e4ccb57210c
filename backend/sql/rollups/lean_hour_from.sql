-- Where the lean cubes' hour rows begin (migration 0030); '-infinity' once the whole history has them.
SELECT lean_hour_from FROM rollup_hour_horizon
