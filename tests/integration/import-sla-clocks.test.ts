// The SLA clocks import-requests computes as it writes the rows (backend/import/chunk-copy.ts with
// backend/sla/clocks-at-load.ts) are exactly what the scheduled sweep (sweepSla) writes for the same requests at the
// same instant. Two histories:
//   - a CSV in the services360 format with every status, cancelled rows, source due times (a date alone: the end of
//     that local day), rows without a first-response clock, times with offsets and microseconds, and some with
//     nanoseconds (PostgreSQL rounds those, so their clocks are left to the pass), loaded by two writers at T;
//   - Lakeport's 311 export through the command itself (local times across daylight saving, target dates, no
//     first-response data), whose pass afterwards has nothing left to evaluate.
// Each time the SLA columns and alerts are then cleared, the ordinary sweep evaluates every request afresh at the
// same instant, and the two are compared row for row.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { lakeportExport, lakeportImportArgs, lakeportWardsGeoJson } from '../support/lakeport-export.ts';
import { applyCityFile } from '../../backend/city/apply.ts';
import { loadCityFile } from '../../backend/city/load-file.ts';
import { run } from '../../backend/cli/import-requests.ts';
import { importRequests } from '../../backend/import/import-requests.ts';
import { IMPORT_FIELDS, loadMapping } from '../../backend/import/mapping.ts';
import { csvLine } from '../../backend/import/rejects.ts';
import { sweepSlaHistory } from '../../backend/sla/history-sweep.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';
import { importZones } from '../../backend/zones/import-zones.ts';
import { CSV_COLUMNS, historyRow, rng, type BBox } from '../../bench/csv-history.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DAY = 86_400_000;
const T = new Date('2026-08-30T09:00:00Z');
const BBOX: BBox = [54.85, 24.7, 55.7, 25.4];
const ROWS = 2400;

let dubai: TestDatabase;
let lakeport: TestDatabase;
let dir: string;

