-- The city's time zone is data (city_settings.time_zone, set by `services360 config apply`), not a constant:
-- day and month rollup buckets follow it. rollup_bucket() had the zone written in its body (0010); it now reads
-- the one setting (an uncorrelated sub-select: evaluated once per statement where the function is inlined).
-- A change of zone on a database that holds requests is refused by config apply (their buckets were cut in the
-- old zone); every instance reloads its reference data (and so the zone its query planning uses) on a change.
CREATE OR REPLACE FUNCTION rollup_bucket(level text, t timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE level
    WHEN 'hour'   THEN date_trunc('hour', t)
    WHEN 'day'    THEN date_trunc('day', t, (SELECT time_zone FROM city_settings))
    WHEN 'month'  THEN date_trunc('month', t, (SELECT time_zone FROM city_settings))
  END
$$;

CREATE TRIGGER city_settings_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON city_settings
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_change();

-- A calendar states its zone (the city file gives the city's when it names none): no Dubai default.
ALTER TABLE calendars ALTER COLUMN timezone DROP DEFAULT;
