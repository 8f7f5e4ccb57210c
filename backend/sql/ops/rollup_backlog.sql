-- The rollup backlog (for /metrics): the lag as in rollup_lag.sql and how many requests wait to be applied.
SELECT coalesce(extract(epoch FROM now() - min(marked_at)), 0)::float8 AS lag_seconds, count(*)::bigint AS pending
FROM rollup_pending
