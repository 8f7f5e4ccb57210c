// The SLA sweep's first pass over a history (backend/sla/history-sweep.ts, `services360 sla-history`) writes exactly
// what the scheduled sweep (sweepSla) writes: the same data — a generated demo month swept once and rolled up, then
// a CSV history imported on top, journey events recorded after that sweep, and a later `now` at which warning and
// breach moments of open requests are reached — is loaded into two fresh databases; one is swept by sweepSla in
// small batches, the other by the first pass in large batches with two writers; the SLA columns of every request,
// the alerts, the rollup marks and the sweep's watermark are then compared row for row.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { generateDemo } from '../../backend/demo/generate.ts';
import { generatedCitySource } from '../../backend/demo/communities.ts';
import { importRequests } from '../../backend/import/import-requests.ts';
import { loadMapping } from '../../backend/import/mapping.ts';
import { csvLine } from '../../backend/import/rejects.ts';
import { jobLockKey } from '../../backend/jobs/run-once.ts';
import { ROLLUP_JOB } from '../../backend/rollups/apply.ts';
import { buildRollupsInBulk } from '../../backend/rollups/bulk.ts';
import { sweepSlaHistory } from '../../backend/sla/history-sweep.ts';
import { SWEEP_LOCK, sweepSla } from '../../backend/sla/sweep.ts';
import { CSV_COLUMNS, historyRow, rng, type BBox } from '../../bench/csv-history.ts';

const DAY = 86_400_000;
const END = Date.parse('2026-11-20T12:00:00Z');
/** The second sweep: two days after the demo's end (open requests reach their warning and breach moments). */
const LATER = new Date(END + 2 * DAY);
const BBOX: BBox = [54.85, 24.7, 55.7, 25.4];

let ordinary: TestDatabase;
let history: TestDatabase;
let dir: string;

