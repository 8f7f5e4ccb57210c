-- What an existing role is, for grant-alerting-login: its attributes, its mark (the comment the command
-- leaves on roles it made), the roles it is a member of (other than services360_alerting), what it owns
-- in this database or the cluster, and the other databases it holds explicit rights on. No row: no role.
SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls, r.rolinherit,
       shobj_description(r.oid, 'pg_authid') AS mark,
       ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = r.oid AND g.rolname <> 'services360_alerting' ORDER BY 1)::text[] AS member_of,
       (SELECT count(*) FROM pg_shdepend d
         WHERE d.refobjid = r.oid AND d.refclassid = 'pg_authid'::regclass AND d.deptype = 'o'
           AND (d.dbid = 0 OR d.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())))::int
       + (SELECT count(*) FROM pg_database WHERE datdba = r.oid)::int AS owns,
       ARRAY(SELECT DISTINCT db.datname FROM pg_database db, aclexplode(db.datacl) a
             WHERE a.grantee = r.oid AND db.datname <> current_database() ORDER BY 1)::text[] AS other_databases
FROM pg_roles r
WHERE r.rolname = $1
