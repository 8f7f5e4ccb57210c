// Versioned migrations: backend/sql/migrations/NNNN_name.sql, applied in order, each in its own
// transaction, recorded in schema_migrations. Idempotent; an advisory lock keeps two runs apart.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { SQL_DIR } from './sql.ts';
import { markUnusable, transactionOn, withClient } from './transaction.ts';

const MIGRATIONS_DIR = join(SQL_DIR, 'migrations');
const MIGRATION_LOCK = 3600_0001;

export type Migration = { version: number; name: string; file: string; checksum: string; text: string };
export type MigrationResult = { applied: string[]; current: number };

export class MigrationError extends Error {}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        file,
        checksum: createHash('sha256').update(text).digest('hex'),
        text,
      };
    });
}

export async function migrate(pool: pg.Pool, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  return withClient(pool, async (client) => {
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
      const { rows } = await client.query<{ version: number; checksum: string; name: string }>(
        'SELECT version, checksum, name FROM schema_migrations ORDER BY version');
      const done = new Map(rows.map((r) => [r.version, r]));
      const applied: string[] = [];
      for (const m of listMigrations()) {
        const prior = done.get(m.version);
        if (prior) {
          if (prior.checksum !== m.checksum) {
            throw new MigrationError(`migration ${m.file} was changed after it was applied (checksum differs); add a new migration instead`);
          }
          continue;
        }
        try {
          await transactionOn(client, async () => {
            // A migration that fills a new table from existing rows may take minutes on a large database:
            // the API's statement timeout does not apply to it.
            await client.query("SET LOCAL statement_timeout = 0");
            await client.query(m.text);
            await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
          });
        } catch (err) {
          throw new MigrationError(`migration ${m.file} failed: ${(err as Error).message}`);
        }
        applied.push(m.file);
        log(`applied ${m.file}`);
      }
      const all = listMigrations();
      return { applied, current: all.length ? all[all.length - 1].version : 0 };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => markUnusable(client));
    }
  });
}

/** Versions present in the code but not yet applied (for /readyz). */
export async function pendingMigrations(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ version: number }>(
    "SELECT version FROM schema_migrations").catch(() => ({ rows: [] as { version: number }[] }));
  const done = new Set(rows.map((r) => r.version));
  return listMigrations().filter((m) => !done.has(m.version)).map((m) => m.file);
}
