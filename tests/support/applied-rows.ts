// The applied tables of the rollups with their keys, and their rows in key order: how two builds are compared row
// for row (tests/integration/bulk-rollups.test.ts, bulk-fresh-side.test.ts).
import type pg from 'pg';

export const APPLIED_TABLE_KEYS: Readonly<Record<string, string>> = {
  rollups: 'level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority',
  rollup_hist:
    'level, cube, kind, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority, bin',
  rollup_state: 'request_id',
  tile_bin_counts: 'level, tx, ty, span, bucket, i, j',
  tile_bin_state: 'request_id',
};

/** Every row of `table` (one of `keys`), as JSON, in the order of its key. */
export async function rowsInKeyOrder(
  pool: pg.Pool,
  table: string,
  keys: Readonly<Record<string, string>> = APPLIED_TABLE_KEYS
): Promise<string[]> {
  const { rows } = await pool.query(`SELECT * FROM ${table} ORDER BY ${keys[table]}`);
  return rows.map((r) => JSON.stringify(r));
}
