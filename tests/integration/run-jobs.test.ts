// `services360 run-jobs` (run by npm run demo before serving, and by the compose stack's seed while the aggregator
// serves): each job runs under the advisory lock a serving instance's scheduled run takes, so it waits for such
// a run instead of overlapping it, and runs as soon as the lock is free.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { jobLockKey } from '../../backend/jobs/run-once.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

test('waits while a serving instance holds the job’s lock, then runs', async () => {
  const holder = await db.pool.connect();
  try {
    await holder.query('SELECT pg_advisory_lock($1)', [jobLockKey('sla-sweep')]);
    const child = spawn(process.execPath, ['bin/services360.js', 'run-jobs', '--jobs', 'sla-sweep'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // It is waiting on the lock, not done.
    const waiting = async () =>
      (
        await db.pool.query(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
      AND objid = ($1::bigint & 4294967295)`,
          [jobLockKey('sla-sweep')]
        )
      ).rows[0].n;
    for (let i = 0; i < 300 && (await waiting()) === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(await waiting(), 1, `run-jobs waits for the lock: ${out}`);
    assert.equal(child.exitCode, null);
    await holder.query('SELECT pg_advisory_unlock($1)', [jobLockKey('sla-sweep')]);
    assert.equal(await exited, 0, out);
    assert.match(out, /^sla-sweep: \d+ in [\d.]+ s$/m);
  } finally {
    holder.release();
  }
});
