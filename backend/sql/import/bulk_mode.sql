-- Inside a chunk's transaction: row triggers off (foreign-key checks included) until COMMIT. Only after
-- lock_references has locked and found every referenced row (see import-requests.ts).
SET LOCAL session_replication_role = replica
