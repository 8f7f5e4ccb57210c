-- The fresh build: the current version of every claimed request (nothing was applied before: no −1 side), read
-- once into an unlogged table (no WAL; dropped before the build commits).
ANALYZE bulk_fresh_ids;
CREATE UNLOGGED TABLE bulk_fresh_versions AS
SELECT c.* FROM rollup_input_current c JOIN bulk_fresh_ids b USING (request_id)
