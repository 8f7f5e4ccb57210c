// bench:history's CPU meter (bench/cpu.ts, PhaseCpuMeter): what a phase cost in this process and in the database's
// server processes, read in /proc. Checked against the processes' own counters, read directly: a backend busy
// during the phase is counted, one that began during it from its beginning, one of another database not at all, and
// this process's own work as process.cpuUsage sees it.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import { blankDatabase, type TestDatabase } from '../support/db.ts';
import { cpuSeconds, PhaseCpuMeter } from '../../bench/cpu.ts';

let db: TestDatabase;
let other: TestDatabase;
beforeAll(async () => {
  db = await blankDatabase();
  other = await blankDatabase();
});
afterAll(async () => {
  await db?.drop();
  await other?.drop();
});

/** A connection to `url` and its backend's pid. */
async function backend(url: string): Promise<{ client: pg.Client; pid: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const {
    rows: [me],
  } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return { client, pid: me.pid };
}

/** Work that keeps a backend on the CPU for a while (no sleeping: each row is computed). */
const BUSY = 'SELECT sum(sqrt(i)) FROM generate_series(1, 4000000) i';
/** The tick /proc counts in: a process's counter moves by whole hundredths. */
const TICK = 0.01;

describe('the CPU meter of bench:history', () => {
  test('counts the database backends busy in the phase, from its start or theirs, and no other database', async () => {
    const meter = await PhaseCpuMeter.open(db.url);
    const before = await backend(db.url);
    const elsewhere = await backend(other.url);
    try {
      const end = await meter.begin();
      const startedAt = cpuSeconds(before.pid)!;
      await before.client.query(BUSY);
      const later = await backend(db.url);
      await later.client.query(BUSY);
      await elsewhere.client.query(BUSY);
      const spentBefore = cpuSeconds(before.pid)! - startedAt;
      const spentLater = cpuSeconds(later.pid)!;
      const spentElsewhere = cpuSeconds(elsewhere.pid)!;
      const cpu = await end();
      await later.client.end();
      assert.ok(cpu.postgres !== null, 'the server runs on this machine: its processes are metered');
      // Both of this database's backends, each from when it was counted; the other database's work is not in it
      // (it would add a whole query's worth).
      const ours = spentBefore + spentLater;
      assert.ok(spentElsewhere > 4 * TICK && spentLater > 4 * TICK, 'the work shows in the counters');
      assert.ok(cpu.postgres >= ours - 2 * TICK, `metered ${cpu.postgres} s, the backends spent ${ours} s`);
      assert.ok(
        cpu.postgres < ours + spentElsewhere - 2 * TICK,
        `metered ${cpu.postgres} s: more than this database's ${ours} s`
      );
    } finally {
      await before.client.end();
      await elsewhere.client.end();
      await meter.close();
    }
  });

  test("counts this process's own work", async () => {
    const meter = await PhaseCpuMeter.open(db.url);
    try {
      const end = await meter.begin();
      const c0 = process.cpuUsage();
      let x = 0;
      for (let i = 0; i < 5_000_000; i++) {
        x += Math.sqrt(i);
      }
      const c = process.cpuUsage(c0);
      const cpu = await end();
      assert.ok(x > 0);
      assert.ok(cpu.node >= (c.user + c.system) / 1e6, `metered ${cpu.node} s`);
    } finally {
      await meter.close();
    }
  });
});
