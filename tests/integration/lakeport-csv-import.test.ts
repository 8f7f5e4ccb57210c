// Issue 11's proof for CSV: Lakeport's 311 export, written the way municipal systems write it
// (tests/support/lakeport-export.ts), imports as it is with the flags — --time-zone for its local times,
// --unknown-location for the city hall's placeholder point, --no-first-response, a mapping that sends
// unknown service types to no topic and reads the department and the target date — into a database that
// applied config/cities/lakeport.yaml. Every row loads or is rejected with all its problems; the times are
// the true instants (daylight-saving gap and overlap included); every resolution verdict is "closed on or
// before its target date"; there is no first-response breach; placeholder points have no location.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import {
  CITY_HALL,
  LAKEPORT_NOW,
  LAKEPORT_ZONE,
  lakeportExport,
  lakeportImportArgs,
  lakeportWardsGeoJson,
  type LakeportCase,
} from '../support/lakeport-export.ts';
import { applyCityFile } from '../../backend/city/apply.ts';
import { loadCityFile } from '../../backend/city/load-file.ts';
import { run } from '../../backend/cli/import-requests.ts';
import { parse } from 'csv-parse/sync';
import { PROBLEM_SEPARATOR } from '../../backend/import/rejects.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';
import { importZones } from '../../backend/zones/import-zones.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = 11;

let db: TestDatabase;
let dir: string;
const data = lakeportExport(SEED);
let file: string;
let status: number;

/** The end of a local date in Lakeport (its last millisecond), worked out from the US rules of 2026: CDT from 8 March to 1 November. */
function endOfLocalDay(date: string): string {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const offset = next >= '2026-03-09' && next <= '2026-11-01' ? '-05:00' : '-06:00';
  return new Date(Date.parse(`${next}T00:00:00${offset}`) - 1).toISOString();
}

