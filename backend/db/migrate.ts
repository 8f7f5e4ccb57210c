// Versioned migrations: backend/sql/migrations/NNNN_name.sql, applied in order, each in its own
// transaction, recorded in schema_migrations. Idempotent; an advisory lock keeps two runs apart.
// An applied migration's statements may never change; its comments may (they are documentation): the ledger
// keeps the checksum of the statements alone (full-line `--` comments and blank lines left out). A row recorded
// before that column existed is checked against the whole text once, then gets its statements' checksum.
// A migration that had to change lists its earlier texts in migrations/amendments.json, each with why a database
// that ran it is equivalent: the ledger accepts those and records the current text (Liquibase's validCheckSum).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { SQL_DIR } from './sql.ts';
import { markUnusable, transactionOn, withClient } from './transaction.ts';

const MIGRATIONS_DIR = join(SQL_DIR, 'migrations');
const MIGRATION_LOCK = 3600_0001;

/** `checksum`: of the whole text (the ledger's older rows); `statementsChecksum`: of the statements alone. */
export type Migration = {
  version: number;
  name: string;
  file: string;
  checksum: string;
  statementsChecksum: string;
  text: string;
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The text without full-line comments, blank lines or trailing spaces: what a comment-only edit leaves as it was. */
export function statementsOf(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l !== '' && !l.trimStart().startsWith('--'))
    .join('\n');
}
export type MigrationResult = { applied: string[]; current: number };

export class MigrationError extends Error {}

/** An earlier text of a migration that the ledger still accepts (migrations/amendments.json). */
export type Amendment = { text_sha256: string; statements_sha256: string; why: string };
type LedgerRow = { checksum: string; statements_checksum: string | null };

/** The amendments file, checked: every entry names a migration file and carries both checksums and a reason. */
export function readAmendments(
  text = readFileSync(join(MIGRATIONS_DIR, 'amendments.json'), 'utf8')
): Map<string, Amendment[]> {
  const doc = JSON.parse(text) as Record<string, unknown>;
  const out = new Map<string, Amendment[]>();
  const sha = /^[0-9a-f]{64}$/;
  for (const [file, list] of Object.entries(doc)) {
    if (file.startsWith('$')) {
      continue;
    }
    if (!/^\d{4}_[a-z0-9_]+\.sql$/.test(file) || !Array.isArray(list)) {
      throw new MigrationError(`amendments.json: ${file} is not a migration file with a list`);
    }
    list.forEach((a: Partial<Amendment>, i) => {
      if (!sha.test(a.text_sha256 ?? '') || !sha.test(a.statements_sha256 ?? '') || !a.why?.trim()) {
        throw new MigrationError(
          `amendments.json: ${file}[${i}] needs text_sha256, statements_sha256 (64 hex digits) and why`
        );
      }
    });
    out.set(file, list as Amendment[]);
  }
  return out;
}

/** Whether a ledger row records this text: by its statements, or (an older row) by the whole text. */
const records = (row: LedgerRow, text: { checksum: string; statementsChecksum: string }) =>
  row.statements_checksum === null
    ? row.checksum === text.checksum
    : row.statements_checksum === text.statementsChecksum;

/** How the ledger row stands to the migration: the current text, an accepted earlier one (with why), or neither. */
export function ledgerVerdict(
  row: LedgerRow,
  m: Migration,
  amendments: Amendment[] = []
): { same: true } | { amended: Amendment } | { changed: true } {
  if (records(row, m)) {
    return { same: true };
  }
  const amended = amendments.find((a) =>
    records(row, { checksum: a.text_sha256, statementsChecksum: a.statements_sha256 })
  );
  return amended ? { amended } : { changed: true };
}

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
        checksum: sha256(text),
        statementsChecksum: sha256(statementsOf(text)),
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
      await client.query('ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS statements_checksum text');
      const { rows } = await client.query<{ version: number; checksum: string; statements_checksum: string | null }>(
        'SELECT version, checksum, statements_checksum FROM schema_migrations ORDER BY version'
      );
      const done = new Map(rows.map((r) => [r.version, r]));
      const amendments = readAmendments();
      const applied: string[] = [];
      for (const m of listMigrations()) {
        const prior = done.get(m.version);
        if (prior) {
          const verdict = ledgerVerdict(prior, m, amendments.get(m.file));
          if ('changed' in verdict) {
            throw new MigrationError(
              `migration ${m.file} was changed after it was applied (its statements differ); add a new migration instead`
            );
          }
          if ('amended' in verdict) {
            await client.query(
              'UPDATE schema_migrations SET checksum = $2, statements_checksum = $3 WHERE version = $1',
              [m.version, m.checksum, m.statementsChecksum]
            );
            log(`${m.file}: applied in an earlier text, accepted (${verdict.amended.why})`);
          } else if (prior.statements_checksum === null) {
            await client.query('UPDATE schema_migrations SET statements_checksum = $2 WHERE version = $1', [
              m.version,
              m.statementsChecksum,
            ]);
          }
          continue;
        }
        try {
          await transactionOn(client, async () => {
            // A migration that fills a new table from existing rows may take minutes on a large database:
            // the API's statement timeout does not apply to it.
            await client.query('SET LOCAL statement_timeout = 0');
            await client.query(m.text);
            await client.query(
              'INSERT INTO schema_migrations (version, name, checksum, statements_checksum) VALUES ($1, $2, $3, $4)',
              [m.version, m.name, m.checksum, m.statementsChecksum]
            );
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
  const { rows } = await pool
    .query<{ version: number }>('SELECT version FROM schema_migrations')
    .catch(() => ({ rows: [] as Array<{ version: number }> }));
  const done = new Set(rows.map((r) => r.version));
  return listMigrations()
    .filter((m) => !done.has(m.version))
    .map((m) => m.file);
}
