-- The bulk build (backend/rollups/bulk.ts), step 1 of a batch: the requests claimed (temp table bulk_ids) as
-- (current − last applied) versions, read once, so every cube's statement after sees the same versions
-- (sign −1: the version in rollup_state, +1: the current one, as apply.sql's `versions`).
CREATE TEMP TABLE bulk_versions ON COMMIT DROP AS
SELECT -1 AS sign, s.* FROM rollup_state s JOIN bulk_ids b USING (request_id)
UNION ALL
SELECT 1 AS sign, c.* FROM rollup_input_current c JOIN bulk_ids b USING (request_id)