beforeAll(async () => {
  db = await freshDatabase();
  await applyCityFile(db.pool, loadCityFile(join(ROOT, 'config/cities/lakeport.yaml')), 'lakeport.yaml');
  await importZones(db.pool, lakeportWardsGeoJson(), {
    codeProperty: 'code',
    nameEnProperty: 'name_en',
    nameArProperty: 'name_ar',
    kind: 'community',
    subdivideVertices: 64,
  });
  dir = mkdtempSync(join(tmpdir(), 's360-lakeport-'));
  file = join(dir, 'lakeport-311.csv');
  writeFileSync(file, data.csv);
  process.env.DATABASE_URL = db.url;
  const log = console.log,
    error = console.error;
  console.log = () => {};
  console.error = () => {};
  try {
    status = await run(lakeportImportArgs(file, ROOT));
  } finally {
    console.log = log;
    console.error = error;
  }
});
afterAll(async () => {
  await db?.drop();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

type Loaded = {
  external_id: string;
  created_at: Date;
  closed_at: Date | null;
  status: string;
  topic_code: string | null;
  department_code: string;
  channel_code: string;
  lon: number | null;
  zone: string | null;
  resolution_due_at: Date;
  resolution_due_source: string;
  first_response_clock: boolean;
  first_response_due_at: Date | null;
  sla_state: string;
  res_outcome: string | null;
  fr_outcome: string | null;
};
async function loaded(): Promise<Map<string, Loaded>> {
  const { rows } = await db.pool
    .query<Loaded>(`SELECT r.external_id, r.created_at, r.closed_at, r.status, r.topic_code, r.department_code,
      r.channel_code, ST_X(r.location) AS lon, z.code AS zone, r.resolution_due_at, r.resolution_due_source, r.first_response_clock,
      r.first_response_due_at, r.sla_state, v.res_outcome, v.fr_outcome
    FROM requests r LEFT JOIN zones z ON z.id = r.zone_id JOIN rollup_input_current v ON v.request_id = r.id
    WHERE r.source = 'lakeport-311'`);
  return new Map(rows.map((r) => [r.external_id, r]));
}
const each = async (check: (c: LakeportCase, r: Loaded) => void) => {
  const rows = await loaded();
  for (const c of data.cases) {
    const r = rows.get(c.sr);
    assert.ok(r, `${c.sr} loaded`);
    check(c, r);
  }
};

describe("Lakeport's 311 export, imported as it is", () => {
  test('every good row loads; the bad rows are rejected (exit status 3) with every one of their problems', async () => {
    assert.equal(status, 3);
    assert.equal((await loaded()).size, data.cases.length);
    const rejects: Record<string, string[]> = {};
    for (const cells of parse(readFileSync(`${file}.rejects.csv`), { relax_column_count: true }) as string[][]) {
      if (cells[0] !== 'reject_line') {
        rejects[cells[3]] = cells[1].split(PROBLEM_SEPARATOR);
      }
    }
    assert.deepEqual(Object.keys(rejects).sort(), data.bad.map((b) => b.sr).sort());
    for (const b of data.bad) {
      assert.deepEqual(rejects[b.sr].sort(), [...b.columns].sort(), `${b.sr}: ${rejects[b.sr].join(', ')}`);
    }
    const text = readFileSync(`${file}.rejects.csv`, 'utf8');
    assert.match(text, /unknown department ""Parks District""/);
    assert.match(text, /unknown status ""Duplicate""/);
    assert.match(text, /unknown zone ""Ward 9""/);
  });

  test('local times are the true instants, the spring gap read an hour on and the autumn overlap as its first pass', async () => {
    await each((c, r) => {
      assert.equal(r.created_at.toISOString(), c.created_at, `${c.sr} created (${c.createdKind})`);
      assert.equal(r.closed_at?.toISOString() ?? null, c.closed_at, `${c.sr} closed`);
    });
    assert.deepEqual(
      data.cases.filter((c) => c.createdKind !== 'plain').map((c) => c.createdKind),
      ['gap', 'gap', 'gap', 'overlap', 'overlap', 'overlap']
    );
  });

  test('statuses in any case, topics (unknown types: none), departments and channels as given', async () => {
    await each((c, r) => {
      assert.deepEqual(
        [r.status, r.topic_code, r.department_code, r.channel_code],
        [c.status, c.topic, c.department, c.channel],
        c.sr
      );
    });
    assert.ok(
      data.cases.some((c) => c.topic === null),
      'some service types are unknown to the catalogue'
    );
  });

  test('the placeholder point is no location; the ward places it when given, by name', async () => {
    await each((c, r) => {
      assert.equal(r.lon === null, !c.located, `${c.sr} location`);
      assert.equal(r.zone, c.zone, `${c.sr} zone`);
    });
    assert.ok(
      data.cases.some((c) => !c.located && c.zone !== null) && data.cases.some((c) => !c.located && c.zone === null)
    );
  });

  test('the due time is the end of the target date, from the source; there is no first-response clock', async () => {
    await each((c, r) => {
      assert.equal(r.resolution_due_at.toISOString(), endOfLocalDay(c.target), `${c.sr} due`);
      assert.deepEqual([r.resolution_due_source, r.first_response_clock], ['source', false], c.sr);
    });
  });

  test('after the SLA sweep: every verdict is "closed on or before its target", and no first-response verdict at all', async () => {
    const sweep = await sweepSla(db.pool, LAKEPORT_NOW);
    assert.equal(sweep.evaluated, data.cases.length);
    await each((c, r) => {
      // Every target date lies before the sweep's now, so a case still open is late.
      const verdict = c.closedOnTime === null ? 'breached' : c.closedOnTime ? 'met' : 'breached';
      assert.equal(r.res_outcome, verdict, `${c.sr}: closed ${c.closed_at} target ${c.target}`);
      assert.equal(r.sla_state, verdict, c.sr);
      assert.deepEqual([r.first_response_due_at, r.fr_outcome], [null, null], c.sr);
    });
    const {
      rows: [alerts],
    } = await db.pool.query(`SELECT count(*) FILTER (WHERE target = 'first_response')::int AS fr,
      count(*) FILTER (WHERE target = 'resolution' AND kind = 'breach')::int AS breaches FROM sla_alerts`);
    assert.deepEqual(alerts, { fr: 0, breaches: data.cases.filter((c) => c.closedOnTime !== true).length });
    // None is left "never evaluated" (index requests_sla_unset_idx): none waits for a first-response due time it will never get.
    const {
      rows: [unset],
    } = await db.pool.query(`SELECT count(*)::int AS n FROM requests WHERE sla_policy_id IS NOT NULL
      AND (sla_evaluated_at IS NULL OR (first_response_due_at IS NULL AND first_response_clock) OR resolution_due_at IS NULL)`);
    assert.equal(unset.n, 0);
  });

  test("without --time-zone the city's zone reads local times; an unknown zone is bad usage", async () => {
    const one = join(dir, 'one.csv');
    writeFileSync(
      one,
      'SR_NUMBER,SR_TYPE,ORIGIN,STATUS,CREATED_DATE\r\nLP-26-ONE,Stray Animal,Phone Call,Open,11/01/2026 01:30:00 AM\r\n'
    );
    const mapping = join(ROOT, 'tests/fixtures/lakeport-311.mapping.json');
    const quiet = async (...argv: string[]) => {
      const error = console.error,
        log = console.log;
      console.error = () => {};
      console.log = () => {};
      try {
        return await run([one, '--mapping', mapping, '--quiet', ...argv]);
      } finally {
        console.error = error;
        console.log = log;
      }
    };
    assert.equal(await quiet('--time-zone', 'America/Lakeport'), 2);
    assert.equal(await quiet(), 0);
    const { rows } = await db.pool.query(
      "SELECT created_at, first_response_clock, sla_state FROM requests WHERE external_id = 'LP-26-ONE'"
    );
    // The command computed its SLA clocks (at the real now): open since 1 November, late on both targets.
    assert.deepEqual(
      rows.map((r) => [r.created_at.toISOString(), r.first_response_clock, r.sla_state]),
      [['2026-11-01T06:30:00.000Z', true, 'breached']]
    );
  });

  test('the figures count the resolution verdicts and no first-response ones', async () => {
    await applyPendingRollups(db.pool);
    const {
      rows: [sums],
    } = await db.pool.query(`SELECT sum(res_met)::int AS res_met, sum(res_breached)::int AS res_breached,
      sum(fr_met)::int AS fr_met, sum(fr_breached)::int AS fr_breached FROM rollups WHERE level = 'month' AND cube = 255`);
    const met = data.cases.filter((c) => c.closedOnTime === true).length;
    // The export's cases, and LP-26-ONE (imported through the command with a first-response clock, late on both targets).
    assert.deepEqual(sums, { res_met: met, res_breached: data.cases.length - met + 1, fr_met: 0, fr_breached: 1 });
    // Nor a first-response time the source never reported (no first-response median made of start-of-work times).
    const {
      rows: [fr],
    } = await db.pool.query(`SELECT count(*) FILTER (WHERE first_response_at IS NOT NULL)::int AS responded,
      (SELECT coalesce(sum(n), 0)::int FROM rollup_hist WHERE kind = 'fr') AS fr_hist FROM requests WHERE source = 'lakeport-311'`);
    assert.deepEqual(fr, { responded: 0, fr_hist: 0 });
  });
});
