-- The first pass over a history: marks requests whose on-time outcome changed for the rollup job, leaving a request
-- already marked as it is (no row rewritten: a history just loaded is all pending). Only while holding the rollup
-- job's advisory lock, so no rollup run claims a mark between our reading and our commit (mark_rollups.sql takes
-- the row lock instead).
INSERT INTO rollup_pending (request_id)
SELECT unnest($1::bigint[])
ON CONFLICT (request_id) DO NOTHING
