// Creates (or updates the password of) a login role that can read the alerting views and nothing else.
import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { withClient } from '../db/transaction.ts';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { user: { type: 'string' }, 'password-env': { type: 'string', default: 'S360_ALERTING_PASSWORD' } } });
  const user = values.user;
  const password = process.env[values['password-env']!];
  if (!user || !/^[a-z_][a-z0-9_]{0,62}$/.test(user)) { console.error('usage: services360 grant-alerting-login --user NAME [--password-env VAR]  (NAME: lower-case letters, digits, _)'); return 2; }
  if (!password || password.length < 12) { console.error(`set ${values['password-env']} to a password of at least 12 characters`); return 2; }
  const pool = createPool(databaseUrl(), loadConfig());
  try {
    await withClient(pool, async (client) => {
      // Identifiers cannot be bound: the name is checked against a strict pattern above and quoted here;
      // the password is passed through format('%L') by PostgreSQL itself.
      const { rows } = await client.query<{ stmt: string }>(
        `SELECT format(CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)
                 THEN 'ALTER ROLE %I LOGIN PASSWORD %L' ELSE 'CREATE ROLE %I LOGIN PASSWORD %L' END, $1::text, $2::text) AS stmt`, [user, password]);
      await client.query(rows[0].stmt);
      const { rows: grant } = await client.query<{ stmt: string }>(`SELECT format('GRANT services360_alerting TO %I', $1::text) AS stmt`, [user]);
      await client.query(grant[0].stmt);
      const { rows: db } = await client.query<{ stmt: string }>(`SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text) AS stmt`, [user]);
      await client.query(db[0].stmt);
    });
    console.log(`login "${user}" can now read the alerting views (schema alerting) and nothing else`);
    return 0;
  } finally {
    await pool.end();
  }
}
