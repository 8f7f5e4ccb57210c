-- What depends on the tables :tables (names) that the fresh build's swap (backend/rollups/bulk-swap.ts) would not carry
-- over to the new tables: anything in pg_depend but their row type, toast table, indexes, own CHECK / key
-- constraints and the views reading them (those are rebuilt on the new tables); row level security; column
-- privileges; an owner other than the builder; a table that is not a plain permanent one. One row per obstacle: the
-- build then takes the batch path, which writes into the tables in place.
SELECT t.relname AS "table", x.what
FROM pg_class t
CROSS JOIN LATERAL (
  SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS what
  FROM pg_depend d
  WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = t.oid
    AND d.classid <> 'pg_type'::regclass
    AND NOT (d.classid = 'pg_class'::regclass
             AND (d.objid = t.reltoastrelid
                  OR EXISTS (SELECT FROM pg_index i WHERE i.indexrelid = d.objid AND i.indrelid = t.oid)))
    AND NOT (d.classid = 'pg_constraint'::regclass
             AND EXISTS (SELECT FROM pg_constraint c WHERE c.oid = d.objid AND c.conrelid = t.oid AND c.contype IN ('c', 'p', 'u', 'x')))
    AND NOT (d.classid = 'pg_rewrite'::regclass
             AND EXISTS (SELECT FROM pg_rewrite r JOIN pg_class v ON v.oid = r.ev_class WHERE r.oid = d.objid AND v.relkind = 'v' AND v.oid <> t.oid))
  UNION ALL SELECT 'row level security' WHERE t.relrowsecurity
  UNION ALL SELECT format('privileges on column %s', a.attname) FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attacl IS NOT NULL
  UNION ALL SELECT format('owner %s', pg_get_userbyid(t.relowner)) WHERE t.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
  UNION ALL SELECT 'not a plain permanent table' WHERE t.relkind <> 'r' OR t.relpersistence <> 'p'
) x
WHERE t.oid = ANY (SELECT to_regclass(n) FROM unnest(:tables::text[]) AS n)
ORDER BY 1, 2
