// A login made with `services360 grant-alerting-login` (the CLI, as an operator would) on a test database,
// connected; drop() closes it and removes the role (roles are cluster-wide).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { adminUrl } from './db-names.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');

export type AlertingLogin = { user: string; reader: pg.Client; drop: () => Promise<void> };

export async function grantAlertingLogin(
  databaseUrl: string,
  passwordEnv = 'S360_ALERTING_PASSWORD'
): Promise<AlertingLogin> {
  const user = `s360_alert_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const cli = spawnSync(
    process.execPath,
    ['bin/services360.js', 'grant-alerting-login', '--user', user, '--password-env', passwordEnv],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, [passwordEnv]: password }, encoding: 'utf8' }
  );
  if (cli.status !== 0) {
    throw new Error(`grant-alerting-login failed: ${cli.stderr}`);
  }
  const url = new URL(databaseUrl);
  url.username = user;
  url.password = password;
  const reader = new pg.Client({ connectionString: url.toString() });
  await reader.connect();
  return {
    user,
    reader,
    drop: async () => {
      await reader.end().catch(() => {});
      const admin = new pg.Client({ connectionString: adminUrl() });
      await admin.connect();
      await admin.query(`DROP OWNED BY ${user}`).catch(() => {});
      await admin.query(`DROP ROLE IF EXISTS ${user}`).finally(() => admin.end());
    },
  };
}
