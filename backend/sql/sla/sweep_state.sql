-- The last complete sweep, and the database clock now.
SELECT swept_until, events_seen_until, statement_timestamp() AS db_now FROM sla_sweep_state
