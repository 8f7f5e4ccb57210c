// The fresh build: the bulk build's path when nothing has been applied yet (a history loaded into a new city, a
// demo generation, a change of zone, which empties the rollups). Instead of adding batch after batch into the wide
// unique indexes (ON CONFLICT, row by row), every table is written anew, set-based and with no index, then indexed,
// analyzed and swapped in (bulk-swap.ts). All of it is ONE transaction:
//   lock      the applied tables SHARE (writers wait, readers go on) and check they are empty — else the batch path
//   claim     every pending mark, as the incremental job claims (FOR UPDATE SKIP LOCKED, deleted here): until the
//             commit other sessions still see them pending, so a query stays exact (rollups empty + pending counted
//             from the raw rows); a writer re-marking a claimed request waits for the commit, then its mark stays for
//             the incremental job; requests written meanwhile are not claimed and stay pending too
//   hand-over this transaction's snapshot and the claimed ids handed to two more sessions, the sides, which build,
//             index and commit meanwhile one rollup_hist_fresh, the other the tile bins' two tables (bulk-fresh-side.ts)
//   versions  the current version of the claimed requests and their facts (one row per instant, with its hour and
//             day), in unlogged staging tables
//   cubes…    each cube staged by CREATE TABLE … AS from the facts or from a finer staged
//             cube, then all written in key order with their months, with no conflict to check (bulk-fresh-cubes.ts)
//   indexes   the old tables' indexes and constraints built on the new ones, then ANALYZE
//   side      both sides waited for (their tables committed)
//   swap      the only moment readers wait: renames, views rebuilt, old tables dropped (bulk-swap.ts)
// Three sessions on the bench's two cores: the operating system shares the cores among them, so no core idles while
// one session's part outlasts the others' (with the tile bins going to whichever of two sessions was free first,
// the other waited: at 1 M history requests the main build waited 37–56 s of 113–153 s; with three, it waits for
// none and the build took 106–119 s; the demo's 31–33 s against 36 s). Its first and last steps (claim, hand-over;
// state, its indexes, swap) run in the main session alone: at 10 M requests the build kept 1.64 of 2 cores busy
// (bench:history's CPU line), 135 s of its 883 s in those steps.
// A failure anywhere rolls everything back: the marks stay, the old (empty) tables stay; the sides are stopped and what
// they committed dropped first. Two fresh builds never overlap: each holds the fresh-build lock (an advisory lock of its
// transaction) from its first statement.
//
// Writes what the incremental job writes for the same requests (tests/integration/bulk-rollups.test.ts compares
// them row for row, and tests/integration/query-exactness-bulk.test.ts asks queries during and after the build).
import type pg from 'pg';
import { begin, commit, queryEach, rollback, withClient } from '../db/transaction.ts';
import { bindNamed } from '../db/named-params.ts';
import { sql, sqlFile } from '../db/sql.ts';
import { MAX_LONGITUDE, MAX_MERCATOR_LATITUDE } from '../geo/projectable.ts';
import { quarantineRows, type QuarantinedRow } from '../jobs/quarantine.ts';
import { writeFreshCubes } from './bulk-fresh-cubes.ts';
import { SIDE_TABLES, startSide, type Side, type SidePart } from './bulk-fresh-side.ts';
import { createFreshTables, FRESH_TABLES, indexFreshTables, swapInFreshTables, swapObstacles } from './bulk-swap.ts';
import { ROLLUP_JOB } from './apply.ts';
import { jobLockKey } from '../jobs/run-once.ts';

/** The tables the main build writes; the sides write the histograms and the tile bins. */
const MAIN_TABLES = FRESH_TABLES.filter((t) => !SIDE_TABLES.includes(t));
/** The advisory lock a fresh build holds for its transaction (the sides' leftovers are dropped under it). */
const FRESH_BUILD_LOCK = jobLockKey('rollups fresh build');

export type FreshOptions = {
  /** work_mem of the build's transaction (its sorts and groupings) */
  workMemMb: number;
  /** maintenance_work_mem of the build's transaction (its index builds) */
  maintenanceWorkMemMb: number;
  /** called at each step */
  step: (phase: string) => void;
  /** called once the new tables are built and indexed, before the swap, the transaction still open (tests ask queries here) */
  beforeSwap?: () => Promise<void>;
};

export type FreshBuild =
  | {
      built: true;
      requests: number;
      quarantined: number;
      rollupRows: number;
      histRows: number;
      tileRows: number;
    }
  /** not run: rollups already applied (the batch path's case), nothing pending, or what keeps it off (said in `why`) */
  | { built: false; reason: 'applied' | 'nothing pending' | 'cannot'; why?: string };

