-- The rollup lag (for /readyz): age in seconds of the oldest request marked for the rollups, 0 when none.
SELECT coalesce(extract(epoch FROM now() - min(marked_at)), 0)::float8 AS lag_seconds
FROM rollup_pending
