-- Hour rows below the horizon (never read; see migration 0023), at most $1 at a time.
DELETE FROM rollups WHERE ctid IN (
  SELECT r.ctid FROM rollups r
  WHERE r.level = 'hour' AND r.bucket < (SELECT hour_from FROM rollup_hour_horizon)
  LIMIT $1
)
