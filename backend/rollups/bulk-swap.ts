// The tables the fresh build (bulk-fresh.ts) writes anew, and how the new ones take the place of the old ones.
//
// Each new table is made from its old one by the catalog (bulk_swap_prepare.sql: LIKE … INCLUDING ALL EXCLUDING
// INDEXES, its options, comment, privileges and statistics targets), filled with no index, then given the old one's
// indexes and constraints under names of their own (bulk_swap_indexes.sql) and analyzed. The swap, in the build's
// transaction: the old tables locked ACCESS EXCLUSIVE (the only moment readers wait), renamed aside, the new ones
// renamed in, the views reading them rebuilt on the new ones (bulk_swap_views.sql; CREATE OR REPLACE keeps each view,
// its privileges and what reads it), the old ones dropped and the indexes and constraints renamed to the old names —
// so the migrations after find every name they know. What the swap cannot carry over (a trigger, a foreign key, a
// policy, a publication…: bulk_swap_obstacles.sql) keeps the build on the batch path.
import type pg from 'pg';
import { bindNamed } from '../db/named-params.ts';
import { sqlFile, sqlTemplate } from '../db/sql.ts';
import { identifier, joinFragments, type SqlFragment } from '../db/sql-fragment.ts';

/** The applied tables, rebuilt together. The only table names that reach SQL text here. */
export const FRESH_TABLES = ['rollups', 'rollup_hist', 'rollup_state', 'tile_bin_counts', 'tile_bin_state'] as const;
export type FreshTable = (typeof FRESH_TABLES)[number];

/** The new table being built for `table` (the fresh build's SQL writes into these names). */
export const freshTable = (table: FreshTable) => `${table}_fresh`;
const retiredTable = (table: FreshTable) => `${table}_retired`;
/** Every name the swap's statements may carry: the tables, their new and their retired names. */
const SWAP_NAMES: readonly string[] = FRESH_TABLES.flatMap((t) => [t, freshTable(t), retiredTable(t)]);
const tableName = (name: string): SqlFragment => identifier(name, SWAP_NAMES);
const tableList = (names: readonly string[]): SqlFragment => joinFragments(names.map(tableName));
/** A statement of bulk_swap_*.sql with its table slots filled and no value to bind. */
const runTemplate = (client: pg.ClientBase, name: string, slots: Record<string, SqlFragment>) =>
  client.query(bindNamed(sqlTemplate(`rollups/${name}`, slots), {}));
/** After an index or constraint name of the new tables until the swap. */
const FRESH_SUFFIX = '_fresh';

/** How long the swap waits for readers to let go before it steps back and tries again (they queue behind it meanwhile). */
const SWAP_LOCK_TIMEOUT = '2s';
const SWAP_LOCK_TRIES = 30;

/** The statements that build `table`'s indexes on its new table, and that rename them once swapped (bulk_swap_indexes.sql). */
const swapIndexes = (table: FreshTable) =>
  bindNamed(sqlFile('rollups/bulk_swap_indexes'), {
    old_table: table,
    new_table: freshTable(table),
    suffix: FRESH_SUFFIX,
  });

/** What keeps the build off the fresh path, in words ("rollups: trigger t on table rollups"); empty when nothing does. */
export async function swapObstacles(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ table: string; what: string }>(
    bindNamed(sqlFile('rollups/bulk_swap_obstacles'), { tables: FRESH_TABLES })
  );
  return rows.map((r) => `${r.table}: ${r.what}`);
}

/** Creates the new, unindexed tables beside the old ones (`tables`: those this session builds). */
export async function createFreshTables(client: pg.ClientBase, tables: readonly FreshTable[]): Promise<void> {
  for (const table of tables) {
    const { rows } = await client.query<{ statement: string }>(
      bindNamed(sqlFile('rollups/bulk_swap_prepare'), { old_table: table, new_table: freshTable(table) })
    );
    for (const r of rows) {
      await client.query(r.statement);
    }
  }
}

/** Drops the committed new tables of `tables` that exist (a fresh build's side that did not reach the swap). */
export async function dropFreshTables(client: pg.ClientBase, tables: readonly FreshTable[]): Promise<void> {
  await runTemplate(client, 'bulk_swap_drop_fresh', { tables: tableList(tables.map(freshTable)) });
}

/** Gives the new `tables` the old ones' indexes and constraints (under their own names) and their statistics. */
export async function indexFreshTables(
  client: pg.ClientBase,
  tables: readonly FreshTable[],
  step: (phase: string) => void
): Promise<void> {
  for (const table of tables) {
    step(`indexes ${table}`);
    const { rows } = await client.query<{ create: string }>(swapIndexes(table));
    for (const r of rows) {
      await client.query(r.create);
    }
  }
  step('analyze');
  await runTemplate(client, 'bulk_swap_analyze', { tables: tableList(tables.map(freshTable)) });
}

/** Takes the old tables ACCESS EXCLUSIVE, stepping back (savepoint) after SWAP_LOCK_TIMEOUT so readers never queue long. */
async function lockForSwap(client: pg.ClientBase): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await client.query('SAVEPOINT bulk_swap_lock');
    try {
      if (attempt < SWAP_LOCK_TRIES) {
        await client.query(bindNamed(sqlFile('rollups/bulk_swap_lock_timeout'), { timeout: SWAP_LOCK_TIMEOUT }));
      }
      await runTemplate(client, 'bulk_swap_lock', { tables: tableList(FRESH_TABLES) });
      await client.query('RELEASE SAVEPOINT bulk_swap_lock');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55P03' || attempt >= SWAP_LOCK_TRIES) {
        throw err;
      }
      await client.query('ROLLBACK TO SAVEPOINT bulk_swap_lock');
    }
  }
}

/** The swap, inside the build's transaction: the new tables take the old ones' names, views and index names. */
export async function swapInFreshTables(client: pg.ClientBase): Promise<void> {
  await lockForSwap(client);
  // Read before the renames: the views' text names the tables as they are called now.
  const { rows: views } = await client.query<{ statement: string }>(
    bindNamed(sqlFile('rollups/bulk_swap_views'), { tables: FRESH_TABLES })
  );
  const renames: string[] = [];
  for (const table of FRESH_TABLES) {
    const { rows } = await client.query<{ rename: string }>(swapIndexes(table));
    renames.push(...rows.map((r) => r.rename));
  }
  for (const table of FRESH_TABLES) {
    await runTemplate(client, 'bulk_swap_rename', {
      table: tableName(table),
      new_name: tableName(retiredTable(table)),
    });
    await runTemplate(client, 'bulk_swap_rename', { table: tableName(freshTable(table)), new_name: tableName(table) });
  }
  for (const v of views) {
    await client.query(v.statement);
  }
  await runTemplate(client, 'bulk_swap_drop_retired', { tables: tableList(FRESH_TABLES.map(retiredTable)) });
  for (const r of renames) {
    await client.query(r);
  }
}
