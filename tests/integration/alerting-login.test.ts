// services360 grant-alerting-login against the real cluster: least privilege. An existing role the
// command did not make (here a superuser with a membership) is refused and left as it was; --strip takes
// everything away; the login cannot create temporary tables or functions, runs read-only with a
// statement_timeout and a connection limit, and reads the alerting views.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { adminUrl } from '../support/db-names.ts';
import { ALERTING_LOGIN_MARK } from '../../backend/cli/grant-alerting-login.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
let db: TestDatabase;
let admin: pg.Client;
const roles: string[] = [];

beforeAll(async () => {
  db = await freshDatabase();
  admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
});
afterAll(async () => {
  for (const r of roles) {
    await db.pool.query(`DROP OWNED BY ${r}`).catch(() => {});
    await admin.query(`DROP ROLE IF EXISTS ${r}`).catch(() => {});
  }
  await admin?.end();
  await db?.drop();
});

const newRole = () => {
  const r = `s360_t_${randomBytes(4).toString('hex')}`;
  roles.push(r);
  return r;
};

function cli(user: string, password: string, ...extra: string[]) {
  return spawnSync(process.execPath, ['bin/services360.js', 'grant-alerting-login', '--user', user, ...extra], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, S360_ALERTING_PASSWORD: password },
    encoding: 'utf8',
  });
}

async function connectAs(user: string, password: string) {
  const url = new URL(db.url);
  url.username = user;
  url.password = password;
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  return c;
}

const attributes = async (user: string) =>
  (
    await admin.query(
      `SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, rolconnlimit, shobj_description(oid, 'pg_authid') AS mark,
          ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1)::text[] AS member_of
   FROM pg_roles r WHERE rolname = $1`,
      [user]
    )
  ).rows[0];

test('an existing superuser the command did not make is refused and left as it was (password too)', async () => {
  const user = newRole();
  await admin.query(`CREATE ROLE ${user} LOGIN SUPERUSER CREATEDB PASSWORD 'original-password-1'`);
  await admin.query(`GRANT pg_read_all_data TO ${user}`);
  const res = cli(user, 'another-password-2');
  assert.equal(res.status, 1, res.stdout + res.stderr);
  assert.match(
    res.stderr,
    /was not made by grant-alerting-login.*SUPERUSER.*CREATEDB.*member of pg_read_all_data.*--strip/s
  );
  assert.doesNotMatch(res.stdout, /nothing else/);
  const a = await attributes(user);
  assert.deepEqual([a.rolsuper, a.rolcreatedb, a.mark, a.member_of], [true, true, null, ['pg_read_all_data']]);
  const still = await connectAs(user, 'original-password-1');
  await still.end();
});

test('--strip takes SUPERUSER, CREATEDB, memberships and rights away; the login is least privilege', async () => {
  const user = newRole();
  await admin.query(`CREATE ROLE ${user} LOGIN SUPERUSER CREATEDB CREATEROLE BYPASSRLS PASSWORD 'original-password-1'`);
  await admin.query(`GRANT pg_read_all_data TO ${user}`);
  await db.pool.query(`GRANT SELECT ON requests TO ${user}`);
  await admin.query(`ALTER ROLE ${user} SET search_path = public`);
  const res = cli(user, 'stripped-password-3', '--strip');
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /taken away: SUPERUSER, CREATEDB, CREATEROLE, BYPASSRLS, member of pg_read_all_data/);
  // PUBLIC's CONNECT on the cluster's other databases (here "postgres") cannot be taken by a grant: the command
  // names each and the pg_hba.conf line that closes it.
  assert.match(
    res.stderr,
    new RegExp(`can still connect to .*"postgres".*\\n  host  postgres  ${user}  all  reject`, 's')
  );
  const a = await attributes(user);
  assert.deepEqual(
    [a.rolsuper, a.rolcreatedb, a.rolcreaterole, a.rolbypassrls, a.rolconnlimit, a.mark, a.member_of],
    [false, false, false, false, 10, ALERTING_LOGIN_MARK, ['services360_alerting']]
  );

  const login = await connectAs(user, 'stripped-password-3');
  try {
    assert.ok((await login.query('SELECT count(*) FROM alerting.backlog')).rows.length === 1);
    await assert.rejects(login.query('SELECT 1 FROM requests LIMIT 1'), /permission denied/);
    await assert.rejects(
      login.query('BEGIN READ WRITE; CREATE TEMP TABLE t (a int)'),
      /permission denied to create temporary tables/
    );
    await login.query('ROLLBACK');
    await assert.rejects(
      login.query(`BEGIN READ WRITE; CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql AS 'SELECT 1'`),
      /permission denied|temporary/
    );
    await login.query('ROLLBACK');
    await assert.rejects(login.query('BEGIN READ WRITE; CREATE TABLE public.x (a int)'), /permission denied/);
    await login.query('ROLLBACK');
    assert.equal((await login.query('SHOW statement_timeout')).rows[0].statement_timeout, '30s');
    assert.equal((await login.query('SHOW default_transaction_read_only')).rows[0].default_transaction_read_only, 'on');
    assert.equal(
      (await login.query('SHOW search_path')).rows[0].search_path,
      '"$user", public',
      'its old settings were reset'
    );
  } finally {
    await login.end();
  }
  // the aggregator's role keeps TEMP on its database
  await db.pool.query('CREATE TEMP TABLE keep_temp (a int)');
});

test('a login the command made is renewed without --strip; a role owning objects is refused even with it', async () => {
  const user = newRole();
  assert.equal(cli(user, 'first-password-11').status, 0);
  const again = cli(user, 'second-password-22');
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /updated: it can read the alerting views/);
  await (await connectAs(user, 'second-password-22')).end();

  const owner = newRole();
  await admin.query(`CREATE ROLE ${owner} LOGIN`);
  await db.pool.query(`CREATE TABLE owned_by_it (a int)`);
  await db.pool.query(`ALTER TABLE owned_by_it OWNER TO ${owner}`);
  const res = cli(owner, 'owner-password-33', '--strip');
  assert.equal(res.status, 1);
  assert.match(res.stderr, /owns 1 object.*REASSIGN OWNED/s);
  assert.equal((await attributes(owner)).mark, null);
});
