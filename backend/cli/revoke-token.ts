import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { revokeToken } from '../auth/tokens.ts';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { name: { type: 'string' } } });
  if (!values.name) {
    console.error('usage: services360 revoke-token --name NAME');
    return 2;
  }
  const pool = createPool(databaseUrl(), loadConfig());
  try {
    const done = await revokeToken(pool, values.name);
    console.log(done ? `revoked "${values.name}"` : `no active token named "${values.name}"`);
    return done ? 0 : 1;
  } finally {
    await pool.end();
  }
}
