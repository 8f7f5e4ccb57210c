-- Bulk load: row triggers back on after a chunk written with them off (bulk_mode.sql), so a later chunk
-- whose references did not all check out is written with its foreign-key checks.
SET LOCAL session_replication_role = origin
