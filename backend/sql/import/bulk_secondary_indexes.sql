-- The indexes a bulk load drops before its COPYs and builds again before COMMIT: every index of
-- requests and request_events that backs no constraint (the primary keys and the unique keys stay: the
-- load looks rows up by (source, external_id) and they enforce uniqueness). Definitions come from the
-- catalog (pg_get_indexdef), so the rebuilt indexes are exactly those the migrations made.
SELECT format('DROP INDEX %I.%I', n.nspname, c.relname) AS drop_statement,
       pg_get_indexdef(i.indexrelid) AS create_statement,
       c.relname AS name
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE i.indrelid IN ('requests'::regclass, 'request_events'::regclass)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
ORDER BY i.indrelid::regclass::text, c.relname
