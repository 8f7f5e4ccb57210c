// A fresh, migrated database per test file, cloned from the template prepared before the run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool } from '../../backend/db/pool.ts';
import { loadConfig } from '../../backend/config.ts';
import { TEMPLATE_DB, TEST_DB_PREFIX, adminUrl, urlFor } from './db-names.ts';

export type TestDatabase = { name: string; url: string; pool: pg.Pool; drop: () => Promise<void> };

export async function freshDatabase(): Promise<TestDatabase> {
  const name = `${TEST_DB_PREFIX}${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
        break;
      } catch (err) {
        // Two files cloning the template at the same instant: "source database is being accessed".
        if (attempt > 20 || (err as { code?: string }).code !== '55006') {
          throw err;
        }
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return opened(name);
}

/** A pool on the named test database, and how to drop it. */
function opened(name: string): TestDatabase {
  const url = urlFor(name);
  const pool = createPool(url, loadConfig());
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => a.end());
    },
  };
}

/** A snapshot of row counts of the tables ingestion writes, to prove a rejected call wrote nothing. */
export async function rowCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const tables = ['requests', 'request_events', 'customers', 'rollup_pending', 'zones', 'audit_log'];
  const out: Record<string, number> = {};
  for (const t of tables) {
    out[t] = (await pool.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
  }
  return out;
}

/** A new, empty database (no template, no migration): what `services360 migrate` meets on a new installation. */
export async function blankDatabase(): Promise<TestDatabase> {
  const name = `${TEST_DB_PREFIX}${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return opened(name);
}
