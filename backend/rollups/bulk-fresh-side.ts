// The fresh build's sides (bulk-fresh.ts): rollup_hist_fresh, the histogram cubes, built in a session of its own, and
// the tile bins in another, while the main build writes the cubes, so that every core works. A PostgreSQL session runs
// on one core, and the build's INSERTs take no parallel workers: alone, the build kept about 1.2 of 2 cores busy
// (vmstat, the 3-month demo); with the sides, all (and no parallel worker at all: bulk-fresh.ts says why).
//   start     what a side committed before its process died dropped (under the main build's fresh-build lock);
//             the main build, once it has claimed, exports its snapshot and hands over the claimed ids (as one
//             int8multirange: bulk_fresh_handover.sql); the side begins REPEATABLE READ in that snapshot, so it
//             reads the same requests as the main build (a writer re-marking a claimed request waits for the main
//             build's commit, so the claimed rows cannot change meanwhile either way)
//   build     the histograms: rollup_hist_fresh made like rollup_hist, the durations (bulk_fresh_hist_facts.sql), the
//             histogram cubes (bulk-fresh-cubes.ts); or the tile bins (bulk-fresh-tiles.ts, from the claimed ids
//             made a temporary table: bulk_fresh_side_ids.sql); the indexes and statistics (bulk-swap.ts); then
//             COMMIT: tables no reader reads until the main build's swap renames them in
//   abandon   when the build fails (its main part or the other side): the side's statement cancelled, and what it
//             committed dropped, before the main build rolls back (so no other build can start meanwhile: the main
//             build holds the fresh-build lock)
import pg from 'pg';
import { bindNamed } from '../db/named-params.ts';
import { sqlFile, sqlTemplate } from '../db/sql.ts';
import { writeFreshCubes } from './bulk-fresh-cubes.ts';
import { writeFreshTileBins } from './bulk-fresh-tiles.ts';
import { createFreshTables, dropFreshTables, indexFreshTables, type FreshTable } from './bulk-swap.ts';
import { freshTable } from './bulk-cube-sql.ts';

/** What a side builds: the histograms, or the tile bins; each in a session of its own. */
export type SidePart = 'histograms' | 'tile bins';
/** The tables each side builds and commits. */
const PART_TABLES: Readonly<Record<SidePart, readonly FreshTable[]>> = {
  histograms: ['rollup_hist'],
  'tile bins': ['tile_bin_counts', 'tile_bin_state'],
};
/** Every table the sides build. */
export const SIDE_TABLES: readonly FreshTable[] = Object.values(PART_TABLES).flat();

/** How often an abandoned side is told again to stop, until it has. */
const CANCEL_EVERY_MS = 200;
/** What pg_export_snapshot() answers (hex groups and dashes); checked before it is written into SET TRANSACTION. */
const SNAPSHOT_ID = /^[0-9A-F]+(-[0-9A-F]+)+$/i;

export type Side = {
  /** settles once the side has committed (the rows it wrote: histogram rows, or tile bins) or failed */
  done: Promise<number>;
  /** stops the side and drops what it committed (the main build failed); never throws */
  abandon: () => Promise<void>;
};

export type SideOptions = {
  /** pg_export_snapshot() of the main build's transaction, after its claim */
  snapshot: string;
  /** the claimed ids, an int8multirange's text */
  ids: string;
  /** sets the build's settings in the side's transaction (as the main build's) */
  configure: (client: pg.ClientBase) => Promise<void>;
  /** what this side builds */
  part: SidePart;
};

/** A client of its own, outside the pool (the build must not wait for a pooled client the caller may be holding). */
async function connect(pool: pg.Pool): Promise<pg.Client> {
  const client = new pg.Client(pool.options);
  // A broken connection fails the query running on it; the 'error' event must not end the process.
  client.on('error', () => {});
  await client.connect();
  return client;
}

/**
 * Starts the side, once the tables a side of a dead process committed are dropped (so the main build may create
 * the tile bins' tables under those names); `done` settles when it has committed or failed (a failure is the main
 * build's to throw).
 */
export async function startSide(pool: pg.Pool, options: SideOptions): Promise<Side> {
  if (!SNAPSHOT_ID.test(options.snapshot)) {
    throw new Error(`not a snapshot id: ${options.snapshot}`);
  }
  const client = await connect(pool);
  let pid: number;
  try {
    ({
      rows: [{ pid }],
    } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'));
    await dropFreshTables(client, PART_TABLES[options.part]);
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  let committed = false;
  let abandoned = false;
  const build = async (): Promise<number> => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    try {
      await client.query(`SET TRANSACTION SNAPSHOT '${options.snapshot}'`);
      await options.configure(client);
      const tables = PART_TABLES[options.part];
      await createFreshTables(client, tables);
      const rows = await (options.part === 'histograms'
        ? writeHistograms(client, options.ids)
        : writeTileBins(client, options.ids));
      await indexFreshTables(client, tables, () => {});
      if (abandoned) {
        throw new Error('the fresh build was abandoned');
      }
      await client.query('COMMIT');
      committed = true;
      return rows;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  };
  const done = build();
  // Settled by the main build later; marked handled now so that an early failure is not an unhandled rejection.
  done.catch(() => {});
  let settled = false;
  const finished = done.then(
    () => void (settled = true),
    () => void (settled = true)
  );
  void finished.then(() => client.end().catch(() => {}));
  return {
    done,
    abandon: async () => {
      abandoned = true;
      // One connection of its own to stop the side and drop what it committed.
      const control = await connect(pool).catch(() => null);
      try {
        // A cancel reaches only the statement running; between two statements it is lost, so it is sent again until
        // the side has stopped (the check before COMMIT stops it at the latest there).
        while (!settled) {
          await control?.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => {});
          await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, CANCEL_EVERY_MS).unref())]);
        }
        if (committed && control) {
          await dropFreshTables(control, PART_TABLES[options.part]).catch(() => {});
        }
      } finally {
        await control?.end().catch(() => {});
      }
    },
  };
}

/** The histogram cubes into rollup_hist_fresh, from the claimed requests' durations; the rows written. */
async function writeHistograms(client: pg.ClientBase, ids: string): Promise<number> {
  await client.query(bindNamed(sqlFile('rollups/bulk_fresh_hist_facts'), { ids }));
  await client.query('ANALYZE bulk_fresh_hist_facts');
  const rows = await writeFreshCubes(client, 'hist', () => {});
  await client.query(
    bindNamed(sqlTemplate('rollups/bulk_fresh_drop_stages', { stages: freshTable('bulk_fresh_hist_facts') }), {})
  );
  return rows;
}

/** The tile bins into tile_bin_state_fresh and tile_bin_counts_fresh, from the claimed ids; the bins written. */
async function writeTileBins(client: pg.ClientBase, ids: string): Promise<number> {
  await client.query(bindNamed(sqlFile('rollups/bulk_fresh_side_ids'), { ids }));
  await client.query('ANALYZE bulk_fresh_ids');
  return writeFreshTileBins(client);
}
