// Preparing a generated history for a benchmark (bench/query.ts, bench/scale.ts): the SLA clocks and the
// rollups, as the jobs would compute them, faster (two lanes).
import type pg from 'pg';
import { applyPendingRollups } from '../backend/rollups/apply.ts';
import { sweepSla } from '../backend/sla/sweep.ts';
import { refreshSla } from '../backend/sla/refresh.ts';

/**
 * The first rollup of a generated history: the rollup job's batches (applyPendingRollups), two in flight
 * (the job runs one at a time; its claims skip each other's rows, so two can run side by side). Two batches
 * updating the same month rows in opposite orders can deadlock: PostgreSQL rolls one back, its marks stay,
 * and it is simply applied again.
 */
export async function applyAllRollups(db: pg.Pool, lanes = 2): Promise<number> {
  let applied = 0;
  const lane = async () => {
    for (;;) {
      try {
        const run = await applyPendingRollups(db, 20_000, 1, 512);
        applied += run.requests;
        if (run.requests === 0) {
          return;
        }
      } catch (err) {
        if ((err as { code?: string }).code !== '40P01') {
          throw err;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return applied;
}

/**
 * The first SLA evaluation of a generated history: the SLA engine (refreshSla, as the sweep runs it) over
 * every request in id ranges, two ranges in flight so Node computes one range's clocks while PostgreSQL
 * writes the other's (the sweep walks one batch at a time); then one sweep, which records its watermark.
 */
export async function evaluateAllSla(db: pg.Pool, now: Date, lanes = 2, step = 1000): Promise<number> {
  const {
    rows: [span],
  } = await db.query<{ lo: number; hi: number }>('SELECT min(id)::bigint AS lo, max(id)::bigint AS hi FROM requests');
  let next = span.lo,
    evaluated = 0;
  const lane = async () => {
    while (next <= span.hi) {
      const lo = next;
      next += step;
      const { rows } = await db.query<{ id: number }>('SELECT id FROM requests WHERE id >= $1 AND id < $2', [
        lo,
        lo + step,
      ]);
      if (!rows.length) {
        continue;
      }
      const done = await refreshSla(
        db,
        rows.map((r) => r.id),
        now
      ); // (not `evaluated += await …`: the lanes would lose each other's counts)
      evaluated += done.evaluated;
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return evaluated + (await sweepSla(db, now)).evaluated;
}
