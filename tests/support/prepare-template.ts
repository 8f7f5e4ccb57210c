// The template database each integration test file clones (tests/support/db.ts): migrated, with the demo's city
// (config/cities/dubai.yaml) applied. jest prepares it once before the integration tests (tests/jest/
// prepare-databases.ts) and drops it, with every database a test file created in the run, afterwards.
import pg from 'pg';
import { createPool } from '../../backend/db/pool.ts';
import { migrateWithCity } from '../../backend/city/migrate-with-city.ts';
import { loadConfig } from '../../backend/config.ts';
import { TEMPLATE_DB, TEST_DB_LIKE, adminUrl, urlFor } from './db-names.ts';

/** Drops this run's template and every database a test file of this run created. */
export async function dropRunDatabases(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2',
      [TEMPLATE_DB, TEST_DB_LIKE]
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

/** (Re)creates this run's template database: dropped first, with anything a previous run of the same id left. */
export async function prepareTemplate(): Promise<void> {
  await dropRunDatabases();
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const pool = createPool(urlFor(TEMPLATE_DB), loadConfig());
  try {
    await migrateWithCity(pool);
  } finally {
    await pool.end();
  }
}
