// Schedules the jobs with node-cron: no overlapping runs within an instance (noOverlap), one run per tick
// across instances (run-once.ts). Counts runs and durations for /metrics.
import { hostname } from 'node:os';
import cron, { type ScheduledTask } from 'node-cron';
import type { AppContext } from '../http/context.ts';
import { runOnce } from './run-once.ts';
import type { ScheduledJob } from './definitions.ts';

export type JobStats = { runs: number; skipped: number; failures: number; lastMs: number; totalMs: number };
export type Scheduler = { stop: () => Promise<void>; stats: Map<string, JobStats>; instance: string };

export function startScheduler(
  ctx: AppContext,
  jobs: ScheduledJob[],
  log: (line: string) => void = (line) => console.error(line)
): Scheduler {
  const instance = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const stats = new Map<string, JobStats>();
  const tasks: ScheduledTask[] = [];
  // Runs in progress: stop() waits for them, so the pool is never ended under a running job.
  const running = new Set<Promise<void>>();
  let stopped: Promise<void> | undefined;
  for (const job of jobs) {
    if (job.cron === 'off') {
      continue;
    }
    const s: JobStats = { runs: 0, skipped: 0, failures: 0, lastMs: 0, totalMs: 0 };
    stats.set(job.name, s);
    const task = cron.schedule(
      job.cron,
      async (context) => {
        const tick = new Date(Math.floor(context.date.getTime() / 1000) * 1000);
        const run = (async () => {
          try {
            const outcome = await runOnce(ctx.pool, job.name, tick, instance, () => job.run(ctx, tick));
            if (outcome.ran) {
              s.runs++;
              s.lastMs = outcome.ms;
              s.totalMs += outcome.ms;
            } else {
              s.skipped++;
            }
          } catch (err) {
            s.failures++;
            log(`job ${job.name} failed: ${(err as Error).message}`);
          }
        })();
        running.add(run);
        try {
          await run;
        } finally {
          running.delete(run);
        }
      },
      { name: job.name, noOverlap: true, timezone: 'UTC' }
    );
    tasks.push(task);
  }
  return {
    stats,
    instance,
    // Idempotent: a test or a shutdown path may stop a scheduler that is already stopped.
    stop: () =>
      (stopped ??= (async () => {
        for (const t of tasks) {
          await t.destroy();
        }
        await Promise.all(running);
      })()),
  };
}
