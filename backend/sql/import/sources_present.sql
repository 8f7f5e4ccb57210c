-- Which of these sources ($1) have any request (one index probe each on (source, external_id)).
SELECT s.source FROM unnest($1::text[]) AS s(source) WHERE EXISTS (SELECT 1 FROM requests r WHERE r.source = s.source)
