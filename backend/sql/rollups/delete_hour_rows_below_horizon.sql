-- Hour rows below the horizons (never read; see migrations 0023 and 0025), at most $1 of each table at a time.
WITH counts AS (
  DELETE FROM rollups WHERE ctid IN (
    SELECT r.ctid FROM rollups r
    WHERE r.level = 'hour' AND r.bucket < (SELECT hour_from FROM rollup_hour_horizon)
    LIMIT $1
  ) RETURNING 1
),
hists AS (
  DELETE FROM rollup_hist WHERE ctid IN (
    SELECT h.ctid FROM rollup_hist h
    WHERE h.level = 'hour' AND h.bucket < (SELECT hist_hour_from FROM rollup_hour_horizon)
    LIMIT $1
  ) RETURNING 1
)
SELECT (SELECT count(*) FROM counts)::int AS counts, (SELECT count(*) FROM hists)::int AS hists
