-- The views reading the tables :tables (names), each as the statement that rebuilds it on the table now bearing the
-- name (CREATE OR REPLACE keeps the view itself: its privileges, comments and the views reading it).
SELECT DISTINCT v.oid::regclass::text AS view,
       format('CREATE OR REPLACE VIEW %s%s AS %s', v.oid::regclass,
              CASE WHEN v.reloptions IS NULL THEN '' ELSE format(' WITH (%s)', array_to_string(v.reloptions, ', ')) END,
              pg_get_viewdef(v.oid)) AS statement
FROM pg_depend d
JOIN pg_rewrite r ON r.oid = d.objid
JOIN pg_class v ON v.oid = r.ev_class
WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass AND v.relkind = 'v' AND v.oid <> d.refobjid
  AND d.refobjid = ANY (SELECT to_regclass(n) FROM unnest(:tables::text[]) AS n)
ORDER BY 1
