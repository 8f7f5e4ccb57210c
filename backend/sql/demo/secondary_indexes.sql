-- The indexes of the tables the demo fills that back no constraint, with the statements that drop and
-- rebuild them (names and definitions from the catalog).
SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop_statement,
       pg_get_indexdef(i.indexrelid) AS create_statement
FROM pg_index i
WHERE i.indrelid = ANY (ARRAY['requests', 'request_events', 'customers']::regclass[])
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
ORDER BY i.indexrelid::regclass::text
