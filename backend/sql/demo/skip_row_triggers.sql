-- For this transaction only: no per-row triggers, foreign-key checks included (superuser only).
SET LOCAL session_replication_role = replica
