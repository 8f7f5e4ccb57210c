-- Marks the demo's requests $1..$2 for the rollup job.
INSERT INTO rollup_pending (request_id) SELECT generate_series($1::bigint, $2::bigint) ON CONFLICT DO NOTHING
