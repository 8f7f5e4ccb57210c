// The one way to hold a pooled connection and to run a transaction. Every writer goes through here.
//
// A checked-out pg client whose connection breaks (PostgreSQL restarted: 57P01, "Connection terminated
// unexpectedly") emits 'error'; with no listener Node treats that as an unhandled 'error' event and the
// process exits. So a checkout carries an 'error' listener for its whole life, and a client whose
// connection broke — or that could not roll back — is discarded (release(err)), never handed to the next caller.
import type pg from 'pg';
import { sql } from './sql.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

/** How a transaction begins: the default, one snapshot for several reads, or generic plans for its statements. */
export type TransactionMode = 'default' | 'snapshot' | 'snapshot-read-only' | 'generic-plan';
const BEGIN: Record<TransactionMode, () => string> = {
  default: () => 'BEGIN',
  snapshot: () => 'BEGIN ISOLATION LEVEL REPEATABLE READ',
  'snapshot-read-only': () => 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  // BEGIN; SET LOCAL plan_cache_mode = force_generic_plan (see ingest/write-requests.ts)
  'generic-plan': () => sql('ingest/begin_generic_plan'),
};

/** Clients whose transaction could not be rolled back: their owner must discard them. */
const unusable = new WeakSet<pg.PoolClient>();

export type Checkout = {
  client: pg.PoolClient;
  /** Gives the client back, or discards it when its connection broke, it could not roll back, or `err` says the connection is gone. */
  release: (err?: unknown) => void;
};

/** Checks a client out of the pool with an 'error' listener attached until it is released. */
export async function checkOut(pool: pg.Pool): Promise<Checkout> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken ??= err;
  };
  client.on('error', onError);
  let released = false;
  return {
    client,
    release: (err?: unknown) => {
      if (released) {
        return;
      }
      released = true;
      const discard =
        broken ??
        (unusable.has(client)
          ? new Error('the transaction could not be rolled back')
          : isDatabaseUnavailable(err)
            ? (err as Error)
            : undefined);
      // Removed and handed back in the same tick: the pool attaches its own idle listener in release().
      client.off('error', onError);
      client.release(discard);
    },
  };
}

/** Runs fn with a client of its own (a session: advisory locks, several transactions); always released. */
export async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const { client, release } = await checkOut(pool);
  try {
    const result = await fn(client);
    release();
    return result;
  } catch (err) {
    release(err);
    throw err;
  }
}

/** Begins a transaction on a client the caller holds (for one that spans calls: import/bulk-load.ts); else transactionOn. */
export async function begin(client: pg.PoolClient, mode: TransactionMode = 'default'): Promise<void> {
  await client.query(BEGIN[mode]());
}

export async function commit(client: pg.PoolClient): Promise<void> {
  await client.query('COMMIT');
}

/** Runs fn inside one transaction on a client the caller holds; rolls back on any error. */
export async function transactionOn<T>(
  client: pg.PoolClient,
  fn: (client: pg.PoolClient) => Promise<T>,
  mode: TransactionMode = 'default'
): Promise<T> {
  try {
    await begin(client, mode);
    const result = await fn(client);
    await commit(client);
    return result;
  } catch (err) {
    await rollback(client);
    throw err;
  }
}

/** Marks a client for discarding on release (e.g. a session lock that could not be released). */
export function markUnusable(client: pg.PoolClient): void {
  unusable.add(client);
}

/** Rolls back; a client that cannot is marked for discarding (its session state is unknown). */
export async function rollback(client: pg.PoolClient): Promise<void> {
  await client.query('ROLLBACK').catch(() => {
    unusable.add(client);
  });
}

/** Runs fn inside one transaction on a pooled client; rolls back on any error. */
export function inTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  mode: TransactionMode = 'default'
): Promise<T> {
  return withClient(pool, (client) => transactionOn(client, fn, mode));
}

/**
 * A read-only snapshot opened together with its first, parameterless statement (`opening`, static SQL: one
 * round trip for both), then `fn`. The answer is final once `fn` returns, so it is returned at once and the
 * transaction ends after, off the caller's path (the client goes back to the pool only when it has).
 */
export async function inReadOnlySnapshot<R extends pg.QueryResultRow, T>(
  pool: pg.Pool,
  opening: string,
  fn: (client: pg.PoolClient, openingRows: R[]) => Promise<T>
): Promise<T> {
  const { client, release } = await checkOut(pool);
  let result: T;
  try {
    const results = await queryEach(client, `${BEGIN['snapshot-read-only']()}; ${opening}`);
    result = await fn(client, results[1].rows);
  } catch (err) {
    await rollback(client);
    release(err);
    throw err;
  }
  client.query('COMMIT').then(
    () => release(),
    (err: unknown) => {
      unusable.add(client);
      release(err);
    }
  );
  return result;
}

/** A text of several statements: pg answers with one result per statement (its types say one result). */
export async function queryEach(client: pg.ClientBase, text: string): Promise<pg.QueryResult[]> {
  const answer: unknown = await client.query(text);
  if (!Array.isArray(answer)) {
    throw new Error('expected one result per statement');
  }
  return answer;
}
