-- A change of the city's zone: every request is marked for the rollup job (or rollup-history) to apply again.
INSERT INTO rollup_pending (request_id)
SELECT id FROM requests
ON CONFLICT (request_id) DO UPDATE SET marked_at = now()
