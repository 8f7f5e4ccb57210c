-- May this role switch row triggers off (superuser, or GRANT SET ON PARAMETER session_replication_role)?
SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
    OR has_parameter_privilege('session_replication_role', 'SET') AS allowed
