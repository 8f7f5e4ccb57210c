// `services360 find-request --source S --external-id X [--pii] [--language en|ar]`: the request a source system
// knows by its own id, as GET /v1/requests?source=…&external_id=… shows it (JSON on stdout). The customer is masked
// unless --pii is given; an unmasked read is written to the audit log as "cli:<user>", in the same transaction.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { ReferenceCache } from '../domain/reference.ts';
import { HttpError } from '../http/errors.ts';
import { parseSourceKey } from '../requests/request-id.ts';
import { readRequestDetail } from '../requests/read-detail.ts';

const HELP = `usage: services360 find-request --source S --external-id X [--pii] [--language en|ar]
  --pii   show the customer's personal data (the read is audited as "cli:<user>")`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      'external-id': { type: 'string' },
      pii: { type: 'boolean', default: false },
      language: { type: 'string', default: 'en' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length || (values.language !== 'en' && values.language !== 'ar')) {
    console.error(HELP);
    return 2;
  }
  const config = loadConfig();
  const pool = createPool(databaseUrl(), config);
  try {
    const key = parseSourceKey(values.source, values['external-id']);
    const reader = {
      id: null,
      name: `cli:${userInfo().username}`,
      scopes: values.pii ? (['read', 'pii'] as const) : (['read'] as const),
    };
    const detail = await readRequestDetail(
      pool,
      await new ReferenceCache(pool, config.referenceCacheMs).get(),
      key,
      { ...reader, scopes: [...reader.scopes] },
      values.language as 'en' | 'ar'
    );
    console.log(JSON.stringify(detail, null, 2));
    return 0;
  } catch (err) {
    if (!(err instanceof HttpError)) {
      throw err;
    }
    console.error(`find-request: ${err.message}${err.details.map((d) => `\n  ${d.path}: ${d.message}`).join('')}`);
    return err.status === 404 ? 3 : 2;
  } finally {
    await pool.end();
  }
}
