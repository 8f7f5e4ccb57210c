// backend/db/pool.ts inReadOnlySnapshot: the opening statement and the later ones see one snapshot, the
// transaction is read-only, the client goes back to the pool after its COMMIT, and an error rolls back.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { inReadOnlySnapshot } from '../../backend/db/transaction.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await db.pool.query('CREATE TABLE snapshot_probe (n int)');
  await db.pool.query('INSERT INTO snapshot_probe VALUES (1)');
});
afterAll(async () => {
  await db.drop();
});

test('the opening rows and the later statements read one snapshot', async () => {
  const seen = await inReadOnlySnapshot<{ n: number }, { opening: number; later: number; readOnly: string }>(
    db.pool,
    'SELECT count(*)::int AS n FROM snapshot_probe',
    async (client, [row]) => {
      await db.pool.query('INSERT INTO snapshot_probe VALUES (2)'); // another connection, committed
      const later = (await client.query('SELECT count(*)::int AS n FROM snapshot_probe')).rows[0].n;
      const readOnly = (await client.query('SHOW transaction_read_only')).rows[0].transaction_read_only;
      return { opening: row.n, later, readOnly };
    }
  );
  assert.deepEqual(seen, { opening: 1, later: 1, readOnly: 'on' });
  assert.equal((await db.pool.query('SELECT count(*)::int AS n FROM snapshot_probe')).rows[0].n, 2);
});

test('the client returns to the pool, outside any transaction, once its COMMIT is done', async () => {
  // The answer comes before the COMMIT ends, so a busy machine may open a few more clients meanwhile; what must
  // hold is that every one of them comes back (waited for on the pool's counts, with a generous bound).
  for (let i = 0; i < 20; i++) {
    await inReadOnlySnapshot(db.pool, 'SELECT 1 AS one', async () => i);
  }
  for (let i = 0; i < 3000 && db.pool.idleCount < db.pool.totalCount; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.equal(
    db.pool.idleCount,
    db.pool.totalCount,
    `every client idle again (${db.pool.idleCount} of ${db.pool.totalCount})`
  );
  const client = await db.pool.connect();
  try {
    assert.equal((await client.query('SELECT now() = statement_timestamp() AS outside')).rows[0].outside, true);
  } finally {
    client.release();
  }
});

test('an error rolls the snapshot back and reaches the caller', async () => {
  await assert.rejects(
    inReadOnlySnapshot(db.pool, 'SELECT 1 AS one', async (client) => {
      await client.query('INSERT INTO snapshot_probe VALUES (3)');
    }),
    /read-only transaction/
  );
  await assert.rejects(
    inReadOnlySnapshot(db.pool, 'SELECT 1 AS one', async () => {
      throw new Error('boom');
    }),
    /boom/
  );
  assert.equal((await db.pool.query('SELECT count(*)::int AS n FROM snapshot_probe')).rows[0].n, 2);
  for (let i = 0; i < 100 && db.pool.idleCount < db.pool.totalCount; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.equal(db.pool.idleCount, db.pool.totalCount);
});
