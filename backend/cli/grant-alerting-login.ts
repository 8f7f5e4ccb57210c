// Creates a login role that can read the alerting views and nothing else (least privilege), or renews
// the password of one this command made. A role the command did not make (no mark) is refused unless
// --strip is given: it may be a superuser or hold other rights, and the command would otherwise claim a
// read-only login that is not one. --strip takes every attribute, membership and right it has away
// first (a role that owns objects is refused even then: reassign them first).
// The login: LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS, a member of
// services360_alerting only (INHERIT, so that membership is all it can use), CONNECT on this database,
// no TEMP here (taken from PUBLIC, given back to the aggregator's role), a statement_timeout, read-only
// transactions by default and a CONNECTION LIMIT (S360_ALERTING_*).
import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';

export const ALERTING_LOGIN_MARK = 'services360 alerting login (made by services360 grant-alerting-login)';

type RoleState = {
  rolsuper: boolean;
  rolcreatedb: boolean;
  rolcreaterole: boolean;
  rolreplication: boolean;
  rolbypassrls: boolean;
  mark: string | null;
  member_of: string[];
  owns: number;
  other_databases: string[];
};

/** What a role holds beyond a plain login, in words. */
function extras(r: RoleState): string[] {
  return [
    r.rolsuper && 'SUPERUSER',
    r.rolcreatedb && 'CREATEDB',
    r.rolcreaterole && 'CREATEROLE',
    r.rolreplication && 'REPLICATION',
    r.rolbypassrls && 'BYPASSRLS',
    ...r.member_of.map((g) => `member of ${g}`),
    ...r.other_databases.map((d) => `rights on database ${d}`),
  ].filter((x): x is string => Boolean(x));
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      user: { type: 'string' },
      'password-env': { type: 'string', default: 'S360_ALERTING_PASSWORD' },
      strip: { type: 'boolean', default: false },
    },
  });
  const user = values.user;
  const password = process.env[values['password-env']];
  if (!user || !/^[a-z_][a-z0-9_]{0,62}$/.test(user)) {
    console.error(
      'usage: services360 grant-alerting-login --user NAME [--password-env VAR] [--strip]  (NAME: lower-case letters, digits, _)'
    );
    return 2;
  }
  if (!password || password.length < 12) {
    console.error(`set ${values['password-env']} to a password of at least 12 characters`);
    return 2;
  }
  const config = loadConfig();
  const pool = createPool(databaseUrl(), config);
  try {
    const outcome = await inTransaction(pool, async (client) => {
      const {
        rows: [state],
      } = await client.query<RoleState>(sql('alerting/login_state'), [user]);
      const exists = state !== undefined;
      if (exists && state.mark !== ALERTING_LOGIN_MARK && !values.strip) {
        const held = extras(state);
        return {
          status: 1,
          message:
            `role "${user}" exists and was not made by grant-alerting-login${held.length ? ` (it has: ${held.join(', ')})` : ''}; ` +
            'nothing was changed. Choose another --user, or add --strip to take every other attribute, membership and right from it.',
        };
      }
      if (exists && state.owns > 0) {
        return {
          status: 1,
          message:
            `role "${user}" owns ${state.owns} object(s) in this database or the cluster; nothing was changed. ` +
            `Reassign them first (REASSIGN OWNED BY ${user} TO …), then run this again.`,
        };
      }
      const { rows } = await client.query<{ stmt: string }>(sql('alerting/login_statements'), [
        user,
        password,
        config.alertingConnectionLimit,
        `${config.alertingStatementTimeoutMs}ms`,
        ALERTING_LOGIN_MARK,
        exists,
        exists ? state.member_of : [],
        exists ? state.other_databases : [],
      ]);
      for (const { stmt } of rows) {
        await client.query(stmt);
      }
      const stripped = exists ? extras(state) : [];
      return {
        status: 0,
        message:
          `login "${user}" ${exists ? 'updated' : 'created'}: it can read the alerting views (schema alerting) and nothing else ` +
          `in this database (no TEMP, read-only, statement_timeout ${config.alertingStatementTimeoutMs} ` +
          `ms, at most ${config.alertingConnectionLimit} connections)` +
          `${stripped.length ? `; taken away: ${stripped.join(', ')}` : ''}`,
      };
    });
    (outcome.status === 0 ? console.log : console.error)(outcome.message);
    if (outcome.status === 0) {
      const { rows: others } = await pool.query<{ datname: string }>(sql('alerting/other_databases'), [user]);
      const warning = otherDatabasesWarning(
        user,
        others.map((r) => r.datname)
      );
      if (warning) {
        console.error(warning);
      }
    }
    return outcome.status;
  } finally {
    await pool.end();
  }
}

/**
 * PostgreSQL gives PUBLIC CONNECT on every database and no grant can take it from one role; only pg_hba.conf
 * (read by the server, not reachable over SQL) can. The command names the databases still open to the login
 * and the lines that close them, ahead of the cluster's other rules.
 */
export function otherDatabasesWarning(user: string, databases: string[]): string | null {
  if (!databases.length) {
    return null;
  }
  return (
    `warning: "${user}" can still connect to ${databases.map((d) => `"${d}"`).join(', ')} (PostgreSQL gives every role CONNECT there ` +
    'through PUBLIC; no grant can take it from one role). Close them in pg_hba.conf, above the other rules, then reload:\n' +
    databases.map((d) => `  host  ${d}  ${user}  all  reject`).join('\n')
  );
}
