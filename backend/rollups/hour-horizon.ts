// The hour-level horizons of the rollups (migrations 0023, 0025: counts and histograms): hour rows are
// written and read only for buckets at or after them; the rollup job moves it forward, the retention job deletes the rows left below it.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { LEAN_CUBE_IDS, WIDE_CUBE_IDS } from './cubes.ts';

const DAY_MS = 86_400_000;

/** Moves the horizon to `days` before `now` (hour-aligned; never back). Returns the new horizon, or null if unchanged. */
export async function advanceHourHorizon(pool: pg.Pool, now: Date, days: number): Promise<Date | null> {
  const { rows } = await pool.query<{ hour_from: Date }>(sql('rollups/advance_hour_horizon'), [
    new Date(now.getTime() - days * DAY_MS),
  ]);
  return rows[0]?.hour_from ?? null;
}

/** Deletes the hour rows (counts and histograms) below the horizons (the lean cubes': below lean_hour_from), `batch` rows per statement. Returns how many. */
export async function deleteHourRowsBelowHorizon(pool: pg.Pool, batch = 50_000): Promise<number> {
  let total = 0;
  for (;;) {
    const {
      rows: [r],
    } = await pool.query<{ wide: number; lean: number; hists: number }>(sql('rollups/delete_hour_rows_below_horizon'), [
      batch,
      LEAN_CUBE_IDS,
      WIDE_CUBE_IDS,
    ]);
    total += r.wide + r.lean + r.hists;
    if (r.wide < batch && r.lean < batch && r.hists < batch) {
      return total;
    }
  }
}