/** The fresh build, or why it did not run (the applied tables are not empty, or hold what the swap cannot carry). */
export async function buildFresh(pool: pg.Pool, options: FreshOptions): Promise<FreshBuild> {
  return withClient(pool, async (client) => {
    const sides: Side[] = [];
    await begin(client);
    try {
      const result = await build(pool, client, options, sides);
      if (result.built) {
        await commit(client);
      } else {
        await rollback(client);
      }
      return result;
    } catch (err) {
      // Before the rollback, which lets the fresh-build lock go.
      await Promise.all(sides.map((side) => side.abandon()));
      await rollback(client);
      throw err;
    }
  });
}

/** The settings of the build's transactions (the main one and the sides'). */
async function configure(client: pg.ClientBase, options: FreshOptions): Promise<void> {
  // No parallel workers: the sessions keep both cores busy, and a worker's partial grouping is then work done
  // twice. The build alone at 231,250 demo requests, three rounds in turn: 39.4 / 37.3 / 31.6 s without workers
  // against 49.1 / 52.9 / 37.8 s with them (parallel plans made cheap, as they were for one session), load 1.3–2.6.
  await client.query(
    `SELECT set_config('work_mem', $1, true), set_config('maintenance_work_mem', $2, true),
                             set_config('statement_timeout', '0', true),
                             set_config('max_parallel_workers_per_gather', '0', true)`,
    [`${Math.max(4, Math.floor(options.workMemMb))}MB`, `${Math.max(64, Math.floor(options.maintenanceWorkMemMb))}MB`]
  );
}

async function build(pool: pg.Pool, client: pg.PoolClient, options: FreshOptions, sides: Side[]): Promise<FreshBuild> {
  const { step } = options;
  // One fresh build at a time: a second one waits here, holding nothing else yet (were it to hold even a read lock
  // on the applied tables, the first one's swap would wait for it and it for the first), then finds them filled.
  await client.query('SELECT pg_advisory_xact_lock($1)', [FRESH_BUILD_LOCK]);
  await configure(client, options);
  const empty = async () => (await client.query<{ empty: boolean }>(sql('rollups/bulk_fresh_empty'))).rows[0].empty;
  // Rollups already applied (the usual case in a live city): the batch path, without taking any table lock.
  if (!(await empty())) {
    return { built: false, reason: 'applied' };
  }
  // The horizons stay put while the build reads them (as in apply.ts).
  await client.query(sql('rollups/share_hour_horizon'));
  await client.query(sql('rollups/bulk_fresh_lock'));
  if (!(await empty())) {
    return { built: false, reason: 'applied' };
  }
  const obstacles = await swapObstacles(client);
  if (obstacles.length) {
    return { built: false, reason: 'cannot', why: `the swap cannot carry ${obstacles.join('; ')}` };
  }

  step('claim');
  const [, claimed] = await queryEach(client, sql('rollups/bulk_fresh_claim'));
  if (!claimed.rowCount) {
    return { built: false, reason: 'nothing pending' };
  }
  // Points the map cannot project are set aside, as the incremental job does.
  const { rows: unprojectable } = await client.query<{ request_id: string; error: string }>(
    bindNamed(sqlFile('rollups/bulk_fresh_unprojectable'), {
      max_latitude: MAX_MERCATOR_LATITUDE,
      max_longitude: MAX_LONGITUDE,
    })
  );
  const bad: QuarantinedRow[] = unprojectable.map((u) => ({ requestId: Number(u.request_id), error: u.error }));

  step('hand-over');
  const {
    rows: [handover],
  } = await client.query<{ snapshot: string; ids: string }>(sql('rollups/bulk_fresh_handover'));
  const side = async (part: SidePart) => {
    const started = await startSide(pool, {
      snapshot: handover.snapshot,
      ids: handover.ids,
      configure: (sideClient) => configure(sideClient, options),
      part,
    });
    sides.push(started);
    return started;
  };
  const histograms = await side('histograms');
  const tileBins = await side('tile bins');
  step('versions');
  await client.query(sql('rollups/bulk_fresh_versions'));
  await client.query(sql('rollups/bulk_fresh_facts'));
  await createFreshTables(client, MAIN_TABLES);
  const rollupRows = await writeFreshCubes(client, 'cube', step);
  step('state');
  await client.query(sql('rollups/bulk_fresh_state'));
  await indexFreshTables(client, MAIN_TABLES, step);
  step('side');
  // Both at once: the first failure fails the build (the other side is then abandoned with it).
  const [histRows, tileRows] = await Promise.all([histograms.done, tileBins.done]);

  await quarantineRows(client, ROLLUP_JOB, bad);
  // Those quarantined before and built now (fixed since) leave the list.
  await client.query(bindNamed(sqlFile('rollups/bulk_fresh_release'), { job: ROLLUP_JOB }));
  const {
    rows: [ids],
  } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bulk_fresh_ids');
  await client.query(sql('rollups/bulk_fresh_drop_staging'));
  await options.beforeSwap?.();
  step('swap');
  await swapInFreshTables(client);
  return {
    built: true,
    requests: ids.n,
    quarantined: bad.length,
    rollupRows,
    histRows,
    tileRows,
  };
}
