// What import-requests and generate-demo do after loading a history, in the order that writes each thing once: the
// SLA first pass (sla-history) stores every loaded request's clocks and outcomes, THEN the bulk build
// (rollup-history) rolls them up with those outcomes. The other way round, the rollups were built with no outcomes
// and the next SLA sweep re-marked every request whose outcome it then set, and the rollup job applied them all
// again, a batch at a time. Before the build, the hour horizon is moved to S360_ROLLUP_HOUR_DAYS before `now`, as the
// rollup job moves it before each run: otherwise a fresh database (horizon at -infinity) got hour rows for its whole
// history, and the rollups' queries read ten times the rows they need until the job and retention caught up (the
// executive zone map took 410 ms a query at 300,000 requests instead of about 10).
import type pg from 'pg';
import type { Config } from '../config.ts';
import type { BulkRun } from '../rollups/bulk.ts';
import type { SweepResult } from '../sla/sweep.ts';
import { advanceHourHorizon } from '../rollups/hour-horizon.ts';
import { rollupHistoryIfLarge } from './rollup-history.ts';
import { slaFirstPass } from './sla-history.ts';

export type AfterLoad = { sla: SweepResult; rollups: BulkRun | null };

/** The SLA first pass at `now` (the loaded history's clocks as of then), then the bulk build; progress bars unless `quiet`. */
export async function readyAfterLoad(
  pool: pg.Pool,
  config: Config,
  quiet: boolean,
  log: (line: string) => void,
  now: Date = new Date()
): Promise<AfterLoad> {
  const sla = await slaFirstPass(pool, config, now, quiet, log);
  await advanceHourHorizon(pool, now, config.rollupHourDays);
  const rollups = await rollupHistoryIfLarge(pool, config, quiet, log);
  return { sla, rollups };
}
