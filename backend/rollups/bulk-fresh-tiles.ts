// The fresh build's tile bins (bulk-fresh.ts; its tile side builds them: bulk-fresh-side.ts): what the incremental
// job counts (apply_tile_bins.sql: every request in its cell at every cell level 5..18, by day and by month), derived
// level from level instead of grouping every request at every level and span at once (200,000 requests: 5.6 M rows
// grouped and sorted in one statement). In order:
//   state     tile_bin_state_fresh, every claimed request's time and position (bulk_fresh_tile_state.sql)
//   days      the finest level's day bins grouped from it, each day's month beside it (…_days_finest.sql); then each
//             coarser level's from the level below, a cell's parent being its index >> 1 (…_days_parent.sql), in
//             unlogged staging tables, one per level
//   levels    from the coarsest to the finest (the key's order), a level's days and its months (its days grouped by
//             month) into tile_bin_counts_fresh in the key's order, its staging table dropped (…_tile_level.sql)
// bench:history at 200,000 requests (2,039,259 bins), one statement → so, runs in turn: 25.5 → 14.3 s at load 5–7,
// 17.4 → 12.6 s at load ~2; the primary key's build after it 2.5 → 2.1 s and 1.8 → 1.5 s. Exact by construction:
// counts and sums of positions add, a cell of one level lies in one cell of the next coarser, a local day in one
// local month. tests/integration/bulk-rollups.test.ts compares the result with the incremental job's row for row.
import type pg from 'pg';
import { bindNamed } from '../db/named-params.ts';
import { sql, sqlTemplate } from '../db/sql.ts';
import { integer, type SqlFragment } from '../db/sql-fragment.ts';
import { queryEach } from '../db/transaction.ts';
import { PRECOUNTED_BIN_MAX_ZOOM, PRECOUNTED_CELL_ZOOM } from '../geo/request-tiles.ts';

/** The finest cell level counted (zoom 18) and the coarsest (zoom 5: the cells of the zoom-0 tile). */
const FINEST_LEVEL = PRECOUNTED_CELL_ZOOM;
const COARSEST_LEVEL = PRECOUNTED_CELL_ZOOM - PRECOUNTED_BIN_MAX_ZOOM;
/** Bits of the 2^32 position grid (migration 0022's tile_px, tile_py). */
const GRID_BITS = 32;

/** A statement of a backend/sql/rollups template with only integer slots and no value to bind. */
const statement = (name: string, slots: Record<string, SqlFragment>): string =>
  bindNamed(sqlTemplate(`rollups/${name}`, slots), {}).text;

/** The statement staging the finest level's day bins from the state, the one that buckets every request's time. */
export const finestDaysStatement = (): string =>
  statement('bulk_fresh_tile_days_finest', {
    level: integer(FINEST_LEVEL),
    shift: integer(GRID_BITS - FINEST_LEVEL),
  });

/** Writes tile_bin_state_fresh and tile_bin_counts_fresh for the claimed requests (bulk_fresh_ids); the bins written. */
export async function writeFreshTileBins(client: pg.ClientBase): Promise<number> {
  await queryEach(client, sql('rollups/bulk_fresh_tile_state'));
  await client.query(finestDaysStatement());
  for (let level = FINEST_LEVEL - 1; level >= COARSEST_LEVEL; level--) {
    await client.query(statement('bulk_fresh_tile_days_parent', { level: integer(level), child: integer(level + 1) }));
  }
  let bins = 0;
  for (let level = COARSEST_LEVEL; level <= FINEST_LEVEL; level++) {
    const [inserted] = await queryEach(client, statement('bulk_fresh_tile_level', { level: integer(level) }));
    bins += inserted.rowCount ?? 0;
  }
  return bins;
}
