-- A replica's replay lag in seconds, cheap (no table read; run every S360_REPLICA_CHECK_MS per replica):
--   0     it has replayed all the WAL it received (an idle primary writes nothing, and then
--         pg_last_xact_replay_timestamp() only ages, so that age alone is no lag);
--   else  the age of the last transaction it replayed;
--   NULL  unknown: no WAL receiver is streaming (it lost its primary: it could be far behind while reporting
--         nothing left to replay), or it has received WAL but replayed no transaction yet.
-- A server that is not in recovery (a primary given as a replica) has no lag.
SELECT pg_is_in_recovery() AS in_recovery,
       CASE WHEN NOT pg_is_in_recovery() THEN 0
            WHEN NOT EXISTS (SELECT 1 FROM pg_stat_wal_receiver) THEN NULL
            WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag_seconds
