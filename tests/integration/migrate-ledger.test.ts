// The migration ledger: an applied migration's statements may not change, its comments may; rows recorded before
// the ledger kept the statements' checksum are checked against the whole text once, then get it.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { listMigrations, migrate, MigrationError } from '../../backend/db/migrate.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const last = () => listMigrations().at(-1)!;
const row = async (version: number) =>
  (
    await db.pool.query<{ checksum: string; statements_checksum: string | null }>(
      'SELECT checksum, statements_checksum FROM schema_migrations WHERE version = $1',
      [version]
    )
  ).rows[0];

test('a migrated database records both checksums and migrates again without change', async () => {
  const m = last();
  assert.deepEqual(await row(m.version), { checksum: m.checksum, statements_checksum: m.statementsChecksum });
  assert.deepEqual((await migrate(db.pool)).applied, []);
});

test('an older row (no statements checksum) whose text matches is accepted and gets the statements checksum', async () => {
  const m = last();
  await db.pool.query('UPDATE schema_migrations SET statements_checksum = NULL WHERE version = $1', [m.version]);
  await migrate(db.pool);
  assert.equal((await row(m.version)).statements_checksum, m.statementsChecksum);
});

test('changed statements are refused, for a new row and an older one alike', async () => {
  const m = last();
  await db.pool.query("UPDATE schema_migrations SET statements_checksum = 'x' WHERE version = $1", [m.version]);
  await assert.rejects(
    migrate(db.pool),
    (e: unknown) => e instanceof MigrationError && e.message.includes(m.file) && /statements differ/.test(e.message)
  );
  await db.pool.query("UPDATE schema_migrations SET statements_checksum = NULL, checksum = 'x' WHERE version = $1", [
    m.version,
  ]);
  await assert.rejects(migrate(db.pool), (e: unknown) => e instanceof MigrationError && e.message.includes(m.file));
  await db.pool.query('UPDATE schema_migrations SET checksum = $2, statements_checksum = $3 WHERE version = $1', [
    m.version,
    m.checksum,
    m.statementsChecksum,
  ]);
});
