-- The indexes of the table $1 rebuilt on $2 (the fresh build's new table) under a name of their own (theirs with
-- $3 after it), and how each takes its own name back once $1 is gone: an index backing a constraint (primary key,
-- unique, exclusion) as that constraint, the others as indexes (pg_get_indexdef with the new name and table).
SELECT CASE WHEN co.oid IS NULL
         THEN regexp_replace(pg_get_indexdef(i.indexrelid), '^(CREATE (UNIQUE )?INDEX )\S+ ON \S+ ',
                             format('\1%I ON %I ', ic.relname || $3::text, $2::text))
         ELSE format('ALTER TABLE %I ADD CONSTRAINT %I %s', $2::text, co.conname || $3::text, pg_get_constraintdef(co.oid)) END AS "create",
       CASE WHEN co.oid IS NULL
         THEN format('ALTER INDEX %I RENAME TO %I', ic.relname || $3::text, ic.relname)
         ELSE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', $1::text, co.conname || $3::text, co.conname) END AS "rename"
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
LEFT JOIN pg_constraint co ON co.conindid = i.indexrelid AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x')
WHERE i.indrelid = $1::text::regclass
ORDER BY ic.relname
