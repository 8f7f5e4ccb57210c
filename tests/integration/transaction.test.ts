// The checkout and transaction helper (backend/db/transaction.ts) when the connection it holds is killed
// (pg_terminate_backend: what a PostgreSQL restart does to every session). Without its 'error' listener the
// client's unhandled 'error' event ends this very process (the file then fails as a whole).
// Each test checks that the caller gets a "database unavailable" error (a 503 outside) and the pool serves again at once.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { inReadOnlySnapshot, inTransaction, withClient } from '../../backend/db/transaction.ts';
import { isDatabaseUnavailable } from '../../backend/db/unavailable.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/** Kills the client's backend from another session and waits until the client has seen its connection end. */
async function kill(client: pg.PoolClient): Promise<void> {
  const {
    rows: [{ pid }],
  } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const ended = new Promise((resolve) => client.once('end', resolve));
  await db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
  await ended;
}

async function brokenThenServes(run: () => Promise<unknown>): Promise<void> {
  const err = await run().then(
    () => assert.fail('the call succeeded on a killed connection'),
    (e: unknown) => e
  );
  assert.ok(isDatabaseUnavailable(err), `a "database unavailable" error (503 outside), got ${(err as Error).message}`);
  // The next callers are served at once.
  for (let i = 0; i < 5; i++) {
    assert.equal(await inTransaction(db.pool, async (c) => (await c.query('SELECT 1 AS one')).rows[0].one), 1);
  }
}

test('inTransaction: a connection killed mid-transaction fails the call, not the process', async () => {
  await brokenThenServes(() =>
    inTransaction(db.pool, async (client) => {
      await client.query('SELECT 1');
      await kill(client);
      await client.query('SELECT 2');
    })
  );
});

test('withClient: a connection killed while idle in a session (no query running) fails the next query, not the process', async () => {
  await brokenThenServes(() =>
    withClient(db.pool, async (client) => {
      await kill(client);
      await client.query('SELECT 1');
    })
  );
});

test('inReadOnlySnapshot: a connection killed inside the snapshot fails the call, not the process', async () => {
  await brokenThenServes(() =>
    inReadOnlySnapshot(db.pool, 'SELECT 1 AS one', async (client) => {
      await kill(client);
      return client.query('SELECT 2');
    })
  );
});