beforeAll(async () => {
  [dubai, lakeport] = await Promise.all([freshDatabase(), freshDatabase()]);
  dir = mkdtempSync(join(tmpdir(), 's360-import-clocks-'));
});
afterAll(async () => {
  await dubai?.drop();
  await lakeport?.drop();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

const CLOCKS = `SELECT external_id, sla_policy_id, first_response_due_at, resolution_due_at, resolution_due_source,
                       first_response_clock, sla_state, sla_evaluated_at, sla_next_check_at, sla_recorded_at
                FROM requests ORDER BY external_id`;
const ALERTS = `SELECT r.external_id, a.kind, a.target, a.at FROM sla_alerts a JOIN requests r ON r.id = a.request_id
                ORDER BY r.external_id, a.kind, a.target`;

type Snapshot = { clocks: string[]; alerts: string[] };
async function snapshot(pool: pg.Pool): Promise<Snapshot> {
  const dump = async (text: string) => (await pool.query(text)).rows.map((r) => JSON.stringify(r));
  return { clocks: await dump(CLOCKS), alerts: await dump(ALERTS) };
}

/** The SLA columns and alerts cleared (a source's due time kept), then every request swept afresh at `at`. */
async function sweptAfresh(pool: pg.Pool, at: Date): Promise<{ evaluated: number; after: Snapshot }> {
  await pool.query(`UPDATE requests SET first_response_due_at = NULL, sla_state = DEFAULT, sla_evaluated_at = NULL,
                      sla_next_check_at = NULL, sla_recorded_at = NULL,
                      resolution_due_at = CASE WHEN resolution_due_source = 'source' THEN resolution_due_at END`);
  await pool.query('DELETE FROM sla_alerts');
  const swept = await sweepSla(pool, at, { batchSize: 500, eventLagMs: 0 });
  return { evaluated: swept.evaluated, after: await snapshot(pool) };
}

/**
 * `ms` written with a +04:00 offset and `digits` fraction digits, those past milliseconds all 9: with 9 digits,
 * PostgreSQL's rounding to microseconds carries into the next millisecond.
 */
function withOffset(ms: number, digits: number): string {
  const local = new Date(ms + 4 * 3_600_000).toISOString().slice(0, 23);
  const fraction = `${local.slice(20)}${'999999'.slice(0, Math.max(0, digits - 3))}`.slice(0, digits);
  return `${local.slice(0, 19)}${digits ? `.${fraction}` : ''}+04:00`;
}

/** The services360 history: the bench's rows, then cancellations, source due times and time forms by row number. */
function historyFile(): { file: string; nanoRows: number } {
  const random = rng(16);
  const lines = [csvLine([...IMPORT_FIELDS])];
  let nanoRows = 0;
  for (let i = 0; i < ROWS; i++) {
    const base = historyRow(i, random, BBOX, 'clocks');
    const cell = new Map(CSV_COLUMNS.map((c, k) => [c, base[k]]));
    // The last 60 days before T, so open requests are running, warned or breached at T.
    const created = T.getTime() - 60 * DAY + Math.floor(random() * 60 * DAY);
    const shift = created - Date.parse(cell.get('created_at')!);
    for (const c of ['created_at', 'first_response_at', 'resolved_at', 'closed_at'] as const) {
      if (cell.get(c)) {
        cell.set(c, new Date(Date.parse(cell.get(c)!) + shift).toISOString());
      }
    }
    if (i % 11 === 5 && !['resolved', 'closed'].includes(cell.get('status')!)) {
      cell.set('status', 'cancelled');
      const fr = cell.get('first_response_at');
      cell.set('cancelled_at', new Date((fr ? Date.parse(fr) : created) + 5 * 3_600_000).toISOString());
    }
    if (i % 7 === 3) {
      // A source's due time: a date alone means the end of that day in the city's zone.
      cell.set('due_at', new Date(created + 3 * DAY).toISOString().slice(0, 10));
    }
    if (i % 9 === 4) {
      cell.set('first_response_clock', 'no');
    }
    // Offsets and fractions: every time of the row in one form.
    const form = i % 5;
    if (form >= 2) {
      const digits = form === 2 ? 0 : form === 3 ? 6 : 9;
      nanoRows += digits === 9 ? 1 : 0;
      for (const c of ['created_at', 'first_response_at', 'resolved_at', 'closed_at', 'cancelled_at'] as const) {
        if (cell.get(c)) {
          cell.set(c, withOffset(Date.parse(cell.get(c)!), digits));
        }
      }
    }
    lines.push(csvLine(IMPORT_FIELDS.map((f) => cell.get(f) ?? '')));
  }
  const file = join(dir, 'history.csv');
  writeFileSync(file, lines.join(''));
  return { file, nanoRows };
}

/** The services360 format with the two columns of a source that keeps its own due times (migration 0040). */
const services360 = loadMapping('services360');
const withSourceDue = {
  ...services360,
  columns: { ...services360.columns, due_at: 'due_at', first_response_clock: 'first_response_clock' },
};

test('an imported history gets the clocks and alerts the sweep would write, but for times PostgreSQL rounds', async () => {
  const { pool } = dubai;
  const { file, nanoRows } = historyFile();
  const imported = await importRequests(pool, {
    file,
    mapping: withSourceDue,
    rejectsFile: `${file}.rejects.csv`,
    chunkRows: 500,
    maxDescriptionChars: 4000,
    writers: 2,
    slaAt: T,
  });
  assert.equal(
    imported.rejected,
    0,
    imported.rejected ? readFileSync(`${file}.rejects.csv`, 'utf8').slice(0, 2000) : ''
  );
  assert.equal(imported.loaded, ROWS);

  const {
    rows: [mix],
  } = await pool.query<{ states: string[]; clocked: number; source: number; no_fr: number; alerts: number }>(
    `SELECT (SELECT array_agg(DISTINCT sla_state ORDER BY sla_state) FROM requests WHERE sla_evaluated_at IS NOT NULL) AS states,
            (SELECT count(*)::int FROM requests WHERE sla_evaluated_at = $1) AS clocked,
            (SELECT count(*)::int FROM requests WHERE sla_evaluated_at = $1 AND resolution_due_source = 'source') AS source,
            (SELECT count(*)::int FROM requests WHERE sla_evaluated_at = $1 AND NOT first_response_clock) AS no_fr,
            (SELECT count(*)::int FROM sla_alerts) AS alerts`,
    [T]
  );
  assert.deepEqual(mix.states, ['breached', 'cancelled', 'in_progress', 'met', 'paused', 'warning']);
  assert.ok(nanoRows > 100, `${nanoRows} rows with nanoseconds`);
  assert.equal(mix.clocked, ROWS - nanoRows, 'every row but those with nanoseconds has its clock at load');
  assert.ok(mix.source > 100 && mix.no_fr > 30 && mix.alerts > 500, JSON.stringify(mix));

  // The pass at T takes exactly the rows left to it.
  const pass = await sweepSlaHistory(pool, T, { eventLagMs: 0 });
  assert.equal(pass.evaluated, nanoRows);
  const atLoad = await snapshot(pool);
  const { evaluated, after } = await sweptAfresh(pool, T);
  assert.equal(evaluated, ROWS);
  assert.deepEqual(after.clocks, atLoad.clocks);
  assert.deepEqual(after.alerts, atLoad.alerts);
});

test("Lakeport's export through the command: its clocks written with its rows, the pass has nothing left", async () => {
  const { pool } = lakeport;
  await applyCityFile(pool, loadCityFile(join(ROOT, 'config/cities/lakeport.yaml')), 'lakeport.yaml');
  await importZones(pool, lakeportWardsGeoJson(), {
    codeProperty: 'code',
    nameEnProperty: 'name_en',
    nameArProperty: 'name_ar',
    kind: 'community',
    subdivideVertices: 64,
  });
  const file = join(dir, 'lakeport-311.csv');
  writeFileSync(file, lakeportExport(11).csv);
  const url = process.env.DATABASE_URL;
  process.env.DATABASE_URL = lakeport.url;
  const [log, error] = [console.log, console.error];
  const out: string[] = [];
  console.log = (line: string) => out.push(line);
  console.error = () => {};
  try {
    await run(lakeportImportArgs(file, ROOT));
  } finally {
    [console.log, console.error] = [log, error];
    process.env.DATABASE_URL = url;
  }
  assert.ok(
    out.some((l) => l.startsWith("SLA clocks: every request's clock is current, nothing to evaluate")),
    out.join('\n')
  );
  const {
    rows: [at],
  } = await pool.query<{ n: number; instants: number; t: Date; with_policy: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT sla_evaluated_at)::int AS instants, max(sla_evaluated_at) AS t,
            count(sla_policy_id)::int AS with_policy FROM requests WHERE sla_evaluated_at IS NOT NULL`
  );
  assert.ok(at.n >= 100, `${at.n} requests with a clock`);
  assert.equal(at.instants, 1);
  const atLoad = await snapshot(pool);
  const { evaluated, after } = await sweptAfresh(pool, at.t);
  assert.equal(evaluated, at.with_policy);
  assert.deepEqual(after.clocks, atLoad.clocks);
  assert.deepEqual(after.alerts, atLoad.alerts);
});
