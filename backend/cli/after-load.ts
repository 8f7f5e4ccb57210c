// What import-requests and generate-demo do after loading a history, in the order that writes each thing once: the
// SLA first pass (sla-history) stores every loaded request's clocks and outcomes, THEN the bulk build
// (rollup-history) rolls them up with those outcomes. The other way round, the rollups were built with no outcomes
// and the next SLA sweep re-marked every request whose outcome it then set, and the rollup job applied them all
// again, a batch at a time.
import type pg from 'pg';
import type { Config } from '../config.ts';
import type { BulkRun } from '../rollups/bulk.ts';
import type { SweepResult } from '../sla/sweep.ts';
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
  const rollups = await rollupHistoryIfLarge(pool, config, quiet, log);
  return { sla, rollups };
}
