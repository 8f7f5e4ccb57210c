// The aggregator's jobs: what each does, and which setting of the one settings table (backend/config.ts) says when.
import type { Config, SettingName } from '../config.ts';
import type { AppContext } from '../http/context.ts';
import { applyPendingRollups } from '../rollups/apply.ts';
import { advanceHourHorizon } from '../rollups/hour-horizon.ts';
import { backfillLeanHours } from '../rollups/lean-hours.ts';
import { sweepSla } from '../sla/sweep.ts';
import { refreshHotspots } from '../recurrence/hotspots.ts';
import { applyRetention } from './retention.ts';
import { runForecasts } from '../forecast/run.ts';

/** The settings that hold a job's schedule (config.ts: node-cron with seconds, or off). */
export type JobScheduleSetting = Extract<SettingName, `job${string}Cron`>;

export type JobDefinition = {
  name: string;
  /** the setting holding its schedule */
  schedule: JobScheduleSetting;
  /** does the work; returns how many items it handled */
  run: (ctx: AppContext, now: Date) => Promise<number>;
};

/** A job as the scheduler takes it: its pattern read from the settings (or given, for a test's own job). */
export type ScheduledJob = { name: string; cron: string; run: JobDefinition['run'] };

export const JOBS: JobDefinition[] = [
  {
    name: 'rollups',
    schedule: 'jobRollupsCron',
    run: async (ctx, now) => {
      await advanceHourHorizon(ctx.pool, now, ctx.config.rollupHourDays);
      const applied = await applyPendingRollups(
        ctx.pool,
        ctx.config.rollupBatchSize,
        ctx.config.rollupMaxBatchesPerRun,
        ctx.config.rollupWorkMemMb
      );
      // Once, where rollups predate migration 0030: a few days of the lean cubes' hour rows a run.
      await backfillLeanHours(ctx.pool, ctx.config.rollupLeanBackfillDays);
      return applied.requests;
    },
  },
  {
    name: 'sla-sweep',
    schedule: 'jobSlaSweepCron',
    run: async (ctx, now) => (await sweepSla(ctx.pool, now, { batchSize: ctx.config.slaSweepBatchSize })).evaluated,
  },
  {
    name: 'recurrence',
    schedule: 'jobRecurrenceCron',
    run: async (ctx, now) => (await refreshHotspots(ctx.pool, now)).hotspots,
  },
  {
    name: 'retention',
    schedule: 'jobRetentionCron',
    run: async (ctx, now) => applyRetention(ctx.pool, ctx.config, now),
  },
  // Every 10 minutes, fitting once per city-local day: the first tick after the city's midnight (any time zone), or
  // within 10 minutes of a fresh start (a tick on a day already fitted reads one row and returns).
  {
    name: 'forecast',
    schedule: 'jobForecastCron',
    run: async (ctx, now) => (await runForecasts(ctx.pool, ctx.config, now)).series,
  },
];

/** The jobs with their patterns from the settings (`off`: not scheduled in this instance). */
export function scheduledJobs(
  config: Pick<Config, JobScheduleSetting>,
  jobs: readonly JobDefinition[] = JOBS
): ScheduledJob[] {
  return jobs.map((job) => ({ name: job.name, cron: config[job.schedule], run: job.run }));
}
