-- Hour rows below the horizons (never read; see migrations 0023, 0025 and 0030), at most $1 of each kind at a
-- time: of the cubes $3 (with zone or advisor) below hour_from, of the lean cubes $2 below lean_hour_from
-- (none once they keep every hour). Each through the rollups key (level, cube, bucket), one cube at a time.
WITH wide AS (
  DELETE FROM rollups WHERE ctid IN (
    SELECT r.ctid FROM rollups r
    WHERE r.level = 'hour' AND r.cube = ANY ($3::smallint[]) AND r.bucket < (SELECT hour_from FROM rollup_hour_horizon)
    LIMIT $1
  ) RETURNING 1
),
lean AS (
  DELETE FROM rollups WHERE ctid IN (
    SELECT r.ctid FROM rollups r
    WHERE r.level = 'hour' AND r.cube = ANY ($2::smallint[]) AND r.bucket < (SELECT lean_hour_from FROM rollup_hour_horizon)
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
SELECT (SELECT count(*) FROM wide)::int AS wide, (SELECT count(*) FROM lean)::int AS lean, (SELECT count(*) FROM hists)::int AS hists
