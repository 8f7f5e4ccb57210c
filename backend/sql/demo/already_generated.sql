-- Whether the first request of this demo run (same seed) is already in the database.
SELECT EXISTS (SELECT 1 FROM requests WHERE source = ANY($1::text[]) AND external_id = $2) AS present
