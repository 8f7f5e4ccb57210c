-- The request the source system $1 knows as $2 (unique: requests (source, external_id)).
SELECT id FROM requests WHERE source = $1 AND external_id = $2
