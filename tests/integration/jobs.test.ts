import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { startServer, type RunningServer } from '../../backend/server.ts';
import { runOnce } from '../../backend/jobs/run-once.ts';
import { startScheduler } from '../../backend/jobs/scheduler.ts';
import { scheduledJobs } from '../../backend/jobs/definitions.ts';

let a: TestAggregator;
let b: RunningServer;
const EVERY_SECOND = { S360_JOB_ROLLUPS_CRON: '* * * * * *' };

beforeAll(async () => {
  Object.assign(process.env, EVERY_SECOND, {
    S360_JOB_SLA_SWEEP_CRON: 'off',
    S360_JOB_RECURRENCE_CRON: 'off',
    S360_JOB_RETENTION_CRON: 'off',
  });
  a = await startTestAggregator({ jobs: 'on' });
  b = await startServer({ port: 0, host: '127.0.0.1', tokenCacheMs: 0, referenceCacheMs: 0, jobs: 'on' }, a.db.url);
  await importGrid(a.db.pool);
});
afterAll(async () => {
  await b?.close();
  await a?.stop();
  for (const k of [
    'S360_JOB_ROLLUPS_CRON',
    'S360_JOB_SLA_SWEEP_CRON',
    'S360_JOB_RECURRENCE_CRON',
    'S360_JOB_RETENTION_CRON',
  ]) {
    delete process.env[k];
  }
});

async function received(fromMs: number): Promise<number> {
  const res = await a.call(
    'POST',
    '/v1/query',
    {
      from: new Date(fromMs).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
      targets: [{ refId: 'A', metric: 'received', format: 'table' }],
    },
    a.tokens.read
  );
  assert.equal(res.status, 200, res.text);
  return res.body.results.A.frames[0].fields.at(-1).values[0];
}

