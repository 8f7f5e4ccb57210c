-- forecast_received reads one level's forecasts for a few days (backend/sql/forecast/query_forecasts.sql). The primary
-- key leads with (level, key), so without this the planner scanned the whole table, which the nightly rewrite keeps
-- at about twice its live size: 6-12 ms for the zone map on the 6-month demo, 0.7 ms with it.
CREATE INDEX forecasts_level_day_idx ON forecasts (level, day);
