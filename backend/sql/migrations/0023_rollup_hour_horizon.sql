-- Hour-level rollups are kept for recent buckets only: the hour rows of a year of 16 cubes are nearly one
-- per fact (11 M rows and 2.7 GB for 1 M requests), while dashboards ask for hours only near "now". The
-- rollup job writes hour rows for buckets at or after `hour_from` and moves it forward (S360_ROLLUP_HOUR_DAYS);
-- queries answer the parts of a range before it from the day level and the per-request state, so answers
-- stay exact. Hour rows left below the horizon are never read; the retention job deletes them.
CREATE TABLE rollup_hour_horizon (
  only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  hour_from timestamptz NOT NULL
);
INSERT INTO rollup_hour_horizon (hour_from) VALUES ('-infinity');
