import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, rowCounts, type TestDatabase } from '../support/db.ts';
import { importGrid } from '../support/fixtures.ts';
import { run } from '../../backend/cli/import-requests.ts';
import { importRequests, type ImportOptions } from '../../backend/import/import-requests.ts';
import { loadMapping } from '../../backend/import/mapping.ts';
import { ReferenceCache } from '../../backend/domain/reference.ts';

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await freshDatabase();
  await importGrid(db.pool);
  dir = mkdtempSync(join(tmpdir(), 's360-import-'));
  process.env.DATABASE_URL = db.url;
});
afterAll(async () => {
  await db?.drop();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Writes a CSV file (lines joined with \n) and returns its path. */
function csv(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Runs the CLI quietly; returns its exit status. */
async function cli(...argv: string[]): Promise<number> {
  const log = console.log,
    error = console.error;
  console.log = () => {};
  console.error = () => {};
  try {
    return await run([...argv, '--quiet']);
  } finally {
    console.log = log;
    console.error = error;
  }
}

const options = (file: string, over: Partial<ImportOptions> = {}): ImportOptions => ({
  file,
  mapping: loadMapping('services360'),
  rejectsFile: `${file}.rejects.csv`,
  chunkRows: 1000,
  maxDescriptionChars: 4000,
  ...over,
});

const HEADER =
  'source,external_id,channel,category,topic,priority,description,address,lon,lat,zone,created_at,status,' +
  'first_response_at,resolved_at,closed_at,customer_name,customer_phone,customer_email,satisfaction';
const ARABIC = 'حاوية ممتلئة، قرب المسجد, "again"\nالسطر الثاني';
const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;

describe('services360 import-requests with the services360 mapping', () => {
  const lines = [
    HEADER,
    `crm,ok-1,whatsapp,complaint,waste.overflowing_bin,,${quoted(ARABIC)},,55.15,25.15,,` +
      `2026-10-01T10:00:00+04:00,closed,2026-10-01T11:00:00+04:00,2026-10-02T10:00:00+04:00,2026-10-03T10:00:00+04:00,Fatima Al Mansoori,+971 50 123 4567,,5`,
    'crm,bad-1,fax,complaint,,,,,55.15,25.15,,2026-10-01T10:00:00+04:00,received,,,,,,,',
    'crm,ok-2,website,inquiry,,,,,55.25,25.25,,2026-10-01T10:00:00Z,in_progress,2026-10-01T12:00:00Z,,,,,,',
    'crm,bad-2,website,inquiry,,,,,east,25.25,,2026-10-01T10:00:00Z,received,,,,,,,',
    'crm,bad-3,website,inquiry,,,,,,,,2026-10-01T10:00:00Z,closed,,,,,,,',
    'crm,bad-4,website,inquiry',
    'crm,ok-3,call_centre,report,,,,,54.0,24.0,,2026-10-01 10:00:00+00,received,,,,,,,',
    'crm,ok-4,website,suggestion,,,,,,,G3,2026-10-01T10:00:00Z,cancelled,,,2026-10-01T12:00:00Z,,,,',
    'crm,bad-5,website,inquiry,,,,,,,,,received,,,,,,,',
    'crm,ok-1,whatsapp,complaint,,,,,55.15,25.15,,2026-10-01T10:00:00+04:00,received,,,,,,,',
  ];
  let file: string;
  let status: number;
  beforeAll(async () => {
    file = csv('history.csv', lines);
    status = await cli(file);
  });

  test('good rows load while bad rows are rejected (exit status 3)', async () => {
    assert.equal(status, 3);
    const { rows } = await db.pool.query<{ external_id: string }>(
      "SELECT external_id FROM requests WHERE source = 'crm' ORDER BY id"
    );
    assert.deepEqual(
      rows.map((r) => r.external_id),
      ['ok-1', 'ok-2', 'ok-3', 'ok-4']
    );
  });

  test('the rejects file holds line, field, reason and the original row of each bad row', () => {
    const text = readFileSync(`${file}.rejects.csv`, 'utf8');
    assert.deepEqual(text.trimEnd().split('\n'), [
      `reject_line,reject_field,reject_message,${HEADER}`,
      '4,channel,"unknown channel ""fax""; valid: website, social_media, call_centre, whatsapp, ' +
        'virtual_assistant, open311, import, walk_in",crm,bad-1,fax,complaint,,,,,55.15,25.15,,2026-10-01T10:00:00+04:00,received,,,,,,,',
      '6,lon,must be a number,crm,bad-2,website,inquiry,,,,,east,25.25,,2026-10-01T10:00:00Z,received,,,,,,,',
      '7,closed_at,"is required when the status is ""closed""",crm,bad-3,website,inquiry,,,,,,,,2026-10-01T10:00:00Z,closed,,,,,,,',
      '8,row,has 4 fields; the header has 20,crm,bad-4,website,inquiry',
      '11,created_at,required (an import keeps the original time),crm,bad-5,website,inquiry,,,,,,,,,received,,,,,,,',
    ]);
  });

  test('zones come from the point (smallest containing zone), from the zone column without a point, else none', async () => {
    const { rows } = await db.pool.query<{ external_id: string; zone: string | null }>(
      "SELECT r.external_id, z.code AS zone FROM requests r LEFT JOIN zones z ON z.id = r.zone_id WHERE r.source = 'crm' ORDER BY r.id"
    );
    assert.deepEqual(
      rows.map((r) => [r.external_id, r.zone]),
      [
        ['ok-1', 'G1'],
        ['ok-2', 'G4'],
        ['ok-3', null],
        ['ok-4', 'G3'],
      ]
    );
  });

  test('a closed row gets its whole journey, its times, its customer, its SLA policy and a rollup mark', async () => {
    const {
      rows: [r],
    } = await db.pool.query(`SELECT r.*, c.name AS customer_name, c.phone AS customer_phone, s.code AS sla,
        (SELECT count(*)::int FROM rollup_pending p WHERE p.request_id = r.id) AS marks
      FROM requests r JOIN customers c ON c.id = r.customer_id LEFT JOIN sla_policies s ON s.id = r.sla_policy_id
      WHERE r.source = 'crm' AND r.external_id = 'ok-1'`);
    assert.deepEqual(
      [r.status, r.stage, r.progress_pct, r.satisfaction, r.department_code, r.priority],
      ['closed', 'closed', 100, 5, 'waste', 'normal']
    );
    assert.deepEqual(
      [r.created_at, r.first_response_at, r.resolved_at, r.closed_at].map((d: Date) => d.toISOString()),
      ['2026-10-01T06:00:00.000Z', '2026-10-01T07:00:00.000Z', '2026-10-02T06:00:00.000Z', '2026-10-03T06:00:00.000Z']
    );
    assert.deepEqual(
      [r.customer_name, r.customer_phone, r.sla, r.marks],
      ['Fatima Al Mansoori', '+971 50 123 4567', 'complaint', 1]
    );
    const { rows: events } = await db.pool.query(
      'SELECT kind, from_status, to_status, progress_pct, occurred_at, actor FROM request_events WHERE request_id = $1 ORDER BY occurred_at, id',
      [r.id]
    );
    assert.deepEqual(
      events.map(
        (e) => `${e.kind} ${e.from_status}>${e.to_status} ${e.progress_pct}% ${e.occurred_at.toISOString()} ${e.actor}`
      ),
      [
        'received null>received 0% 2026-10-01T06:00:00.000Z crm',
        'assigned received>assigned 10% 2026-10-01T07:00:00.000Z crm',
        'stage assigned>in_progress 30% 2026-10-01T07:00:00.000Z crm',
        'resolved in_progress>resolved 95% 2026-10-02T06:00:00.000Z crm',
        'closed resolved>closed 100% 2026-10-03T06:00:00.000Z crm',
      ]
    );
  });

  test('a quoted field with commas, quotes, a line break and Arabic text survives', async () => {
    const { rows } = await db.pool.query(
      "SELECT description FROM requests WHERE source = 'crm' AND external_id = 'ok-1'"
    );
    assert.equal(rows[0].description, ARABIC);
  });

  test('a cancelled row is cancelled at its time; a received row has one event', async () => {
    const { rows } = await db.pool.query(`SELECT r.external_id, r.status, r.cancelled_at, r.first_response_at,
        array_agg(e.kind ORDER BY e.occurred_at, e.id) AS kinds
      FROM requests r JOIN request_events e ON e.request_id = r.id
      WHERE r.source = 'crm' AND r.external_id IN ('ok-3', 'ok-4') GROUP BY r.id ORDER BY r.id`);
    assert.deepEqual(
      rows.map((r) => [r.external_id, r.status, r.kinds, r.cancelled_at?.toISOString() ?? null, r.first_response_at]),
      [
        ['ok-3', 'received', ['received'], null, null],
        ['ok-4', 'cancelled', ['received', 'cancelled'], '2026-10-01T12:00:00.000Z', null],
      ]
    );
  });

  test('running the import again writes nothing', async () => {
    const before = await rowCounts(db.pool);
    const summary = await importRequests(db.pool, options(file, { rejectsFile: join(dir, 'again.rejects.csv') }));
    assert.deepEqual([summary.loaded, summary.present, summary.rejected], [0, 5, 5]);
    assert.deepEqual(await rowCounts(db.pool), before);
  });
});

describe('services360 import-requests with the open311-bulk mapping', () => {
  test('Open311 bulk columns load: service_code as topic, open/closed as status, updated_datetime as the close time', async () => {
    const file = csv('open311.csv', [
      'service_request_id,status,status_notes,service_name,service_code,description,agency_responsible,' +
        'service_notice,requested_datetime,updated_datetime,expected_datetime,address,address_id,zipcode,lat,long,media_url',
      '638344,closed,Fixed,Overflowing bin,waste.overflowing_bin,"Bin, full",Waste ' +
        'Management,,2026-09-01T08:00:00+04:00,2026-09-02T09:30:00+04:00,,Al Wasl Rd,,,25.15,55.25,',
      '638345,open,,Noise,environment.noise,Loud,Environment,,2026-09-03T08:00:00+04:00,2026-09-03T09:00:00+04:00,,,,,25.25,55.15,',
      '638346,open,,Noise,no.such.service,Loud,Environment,,2026-09-03T08:00:00+04:00,,,,,,25.25,55.15,',
    ]);
    assert.equal(await cli(file, '--mapping', 'open311-bulk'), 3);
    const { rows } = await db.pool
      .query(`SELECT r.external_id, r.source, r.channel_code, r.category_code, r.topic_code, r.status,
        r.closed_at, z.code AS zone, (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id) AS events
      FROM requests r LEFT JOIN zones z ON z.id = r.zone_id WHERE r.source = 'open311' ORDER BY r.external_id`);
    assert.deepEqual(
      rows.map((r) => [
        r.external_id,
        r.channel_code,
        r.category_code,
        r.topic_code,
        r.status,
        r.closed_at?.toISOString() ?? null,
        r.zone,
        r.events,
      ]),
      [
        ['638344', 'import', 'report', 'waste.overflowing_bin', 'closed', '2026-09-02T05:30:00.000Z', 'G2', 5],
        ['638345', 'import', 'report', 'environment.noise', 'received', null, 'G3', 1],
      ]
    );
    const rejects = readFileSync(`${file}.rejects.csv`, 'utf8').split('\n');
    assert.match(rejects[1], /^4,service_code,"unknown topic ""no\.such\.service""; valid: /);
  });

  test('--map and --set fill fields the file names differently or lacks', async () => {
    const file = csv('tickets.csv', ['Ticket,Opened,Kind', 'T-1,2026-09-01T08:00:00Z,complaint']);
    assert.equal(
      await cli(
        file,
        '--mapping',
        'services360',
        '--map',
        'Ticket=external_id',
        '--map',
        'Opened=created_at',
        '--map',
        'Kind=category',
        '--set',
        'channel=walk_in',
        '--set',
        'source=front-desk'
      ),
      0
    );
    const { rows } = await db.pool.query(
      "SELECT channel_code, category_code FROM requests WHERE source = 'front-desk' AND external_id = 'T-1'"
    );
    assert.deepEqual(rows, [{ channel_code: 'walk_in', category_code: 'complaint' }]);
    assert.equal(existsSync(`${file}.rejects.csv`), false, 'no rejects, no rejects file');
  });

  test('a file without a column for a required field is refused before anything is read (exit status 2)', async () => {
    const file = csv('nocat.csv', ['external_id,created_at', 'x,2026-09-01T08:00:00Z']);
    const before = await rowCounts(db.pool);
    assert.equal(await cli(file), 2);
    assert.deepEqual(await rowCounts(db.pool), before);
  });
});

describe('chunks and reference checks', () => {
  const rows = (source: string, n: number) => [
    HEADER,
    ...Array.from(
      { length: n },
      (_, i) =>
        `${source},r-${i % 7},website,complaint,waste.overflowing_bin,,,,${55.1 + (i % 2) * 0.1 + 0.05},` +
        `25.15,,2026-10-01T10:00:00Z,resolved,2026-10-01T11:00:00Z,2026-10-01T12:00:00Z,,Ahmed,,,`
    ),
  ];

  test('small chunks: repeated keys in the file (in one chunk or across chunks) load once', async () => {
    const file = csv('repeats.csv', rows('chunky', 10));
    const summary = await importRequests(db.pool, options(file, { chunkRows: 3 }));
    assert.deepEqual([summary.rows, summary.loaded, summary.present, summary.rejected], [10, 7, 3, 0]);
    const {
      rows: [n],
    } = await db.pool.query(
      'SELECT count(*)::int AS requests, sum((SELECT count(*) FROM request_events e WHERE e.request_id = ' +
        "r.id))::int AS events, count(customer_id)::int AS customers FROM requests r WHERE source = 'chunky'"
    );
    assert.deepEqual(n, { requests: 7, events: 28, customers: 7 });
  });

  test('two writers side by side: every row once, repeats across their chunks included', async () => {
    const file = csv('parallel.csv', rows('parallel', 200));
    const summary = await importRequests(db.pool, options(file, { chunkRows: 5, writers: 2 }));
    assert.deepEqual([summary.rows, summary.loaded, summary.present], [200, 7, 193]);
    const {
      rows: [n],
    } = await db.pool.query(
      "SELECT count(*)::int AS requests, count(DISTINCT external_id)::int AS keys FROM requests WHERE source = 'parallel'"
    );
    assert.deepEqual(n, { requests: 7, keys: 7 });
  });

  test('row triggers on or off, the same rows are written', async () => {
    const snapshot = async (source: string) =>
      (
        await db.pool.query(
          `SELECT r.external_id, r.status, r.progress_pct, r.zone_id, r.sla_policy_id,
        r.first_response_at, r.resolved_at, c.name, array_agg(e.kind || ':' || e.to_status || ':' || e.occurred_at ORDER BY e.id) AS events
      FROM requests r LEFT JOIN customers c ON c.id = r.customer_id JOIN request_events e ON e.request_id = r.id
      WHERE r.source = $1 GROUP BY r.id, c.name ORDER BY r.id`,
          [source]
        )
      ).rows;
    const fast = await importRequests(db.pool, options(csv('fast.csv', rows('fast', 7))));
    const slow = await importRequests(db.pool, options(csv('slow.csv', rows('slow', 7)), { triggers: 'on' }));
    assert.equal(slow.referenceChecks, 'row triggers');
    assert.equal(fast.loaded, 7);
    assert.deepEqual(await snapshot('fast'), await snapshot('slow'));
  });

  test('a code that passed the checks but is missing from the database stops the chunk; nothing of it is written', async () => {
    const stale = await new ReferenceCache(db.pool, 0).get();
    const ref = {
      ...stale,
      channel: new Map([...stale.channel, ['fax', { code: 'fax', name_en: 'Fax', name_ar: 'فاكس' }]]),
    };
    const file = csv('stale.csv', [
      HEADER,
      'stale,s-1,website,inquiry,,,,,,,,2026-10-01T10:00:00Z,received,,,,,,,',
      'stale,s-2,fax,inquiry,,,,,,,,2026-10-01T10:00:00Z,received,,,,,,,',
    ]);
    const before = await rowCounts(db.pool);
    await assert.rejects(importRequests(db.pool, options(file, { reference: ref })), /lines 2–3 could not be written/);
    assert.deepEqual(await rowCounts(db.pool), before);
  });
});
