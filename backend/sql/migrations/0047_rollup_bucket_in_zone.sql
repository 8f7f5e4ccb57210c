-- rollup_bucket(level, t, zone): the bucket of `t` at `level` in the time zone the caller passes. The statements
-- that bucket many rows (the rollup job's apply.sql, the bulk builds' facts and tile bins) join the one-row view
-- city_time_zone and pass its time_zone: this function is then inlined into them (a CASE over date_trunc), where the
-- two-argument form, whose body reads city_settings in a sub-select, cannot be, and ran as a function call per row
-- (the 3-month demo's 2.7 M facts: 28.7 s at load ~8 that way, 10.3 s through this view at load ~6). OFFSET 0 keeps it a
-- relation of its own: flattened into the statement, its sub-select would reach the function as an argument that is
-- a sub-plan, which PostgreSQL does not inline (684,000 buckets: 5.3 s that way, 1.5 s inlined, load ~7).
-- The two-argument form stays, for the few calls elsewhere, and now says the same through this one.
CREATE VIEW city_time_zone AS SELECT (SELECT time_zone FROM city_settings) AS time_zone OFFSET 0;

CREATE FUNCTION rollup_bucket(level text, t timestamptz, zone text) RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE level
    WHEN 'hour'   THEN date_trunc('hour', t)
    WHEN 'day'    THEN date_trunc('day', t, zone)
    WHEN 'month'  THEN date_trunc('month', t, zone)
  END
$$;

CREATE OR REPLACE FUNCTION rollup_bucket(level text, t timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT rollup_bucket(level, t, (SELECT time_zone FROM city_settings))
$$;
