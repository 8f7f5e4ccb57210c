-- The cluster's other databases $1 may still connect to (PUBLIC's default CONNECT, which a grant cannot take
-- from one role): grant-alerting-login names them with the pg_hba.conf lines that close them.
SELECT datname FROM pg_database
WHERE datallowconn AND datname <> current_database() AND has_database_privilege($1::text, datname, 'CONNECT')
ORDER BY datname
