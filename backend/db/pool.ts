// The PostgreSQL pool: sized and time-limited from the config table.
import pg from 'pg';
import type { Config } from '../config.ts';

// bigint (int8) and numeric arrive as strings by default; counts fit in a JS number here.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

export function createPool(url: string, config: Pick<Config, 'poolSize' | 'statementTimeoutMs' | 'connectTimeoutMs'>): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolSize,
    connectionTimeoutMillis: config.connectTimeoutMs,
    statement_timeout: config.statementTimeoutMs,
    idleTimeoutMillis: 30000,
    application_name: 'services360',
    // JIT compiles plans whose estimated cost is high; our queries are short, so it only adds 100–200 ms.
    options: '-c jit=off',
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

/** How a transaction begins: the default, or one snapshot for several reads (REPEATABLE READ). */
export type TransactionMode = 'default' | 'snapshot' | 'snapshot-read-only';
const BEGIN: Record<TransactionMode, string> = {
  default: 'BEGIN',
  snapshot: 'BEGIN ISOLATION LEVEL REPEATABLE READ',
  'snapshot-read-only': 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
};

/** Runs fn inside one transaction; rolls back on any error. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, mode: TransactionMode = 'default'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(BEGIN[mode]);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * A read-only snapshot opened together with its first, parameterless statement (`opening`, static SQL: one
 * round trip for both), then `fn`. The answer is final once `fn` returns, so it is returned at once and the
 * transaction ends after, off the caller's path (the client goes back to the pool only when it has).
 */
export async function inReadOnlySnapshot<R extends pg.QueryResultRow, T>(pool: pg.Pool, opening: string,
  fn: (client: pg.PoolClient, openingRows: R[]) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    const results = await client.query(`${BEGIN['snapshot-read-only']}; ${opening}`) as unknown as pg.QueryResult<R>[];
    result = await fn(client, results[1].rows);
  } catch (err) {
    // A connection that cannot even roll back is dropped, not handed to the next caller.
    const rolledBack = await client.query('ROLLBACK').then(() => true, () => false);
    client.release(!rolledBack);
    throw err;
  }
  client.query('COMMIT').then(() => client.release(), (err: Error) => client.release(err));
  return result;
}
