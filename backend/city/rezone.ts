// A change of the city's time zone on a database that holds requests (`config apply FILE --rebuild-time-zone`).
// What depends on the zone:
//   - the rollups' day and month buckets (rollup_bucket() reads city_settings) and their histograms;
//   - the tile bins' day and month cells (tile_bin_counts);
//   - the SLA clocks of the requests whose policy's calendar takes the city's zone (a calendar the file names no
//     zone for): working hours are wall-clock hours in that zone, so due times, states and on-time outcomes move.
// Not the hour buckets (UTC hours), the hot spots (rolling windows of instants), the alerting views (rolling
// windows), the raw rows (instants), or the SLA alerts already recorded (a log of what was said then).
//
// In two parts. markZoneRebuild runs inside config apply's transaction: the rollups, tile bins and their applied
// state are emptied and every request marked pending (a query stays exact meanwhile: it adds current − applied for
// pending requests, read from the raw rows — slower, and a large range may meet the query limits), and the SLA
// clocks on the moved calendars are set due for the next sweep. rebuildAfterZoneChange then re-evaluates those
// clocks (the SLA sweep's first pass over a history, sla/history-sweep.ts: every request is pending) and builds the
// rollups in bulk (rollup-history). It is resumable: stopped
// half way, the marks stay, and the aggregator's jobs (or `services360 rollup-history`) finish the work.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { buildRollupsInBulk, type BulkRun } from '../rollups/bulk.ts';
import { sweepSlaHistory } from '../sla/history-sweep.ts';
import type { SweepResult } from '../sla/sweep.ts';

/** Inside the transaction that changes the zone: marks what depends on it for rebuilding. */
export async function markZoneRebuild(client: pg.ClientBase, calendars: readonly string[]): Promise<void> {
  await client.query(sql('city/rezone_reset_rollups'));
  if (calendars.length) {
    await client.query(sql('city/rezone_mark_sla'), [calendars]);
  }
  await client.query(sql('city/rezone_mark_rollups'));
}

export type ZoneRebuild = { sla: SweepResult; rollups: BulkRun; seconds: { sla: number; rollups: number } };

/** After the change committed: the SLA clocks, then the rollups (so they are built once, with the new outcomes). */
export async function rebuildAfterZoneChange(
  pool: pg.Pool,
  now: Date,
  log: (line: string) => void = () => {}
): Promise<ZoneRebuild> {
  const t0 = performance.now();
  let sla = await sweepSlaHistory(pool, now);
  // Another sweep holds the lock (an aggregator's job): wait for it to finish, then sweep what is left.
  while (!sla.ran) {
    await new Promise((r) => setTimeout(r, 500));
    sla = await sweepSlaHistory(pool, now);
  }
  const t1 = performance.now();
  log(
    `SLA clocks: ${sla.evaluated.toLocaleString('en')} evaluated, ${sla.changed.toLocaleString('en')} changed (${((t1 - t0) / 1000).toFixed(1)} s)`
  );
  const rollups = await buildRollupsInBulk(pool, { waitForLock: true });
  const t2 = performance.now();
  log(
    `rollups: ${rollups.requests.toLocaleString('en')} requests in ${rollups.batches} batch(es) (${((t2 - t1) / 1000).toFixed(1)} s)`
  );
  return { sla, rollups, seconds: { sla: (t1 - t0) / 1000, rollups: (t2 - t1) / 1000 } };
}
