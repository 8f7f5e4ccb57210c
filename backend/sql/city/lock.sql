-- One `config apply` or `holidays import` at a time (held to the end of the transaction).
SELECT pg_advisory_xact_lock(3600000036)
