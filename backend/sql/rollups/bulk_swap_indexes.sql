-- The indexes of the table :old_table rebuilt on :new_table (the fresh build's new table) under a name of their
-- own (theirs with :suffix after it), and how each takes its own name back once :old_table is gone: an index backing
-- a constraint (primary key, unique, exclusion) as that constraint, the others as indexes (pg_get_indexdef with the
-- new name and table).
SELECT CASE WHEN co.oid IS NULL
         THEN regexp_replace(pg_get_indexdef(i.indexrelid), '^(CREATE (UNIQUE )?INDEX )\S+ ON \S+ ',
                             format('\1%I ON %I ', ic.relname || :suffix::text, :new_table::text))
         ELSE format('ALTER TABLE %I ADD CONSTRAINT %I %s', :new_table::text, co.conname || :suffix::text, pg_get_constraintdef(co.oid)) END AS "create",
       CASE WHEN co.oid IS NULL
         THEN format('ALTER INDEX %I RENAME TO %I', ic.relname || :suffix::text, ic.relname)
         ELSE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', :old_table::text, co.conname || :suffix::text, co.conname) END AS "rename"
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
LEFT JOIN pg_constraint co ON co.conindid = i.indexrelid AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x')
WHERE i.indrelid = :old_table::text::regclass
ORDER BY ic.relname