test('a request ingested now counts in /v1/query within 5 seconds', async () => {
  const since = Date.now() - 3_600_000;
  const before = await received(since);
  const res = await a.call('POST', '/v1/requests', sampleRequest({ created_at: undefined }), a.tokens.ingest);
  assert.equal(res.status, 201);
  const deadline = Date.now() + 5_000;
  let now = before;
  while (now !== before + 1 && Date.now() < deadline) {
    now = await received(since);
    if (now !== before + 1) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  assert.equal(now, before + 1);
});

/** Polls `done` (on the data, never a fixed sleep) until it holds or a generous deadline passes. */
async function until(what: string, done: () => Promise<boolean>, deadlineMs = 60_000) {
  const deadline = Date.now() + deadlineMs;
  while (!(await done())) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('with two aggregator instances each job tick runs once, and the rollups drain', async () => {
  const requests = Array.from({ length: 300 }, (_, i) =>
    sampleRequest({ source: 'two-instances', external_id: `ti-${i}` })
  );
  assert.equal((await a.call('POST', '/v1/requests/batch', { requests }, a.tokens.ingest)).status, 201);
  const ticks = async () =>
    (await a.db.pool.query(`SELECT count(*)::int AS n FROM job_run_log WHERE job = 'rollups'`)).rows[0].n as number;
  const pending = async () =>
    (await a.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n as number;
  await until('three rollup ticks and an empty queue', async () => (await ticks()) >= 3 && (await pending()) === 0);
  // Both stopped (each waits for the run it started): their counts and the log now describe the same runs.
  await a.server.ctx.scheduler!.stop();
  await b.ctx.scheduler!.stop();
  const { rows } = await a.db.pool.query(
    `SELECT tick, count(*)::int AS n, count(DISTINCT instance)::int AS instances FROM job_run_log WHERE job = 'rollups' GROUP BY tick ORDER BY tick`
  );
  assert.ok(
    rows.every((r) => r.n === 1),
    'a tick ran twice'
  );
  const statsA = a.server.ctx.scheduler!.stats.get('rollups')!;
  const statsB = b.ctx.scheduler!.stats.get('rollups')!;
  assert.equal(statsA.failures + statsB.failures, 0, 'no run failed');
  assert.equal(statsA.runs + statsB.runs, rows.length, 'every run is one logged tick');
  assert.ok(statsA.skipped + statsB.skipped > 0, 'the other instance saw each tick and stood aside');
  // The next tests count on instance a's scheduled jobs again.
  a.server.ctx.scheduler = startScheduler(a.server.ctx, scheduledJobs(a.server.ctx.config));
});

test('where rollups predate the lean hours (migration 0030), the rollup job rebuilds them, a few days a run', async () => {
  const DAY = 86_400_000;
  const requests = Array.from({ length: 40 }, (_, i) =>
    sampleRequest({
      source: 'lean-hours',
      external_id: `lh-${i}`,
      created_at: new Date(Date.now() - (36 + i / 4) * DAY).toISOString(),
    })
  );
  assert.equal((await a.call('POST', '/v1/requests/batch', { requests }, a.tokens.ingest)).status, 201);
  await until(
    'the rollup queue to drain',
    async () => !(await a.db.pool.query('SELECT 1 FROM rollup_pending')).rowCount
  );
  // as such a database stands after the migration: lean hours only from the horizon on
  await a.db.pool.query(`UPDATE rollup_hour_horizon SET lean_hour_from = hour_from`);
  await a.db.pool.query(
    `DELETE FROM rollups WHERE level = 'hour' AND bucket < (SELECT hour_from FROM rollup_hour_horizon)`
  );
  const leanFrom = async () =>
    (await a.db.pool.query('SELECT lean_hour_from FROM rollup_hour_horizon')).rows[0].lean_hour_from;
  await until('the lean hours rebuilt down to -infinity', async () => (await leanFrom()) === -Infinity);
  assert.equal(await leanFrom(), -Infinity, 'the job rebuilt every lean hour');
  const {
    rows: [h],
  } = await a.db.pool.query(`SELECT coalesce(sum(received), 0)::int AS n FROM rollups
    WHERE level = 'hour' AND cube = 255 AND bucket < (SELECT hour_from FROM rollup_hour_horizon)`);
  // Every request received before the horizon: the 40 planted here, and those of the tests above that the date
  // puts there too (their fixed creation time falls behind the horizon as the calendar moves on).
  const {
    rows: [expected],
  } = await a.db.pool.query(`SELECT count(*)::int AS n FROM requests
    WHERE created_at < (SELECT hour_from FROM rollup_hour_horizon)`);
  assert.ok(expected.n >= 40);
  assert.equal(
    h.n,
    expected.n,
    'every request before the horizon (the 40 of 36–46 days ago among them) is in the rebuilt hours'
  );
});

test('a tick already claimed is not run again, and a job holding the lock is not overlapped', async () => {
  const tick = new Date('2026-01-01T00:00:00Z');
  let ran = 0;
  const work = async () => {
    ran++;
    return 1;
  };
  assert.deepEqual((await runOnce(a.db.pool, 'test-job', tick, 'x', work)).ran, true);
  assert.deepEqual(await runOnce(a.db.pool, 'test-job', tick, 'y', work), { ran: false, reason: 'already-ran' });
  let release!: () => void;
  const slow = runOnce(
    a.db.pool,
    'test-job',
    new Date('2026-01-01T00:00:01Z'),
    'x',
    () =>
      new Promise<number>((r) => {
        release = () => r(1);
      })
  );
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(await runOnce(a.db.pool, 'test-job', new Date('2026-01-01T00:00:02Z'), 'y', work), {
    ran: false,
    reason: 'locked',
  });
  release();
  await slow;
  assert.equal(ran, 1);
});

test('stopping the scheduler waits for a job in progress (the pool is never ended under it)', async () => {
  let started!: () => void;
  const began = new Promise<void>((r) => {
    started = r;
  });
  let finished = false;
  const scheduler = startScheduler(
    a.server.ctx,
    [
      {
        name: 'slow-test-job',
        cron: '* * * * * *',
        run: async () => {
          started();
          await new Promise((r) => setTimeout(r, 400));
          finished = true;
          return 1;
        },
      },
    ],
    () => {}
  );
  await began;
  await scheduler.stop();
  assert.equal(finished, true, 'stop() returned while the job was still running');
});
