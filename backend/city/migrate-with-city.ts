// A database made ready for a city in one step: migrated, then the city's file applied (config apply). Migrations
// carry no city's facts (no catalogue, calendars, holidays or time zone; migrations/0002): a database that only ran
// them answers, in UTC, with an empty catalogue, and /readyz says no city is configured. Whatever creates a
// database for use — the demo, the test template, the benches — goes through here with the city it means.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { migrate, type MigrationResult } from '../db/migrate.ts';
import { applyCityFile, type ApplyResult } from './apply.ts';
import { loadCityFile } from './load-file.ts';

/** The demo's city (Dubai): the file the demo, the test template and the benches apply. */
export const DEMO_CITY_FILE = join(fileURLToPath(import.meta.url), '../../../config/cities/dubai.yaml');

export async function migrateWithCity(
  pool: pg.Pool,
  cityFile: string = DEMO_CITY_FILE,
  log: (line: string) => void = () => {}
): Promise<{ migrations: MigrationResult; city: ApplyResult }> {
  const migrations = await migrate(pool, log);
  const city = await applyCityFile(pool, loadCityFile(cityFile), cityFile);
  return { migrations, city };
}
