// The aggregator's jobs: what each does and when (node-cron patterns, with seconds).
import type { AppContext } from '../http/context.ts';
import { applyPendingRollups } from '../rollups/apply.ts';
import { advanceHourHorizon } from '../rollups/hour-horizon.ts';
import { backfillLeanHours } from '../rollups/lean-hours.ts';
import { sweepSla } from '../sla/sweep.ts';
import { refreshHotspots } from '../recurrence/hotspots.ts';
import { applyRetention } from './retention.ts';
import { runForecasts } from '../forecast/run.ts';

export type JobDefinition = {
  name: string;
  /** node-cron pattern (seconds first); overridable with S360_JOB_<NAME>_CRON */
  cron: string;
  /** does the work; returns how many items it handled */
  run: (ctx: AppContext, now: Date) => Promise<number>;
};

export const JOBS: JobDefinition[] = [
  {
    name: 'rollups', cron: '*/5 * * * * *',
    run: async (ctx, now) => {
      await advanceHourHorizon(ctx.pool, now, ctx.config.rollupHourDays);
      const applied = await applyPendingRollups(ctx.pool, ctx.config.rollupBatchSize, ctx.config.rollupMaxBatchesPerRun, ctx.config.rollupWorkMemMb);
      // Once, where rollups predate migration 0030: a few days of the lean cubes' hour rows a run.
      await backfillLeanHours(ctx.pool, ctx.config.rollupLeanBackfillDays);
      return applied.requests;
    },
  },
  { name: 'sla-sweep', cron: '*/30 * * * * *', run: async (ctx, now) => (await sweepSla(ctx.pool, now, { batchSize: ctx.config.slaSweepBatchSize })).evaluated },
  { name: 'recurrence', cron: '0 */10 * * * *', run: async (ctx, now) => (await refreshHotspots(ctx.pool, now)).hotspots },
  { name: 'retention', cron: '0 30 3 * * *', run: async (ctx, now) => applyRetention(ctx.pool, ctx.config, now) },
  // Every 10 minutes, fitting once per city-local day: the first tick after the city's midnight (any time zone), or
  // within 10 minutes of a fresh start (a tick on a day already fitted reads one row and returns).
  { name: 'forecast', cron: '0 5-59/10 * * * *', run: async (ctx, now) => (await runForecasts(ctx.pool, ctx.config, now)).series },
];
