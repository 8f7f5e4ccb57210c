-- Triggers that fire on INSERT into the tables an import writes, other than the foreign-key checks.
-- The import's set-based reference checks stand in for the foreign-key triggers only; when any other
-- trigger exists, the import keeps every trigger on.
SELECT count(*)::int AS others
FROM pg_trigger t
WHERE t.tgrelid IN ('requests'::regclass, 'request_events'::regclass, 'customers'::regclass, 'rollup_pending'::regclass)
  AND t.tgenabled <> 'D'
  AND (t.tgtype & 4) <> 0
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.oid = t.tgconstraint AND c.contype = 'f' AND c.conrelid = t.tgrelid)
