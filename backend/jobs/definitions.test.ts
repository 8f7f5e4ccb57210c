import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import cron from 'node-cron';
import { ConfigError, loadConfig, SETTINGS } from '../config.ts';
import { JOBS, scheduledJobs } from './definitions.ts';

test('every job reads its schedule from the settings table, whose defaults are valid node-cron patterns', () => {
  const config = loadConfig({});
  const jobs = scheduledJobs(config);
  assert.deepEqual(
    jobs.map((j) => j.name),
    ['rollups', 'sla-sweep', 'recurrence', 'retention', 'forecast']
  );
  for (const [i, job] of jobs.entries()) {
    assert.equal(job.cron, SETTINGS[JOBS[i].schedule].default);
    assert.ok(cron.validate(job.cron), `${job.name}: ${job.cron}`);
  }
  assert.equal(new Set(JOBS.map((j) => j.schedule)).size, JOBS.length, 'each job has a setting of its own');
});

test('a schedule is overridden by its environment variable, and off leaves the job unscheduled here', () => {
  const config = loadConfig({ S360_JOB_ROLLUPS_CRON: '* * * * * *', S360_JOB_RETENTION_CRON: 'off' });
  const byName = new Map(scheduledJobs(config).map((j) => [j.name, j.cron]));
  assert.equal(byName.get('rollups'), '* * * * * *');
  assert.equal(byName.get('retention'), 'off');
  assert.equal(byName.get('sla-sweep'), '*/30 * * * * *');
});

test('a schedule that is not a cron pattern stops the start with the variable and the value named', () => {
  assert.throws(
    () => loadConfig({ S360_JOB_SLA_SWEEP_CRON: 'every 5 minutes' }),
    (err: Error) =>
      err instanceof ConfigError &&
      /S360_JOB_SLA_SWEEP_CRON must be a node-cron pattern/.test(err.message) &&
      err.message.includes('"every 5 minutes"')
  );
  assert.throws(() => loadConfig({ S360_JOB_FORECAST_CRON: '61 * * * * *' }), ConfigError);
});
