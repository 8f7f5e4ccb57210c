// The PostgreSQL pool: sized and time-limited from the config table. Transactions and checkouts: transaction.ts.
import pg from 'pg';
import type { Config } from '../config.ts';

// bigint (int8) and numeric arrive as strings by default; counts fit in a JS number here.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

/** `applicationName`: how the connections show in pg_stat_activity (a read replica's pool: services360-read). */
export function createPool(
  url: string,
  config: Pick<Config, 'poolSize' | 'statementTimeoutMs' | 'connectTimeoutMs'>,
  applicationName = 'services360'
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolSize,
    connectionTimeoutMillis: config.connectTimeoutMs,
    statement_timeout: config.statementTimeoutMs,
    idleTimeoutMillis: 30000,
    application_name: applicationName,
    // JIT compiles plans whose estimated cost is high; our queries are short, so it only adds 100–200 ms.
    options: '-c jit=off',
  });
  // An idle client losing its connection (database restart) must not crash the process; a checked-out one
  // has its own listener (transaction.ts).
  pool.on('error', () => {});
  return pool;
}
