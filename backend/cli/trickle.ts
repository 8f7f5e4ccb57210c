import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { runTrickle } from '../demo/trickle.ts';

const HELP = `usage: services360 trickle --token TOKEN [--url http://127.0.0.1:8360] [--rate 1] [--limit N] [--seed S]
Posts live requests and journey steps to a running aggregator (token with scope ingest) until stopped.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? 8360}` },
      token: { type: 'string', default: process.env.S360_INGEST_TOKEN },
      rate: { type: 'string', default: '1' },
      limit: { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
      seed: { type: 'string', default: '1' },
    },
  });
  const rate = Number(values.rate),
    limit = Number(values.limit),
    seed = Number(values.seed);
  if (!values.token || !(rate > 0 && rate <= 200) || !(limit > 0) || !Number.isFinite(seed)) {
    console.error(HELP);
    return 2;
  }
  const url = new URL(values.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && !process.env.S360_TRICKLE_ALLOW_REMOTE) {
    console.error(
      'the trickle posts only to this machine (127.0.0.1/localhost) unless S360_TRICKLE_ALLOW_REMOTE is set'
    );
    return 2;
  }
  const pool = createPool(databaseUrl(), loadConfig());
  let stop = false;
  process.once('SIGINT', () => {
    stop = true;
  });
  process.once('SIGTERM', () => {
    stop = true;
  });
  try {
    const stats = await runTrickle(
      pool,
      { url: values.url.replace(/\/$/, ''), token: values.token, ratePerSecond: rate, limit, seed },
      () => stop,
      (l) => console.error(l)
    );
    console.log(`trickle: ${stats.created} requests created, ${stats.advanced} journey steps, ${stats.failed} failed`);
    return stats.failed > 0 && stats.created + stats.advanced === 0 ? 1 : 0;
  } finally {
    await pool.end();
  }
}
