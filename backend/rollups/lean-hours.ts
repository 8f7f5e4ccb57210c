// The lean cubes' hour rows below lean_hour_from (migration 0030), rebuilt a day at a time from the applied
// request versions, newest day first, lowering lean_hour_from with each day until the whole history has them
// ('-infinity'). A new database never needs it; one whose rollups predate migration 0030 does, once.
// Each day is one transaction that first locks the horizon row: a rollup batch takes that row FOR SHARE
// (backend/rollups/apply.ts), so no batch can change a request between the rebuild's read and the new horizon.
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql, sqlTemplate } from '../db/sql.ts';
import { cubeIdSql, DIMENSIONS, groupingSetsSql, LEAN_CUBE_IDS, LEAN_CUBES } from './cubes.ts';

const DAY_MS = 86_400_000;

let backfillSql: string | null = null;
function backfillStatement(): string {
  const present = DIMENSIONS.filter((d) => LEAN_CUBES.some((c) => c.includes(d)));
  backfillSql ??= sqlTemplate('rollups/backfill_lean_hours', {
    lean_cube_id: cubeIdSql(present),
    lean_grouping_sets: groupingSetsSql(LEAN_CUBES),
  }).text;
  return backfillSql;
}

const bound = (t: number) => (t === -Infinity ? '-infinity' : new Date(t).toISOString());
const instant = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : null);

export type LeanBackfill = { days: number; rows: number; done: boolean };

/** Rebuilds up to `maxDays` days of lean hour rows below lean_hour_from. `done`: the whole history has them. */
export async function backfillLeanHours(pool: pg.Pool, maxDays: number): Promise<LeanBackfill> {
  const result: LeanBackfill = { days: 0, rows: 0, done: false };
  // The usual case, checked without a lock: nothing to rebuild.
  const {
    rows: [now],
  } = await pool.query<{ lean_hour_from: unknown }>(sql('rollups/lean_hour_from'));
  if (instant(now.lean_hour_from) === -Infinity) {
    return { ...result, done: true };
  }
  while (result.days < maxDays) {
    const step = await inTransaction(pool, async (client) => {
      await client.query(`SELECT set_config('statement_timeout', '0', true)`);
      const {
        rows: [h],
      } = await client.query<{ lean_hour_from: unknown }>(sql('rollups/lock_hour_horizon'));
      const hi = instant(h.lean_hour_from);
      if (hi === null || hi === -Infinity) {
        return null;
      }
      const {
        rows: [s],
      } = await client.query<{ first: unknown }>(sql('rollups/first_state_instant'));
      const first = instant(s.first);
      // The last day reaches down to -infinity: nothing is older than the oldest instant.
      const lo = first === null || hi - DAY_MS <= first ? -Infinity : hi - DAY_MS;
      await client.query(sql('rollups/delete_lean_hour_rows'), [bound(lo), bound(hi), LEAN_CUBE_IDS]);
      const inserted = await client.query(backfillStatement(), [bound(lo), bound(hi)]);
      await client.query(sql('rollups/lower_lean_hour_horizon'), [bound(lo)]);
      return { rows: inserted.rowCount ?? 0, last: lo === -Infinity };
    });
    if (!step) {
      result.done = true;
      break;
    }
    result.days++;
    result.rows += step.rows;
    if (step.last) {
      result.done = true;
      break;
    }
  }
  return result;
}
