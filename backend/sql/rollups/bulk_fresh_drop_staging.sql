-- The fresh build's staging tables, dropped before the transaction commits (they were never visible to another session).
DROP TABLE bulk_fresh_ids, bulk_fresh_versions, bulk_fresh_facts