beforeAll(async () => {
  [ordinary, history] = await Promise.all([freshDatabase(), freshDatabase()]);
  dir = mkdtempSync(join(tmpdir(), 's360-sla-history-'));
});
afterAll(async () => {
  await ordinary?.drop();
  await history?.drop();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A CSV history over the demo's last 40 days (finished and open requests, the generator's own mix). */
function historyFile(n: number): string {
  const random = rng(7);
  const lines = [csvLine(CSV_COLUMNS)];
  for (let i = 0; i < n; i++) {
    const cells = historyRow(i, random, BBOX, 'sla-history');
    const created = END - 40 * DAY + Math.floor(random() * 40 * DAY);
    cells[CSV_COLUMNS.indexOf('created_at')] = new Date(created).toISOString();
    for (const c of ['first_response_at', 'resolved_at', 'closed_at'] as const) {
      const k = CSV_COLUMNS.indexOf(c);
      if (cells[k]) {
        cells[k] = new Date(created + (1 + random() * 90) * 3_600_000).toISOString();
      }
    }
    lines.push(csvLine(cells));
  }
  const file = join(dir, 'history.csv');
  writeFileSync(file, lines.join(''));
  return file;
}

/** The same load, in the same order, into a database (ids come out the same). */
/** Returns the requests the import loaded. */
async function load(pool: pg.Pool, csv: string): Promise<number> {
  await generateDemo(pool, {
    months: 1,
    seed: 'sla-history',
    requests: 2500,
    perDay: 0,
    endAt: END,
    chunkRequests: 1000,
    source: generatedCitySource(),
    subdivideVertices: 64,
    checkRows: true,
    bulkMinRequests: null,
  });
  await sweepSla(pool, new Date(END), { eventLagMs: 0 });
  await buildRollupsInBulk(pool);
  const imported = await importRequests(pool, {
    file: csv,
    mapping: loadMapping('services360'),
    rejectsFile: `${csv}.rejects.csv`,
    chunkRows: 400,
    maxDescriptionChars: 4000,
    writers: 1,
  });
  // Journey events recorded after the first sweep: open demo requests put on hold, and some resolved.
  await pool.query(
    `INSERT INTO request_events (request_id, kind, from_status, to_status, stage, progress_pct, occurred_at)
                    SELECT id, 'on_hold', status, 'on_hold', 'in_progress', 40, $1::timestamptz + (id % 7) * interval '1 hour'
                    FROM requests WHERE id <= 2500 AND id % 9 = 4 AND status NOT IN ('resolved', 'closed', 'cancelled')`,
    [new Date(END - DAY)]
  );
  await pool.query(
    `UPDATE requests SET status = 'on_hold' WHERE id <= 2500 AND id % 9 = 4 AND status NOT IN ('resolved', 'closed', 'cancelled')`
  );
  await pool.query(
    `INSERT INTO request_events (request_id, kind, from_status, to_status, stage, progress_pct, occurred_at)
                    SELECT id, 'resolved', status, 'resolved', 'resolved', 100, $1::timestamptz + (id % 5) * interval '1 hour'
                    FROM requests WHERE id <= 2500 AND id % 9 = 7 AND status NOT IN ('resolved', 'closed', 'cancelled')`,
    [new Date(END)]
  );
  await pool.query(
    `UPDATE requests SET status = 'resolved', resolved_at = $1::timestamptz + (id % 5) * interval '1 hour'
                    WHERE id <= 2500 AND id % 9 = 7 AND status NOT IN ('resolved', 'closed', 'cancelled')`,
    [new Date(END)]
  );
  return imported.loaded;
}

const TABLES: Record<string, string> = {
  requests: `SELECT id, first_response_due_at, resolution_due_at, sla_state, sla_evaluated_at, sla_next_check_at, sla_recorded_at
             FROM requests ORDER BY id`,
  sla_alerts: 'SELECT request_id, kind, target, at FROM sla_alerts ORDER BY request_id, kind, target',
  rollup_pending: 'SELECT request_id FROM rollup_pending ORDER BY request_id',
  sla_sweep_state: 'SELECT swept_until FROM sla_sweep_state',
};

async function dump(pool: pg.Pool, table: string): Promise<string[]> {
  const { rows } = await pool.query(TABLES[table]);
  return rows.map((r) => JSON.stringify(r));
}

test('the first pass over a history writes the same clocks, outcomes, marks and alerts as the ordinary sweep', async () => {
  const csv = historyFile(3000);
  const imported = await load(ordinary.pool, csv);
  assert.equal(await load(history.pool, csv), imported);
  assert.ok(imported > 1000, `imported ${imported}`);
  for (const table of Object.keys(TABLES)) {
    assert.deepEqual(
      await dump(history.pool, table),
      await dump(ordinary.pool, table),
      `${table} differs before the sweeps`
    );
  }
  const a = await sweepSla(ordinary.pool, LATER, { batchSize: 300 });
  const b = await sweepSlaHistory(history.pool, LATER, { batchSize: 400, writers: 2 });
  // The imported history, the demo requests with new events and those whose moments were reached.
  assert.ok(a.evaluated > imported, `evaluated ${a.evaluated} of ${imported} imported`);
  assert.ok(b.batches > 2, `batches ${b.batches}`);
  assert.deepEqual({ ...b, alerts: [], batches: 0 }, { ...a, alerts: [], batches: 0 });
  for (const table of Object.keys(TABLES)) {
    const [x, y] = await Promise.all([dump(ordinary.pool, table), dump(history.pool, table)]);
    assert.ok(x.length > 0, `${table} is empty`);
    assert.deepEqual(y, x, `${table} differs`);
  }
  // Marks reached requests applied before (demo ones whose outcome changed), not only the pending history.
  const {
    rows: [applied],
  } = await history.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM rollup_pending p JOIN rollup_state s USING (request_id)'
  );
  assert.ok(applied.n > 0, 'no applied request was marked again');
  // A second pass finds nothing left (its look at journey events starting where the first pass began).
  const again = await sweepSlaHistory(history.pool, LATER, { eventLagMs: 0 });
  assert.equal(again.evaluated, 0);
});

test("the first pass does nothing while another sweep holds the sweep's lock", async () => {
  const c = await history.pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [SWEEP_LOCK]);
    const r = await sweepSlaHistory(history.pool, LATER);
    assert.equal(r.ran, false);
    assert.equal(r.evaluated, 0);
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK]);
    c.release();
  }
});

/** Whether a rollup run could take its job's lock now (taken and given back at once). */
async function rollupLockFree(pool: pg.Pool): Promise<boolean> {
  const c = await pool.connect();
  try {
    const {
      rows: [l],
    } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [jobLockKey(ROLLUP_JOB)]);
    if (l.ok) {
      await c.query('SELECT pg_advisory_unlock($1)', [jobLockKey(ROLLUP_JOB)]);
    }
    return l.ok;
  } finally {
    c.release();
  }
}

test("the first pass holds the rollup job's lock while it writes marks, and gives it back", async () => {
  await history.pool.query('UPDATE requests SET sla_evaluated_at = NULL WHERE id % 50 = 1');
  const during: Array<Promise<boolean>> = [];
  const r = await sweepSlaHistory(history.pool, LATER, {
    batchSize: 20,
    writers: 1,
    onProgress: () => {
      during.push(rollupLockFree(history.pool));
    },
  });
  assert.ok(r.evaluated > 40, `evaluated ${r.evaluated}`);
  const free = await Promise.all(during);
  assert.ok(free.length > 1);
  // Probes started after the last batch may run after the pass ended: all but the last must find it held.
  assert.deepEqual(
    free.slice(0, -1),
    free.slice(0, -1).map(() => false)
  );
  assert.equal(await rollupLockFree(history.pool), true);
});
