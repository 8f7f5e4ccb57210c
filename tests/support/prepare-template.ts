// Before the test files run: (re)creates the template database that each test file clones: migrated, with the
// demo's city (config/cities/dubai.yaml) applied.
// With --cleanup: drops the template and every database a test file created in this run.
import pg from 'pg';
import { createPool } from '../../backend/db/pool.ts';
import { migrateWithCity } from '../../backend/city/migrate-with-city.ts';
import { loadConfig } from '../../backend/config.ts';
import { TEMPLATE_DB, TEST_DB_PREFIX, adminUrl, urlFor } from './db-names.ts';

const admin = new pg.Client({ connectionString: adminUrl() });
await admin.connect();
try {
  const { rows } = await admin.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2',
    [TEMPLATE_DB, `${TEST_DB_PREFIX}%`]
  );
  for (const { datname } of rows) {
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  if (!process.argv.includes('--cleanup')) {
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
    const pool = createPool(urlFor(TEMPLATE_DB), loadConfig());
    await migrateWithCity(pool);
    await pool.end();
  }
} finally {
  await admin.end();
}
