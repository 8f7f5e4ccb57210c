-- Hour rows below the horizons (never read; see migrations 0023, 0025 and 0030: the lean cubes $2 keep theirs
-- from lean_hour_from on), at most $1 of each table at a time.
WITH counts AS (
  DELETE FROM rollups WHERE ctid IN (
    SELECT r.ctid FROM rollups r, rollup_hour_horizon z
    WHERE r.level = 'hour' AND r.bucket < z.hour_from
      AND (r.bucket < z.lean_hour_from OR r.cube <> ALL ($2::smallint[]))
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
