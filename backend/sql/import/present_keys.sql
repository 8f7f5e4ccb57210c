-- Which of a chunk's keys ($1 sources, $2 external ids, in the chunk's order) are already in requests:
-- their positions (1-based). Re-running an import then costs one index look-up per row.
SELECT k.i::int AS i
FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(source, external_id, i)
WHERE EXISTS (SELECT 1 FROM requests r WHERE r.source = k.source AND r.external_id = k.external_id)
