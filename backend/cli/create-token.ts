import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { createToken, parseScopes } from '../auth/tokens.ts';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { name: { type: 'string' }, scopes: { type: 'string' } } });
  if (!values.name || !values.scopes) {
    console.error('usage: services360 create-token --name NAME --scopes ingest,read,pii');
    return 2;
  }
  const scopes = parseScopes(values.scopes);
  const pool = createPool(databaseUrl(), loadConfig());
  try {
    const { token } = await createToken(pool, values.name, scopes);
    // The token is printed once, alone on stdout, so scripts can capture it; it is not stored.
    console.log(token);
    console.error(
      `created token "${values.name}" with scopes ${scopes.join(', ')}; store it now, it cannot be shown again`
    );
    return 0;
  } finally {
    await pool.end();
  }
}
