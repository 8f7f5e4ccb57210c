-- The statements that make :new_table, the new table of the fresh build, what the table :old_table is without its
-- indexes: the same columns, defaults, NOT NULL and CHECK constraints, storage, comments (LIKE … INCLUDING ALL
-- EXCLUDING INDEXES), table options, table comment, privileges granted and column statistics targets. In order.
SELECT x.statement
FROM pg_class c
CROSS JOIN LATERAL (
  SELECT 1 AS o, format('CREATE TABLE %I (LIKE %I INCLUDING ALL EXCLUDING INDEXES)%s', :new_table::text, c.relname,
                        CASE WHEN c.reloptions IS NULL THEN '' ELSE format(' WITH (%s)', array_to_string(c.reloptions, ', ')) END) AS statement
  UNION ALL
  SELECT 2, format('COMMENT ON TABLE %I IS %L', :new_table::text, obj_description(c.oid, 'pg_class')) WHERE obj_description(c.oid, 'pg_class') IS NOT NULL
  UNION ALL
  SELECT 3, format('GRANT %s ON %I TO %s%s', a.privilege_type, :new_table::text,
                   CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                   CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
  FROM aclexplode(c.relacl) a WHERE a.grantee <> c.relowner
  UNION ALL
  SELECT 4, format('ALTER TABLE %I ALTER COLUMN %I SET STATISTICS %s', :new_table::text, a.attname, a.attstattarget)
  FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attstattarget >= 0
) x
WHERE c.oid = :old_table::text::regclass
ORDER BY x.o
