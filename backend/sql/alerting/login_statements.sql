-- The statements that make $1 the alerting login and nothing more, built by PostgreSQL's format() (names
-- with %I, the password and settings with %L): identifiers cannot be bound, values stay bound here.
-- $1 user, $2 password, $3 connection limit, $4 statement_timeout (ms), $5 the mark, $6 true when the
-- role exists, $7 the roles it is a member of to leave, $8 other databases to revoke its rights on.
SELECT stmt FROM (
  SELECT 1 AS n, 0 AS k, format(CASE WHEN $6::boolean THEN 'ALTER ROLE %I' ELSE 'CREATE ROLE %I' END
    || ' WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT CONNECTION LIMIT %s PASSWORD %L',
    $1::text, $3::int, $2::text) AS stmt
  UNION ALL SELECT 2, 0, format('COMMENT ON ROLE %I IS %L', $1::text, $5::text)
  -- every right granted to it in this database (and on shared objects) goes; it owns nothing (checked)
  UNION ALL SELECT 3, 0, format('DROP OWNED BY %I', $1::text) WHERE $6::boolean
  UNION ALL SELECT 3, 1, format('ALTER ROLE %I RESET ALL', $1::text) WHERE $6::boolean
  UNION ALL SELECT 4, k, format('REVOKE %I FROM %I', g, $1::text) FROM unnest($7::text[]) WITH ORDINALITY AS m(g, k)
  UNION ALL SELECT 5, k, format('REVOKE ALL ON DATABASE %I FROM %I', d, $1::text) FROM unnest($8::text[]) WITH ORDINALITY AS o(d, k)
  UNION ALL SELECT 6, 0, format('GRANT services360_alerting TO %I', $1::text)
  UNION ALL SELECT 7, 0, format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text)
  -- TEMP comes from PUBLIC (a default of every database): it is taken from PUBLIC on this database and
  -- given back by name to the role running this command (the aggregator's), so the login cannot create
  -- temporary tables or pg_temp functions; CREATE on schema public is PUBLIC's no more (PostgreSQL 15's default).
  UNION ALL SELECT 8, 0, format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database())
  UNION ALL SELECT 9, 0, format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), current_user)
  UNION ALL SELECT 10, 0, 'REVOKE CREATE ON SCHEMA public FROM PUBLIC'
  UNION ALL SELECT 11, 0, format('ALTER ROLE %I SET statement_timeout = %L', $1::text, $4::text)
  UNION ALL SELECT 12, 0, format('ALTER ROLE %I SET default_transaction_read_only = on', $1::text)
  UNION ALL SELECT 13, 0, format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', $1::text, $4::text)
) s
ORDER BY n, k
