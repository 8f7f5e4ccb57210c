-- The fresh build: the versions read (bulk_fresh_versions.sql) recorded as applied, in key order.
INSERT INTO rollup_state_fresh SELECT * FROM bulk_fresh_versions ORDER BY request_id
