// Migrations carry no city (issue 11): a new database, migrated, has no channels, topics, calendars or holidays and
// counts days in UTC until a city file is applied, and /readyz says so. A database that applied the earlier texts
// (Dubai's catalogue and zone seeded; tests/fixtures/migrations-before-2026-12-06.json) migrates under today's files (the
// ledger accepts the texts amendments.json lists, and records today's) and ends, with Dubai's file applied, where a
// new database does.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blankDatabase, type TestDatabase } from '../support/db.ts';
import { listMigrations, migrate, readAmendments, statementsOf } from '../../backend/db/migrate.ts';
import { applyCityFile } from '../../backend/city/apply.ts';
import { DEMO_CITY_FILE } from '../../backend/city/migrate-with-city.ts';
import { exportCity } from '../../backend/city/export.ts';
import { loadCityFile } from '../../backend/city/load-file.ts';
import { observeReadiness, judgeReadiness } from '../../backend/ops/readiness.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The earlier texts, rebuilt from today's by the fixture's line edits ([from, to, earlier lines], 0-based). */
const EDITS = JSON.parse(
  readFileSync(join(fileURLToPath(import.meta.url), '../../fixtures/migrations-before-2026-12-06.json'), 'utf8')
) as Record<string, Array<[number, number, string[]]>>;
const TODAY = new Map(listMigrations().map((m) => [m.file, m]));
const earlierText = (file: string): string | null => {
  if (!EDITS[file] || file.startsWith('$')) {
    return null;
  }
  const lines = TODAY.get(file)!.text.split('\n');
  for (const [from, to, was] of [...EDITS[file]].reverse()) {
    lines.splice(from, to - from, ...was);
  }
  return lines.join('\n');
};
const AMENDED = ['0001_schema.sql', '0002_reference_data.sql', '0010_rollups.sql', '0036_city_configuration.sql'];

let fresh: TestDatabase;
let legacy: TestDatabase;
beforeAll(async () => {
  [fresh, legacy] = await Promise.all([blankDatabase(), blankDatabase()]);
});
afterAll(async () => {
  await Promise.all([fresh?.drop(), legacy?.drop()]);
});

const count = async (db: TestDatabase, table: string) =>
  (await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
const ledger = async (db: TestDatabase) =>
  (
    await db.pool.query<{ version: number; checksum: string; statements_checksum: string | null }>(
      'SELECT version, checksum, statements_checksum FROM schema_migrations ORDER BY version'
    )
  ).rows;

test('the amended migrations name no city: no Asia/Dubai, no seeded catalogue', () => {
  for (const m of listMigrations()) {
    assert.doesNotMatch(m.text, /Asia\/Dubai/, m.file);
  }
  const amendments = readAmendments();
  // Every earlier text the fixture rebuilds is listed, by both of its checksums (so it is that text, byte for byte).
  for (const file of AMENDED) {
    const text = earlierText(file)!;
    assert.match(text, /Asia\/Dubai/);
    assert.ok(
      amendments
        .get(file)
        ?.some((a) => a.text_sha256 === sha256(text) && a.statements_sha256 === sha256(statementsOf(text))),
      file
    );
  }
  assert.throws(
    () => readAmendments('{"0002_reference_data.sql": [{"text_sha256": "x", "why": ""}]}'),
    /0002_reference_data.sql\[0\] needs/
  );
});

test('a new database, migrated, has no city: empty catalogue, UTC days, and /readyz warns until a city file is applied', async () => {
  await migrate(fresh.pool);
  for (const table of ['channels', 'departments', 'topics', 'calendars', 'holidays', 'sla_policies']) {
    assert.equal(await count(fresh, table), 0, table);
  }
  assert.equal(await count(fresh, 'categories'), 6);
  const {
    rows: [b],
  } = await fresh.pool.query(`SELECT (SELECT time_zone FROM city_settings) AS zone,
    rollup_bucket('day', '2026-03-01T22:30:00Z') = '2026-03-01T00:00:00Z'::timestamptz AS utc_day`);
  assert.deepEqual(b, { zone: 'UTC', utc_day: true });
  const bare = judgeReadiness(await observeReadiness(fresh.pool, 5000), 600);
  assert.equal(bare.ready, true);
  assert.deepEqual(bare.warnings.filter((w) => w.path === 'city').length, 1);

  await applyCityFile(fresh.pool, loadCityFile(DEMO_CITY_FILE), 'dubai.yaml');
  const {
    rows: [d],
  } = await fresh.pool.query(`SELECT (SELECT time_zone FROM city_settings) AS zone,
    rollup_bucket('day', '2026-03-01T22:30:00Z') = '2026-03-02T00:00:00+04:00'::timestamptz AS dubai_day`);
  assert.deepEqual(d, { zone: 'Asia/Dubai', dubai_day: true });
  assert.deepEqual(
    judgeReadiness(await observeReadiness(fresh.pool, 5000), 600).warnings.filter((w) => w.path === 'city'),
    []
  );
});

test("a database that ran the earlier texts migrates under today's files, and ends where a new one does", async () => {
  // Built as the ledger built it then: each migration in its own transaction, recorded with its checksums; the
  // earliest rows as rows recorded before statements_checksum existed (whole text only).
  await legacy.pool
    .query(`CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(), statements_checksum text)`);
  for (const m of listMigrations()) {
    const text = earlierText(m.file) ?? m.text;
    const client = await legacy.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(text);
      await client.query(
        'INSERT INTO schema_migrations (version, name, checksum, statements_checksum) VALUES ($1, $2, $3, $4)',
        [m.version, m.name, sha256(text), m.version <= 10 ? null : sha256(statementsOf(text))]
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }
  assert.equal((await count(legacy, 'topics')) > 0, true, 'the earlier 0002 seeded a catalogue');
  assert.equal((await legacy.pool.query('SELECT time_zone FROM city_settings')).rows[0].time_zone, 'Asia/Dubai');

  const lines: string[] = [];
  assert.deepEqual((await migrate(legacy.pool, (l) => lines.push(l))).applied, []);
  assert.deepEqual(lines.map((l) => l.split(':')[0]).sort(), AMENDED);
  assert.ok(
    lines.every((l) => /applied in an earlier text, accepted \(.+\)/.test(l)),
    lines.join('\n')
  );
  // The ledger now records today's texts: a second run accepts without a word, and a changed statement is still refused.
  const byVersion = new Map(listMigrations().map((m) => [m.version, m]));
  for (const row of await ledger(legacy)) {
    assert.equal(row.statements_checksum, byVersion.get(row.version)!.statementsChecksum, `version ${row.version}`);
  }
  const again: string[] = [];
  await migrate(legacy.pool, (l) => again.push(l));
  assert.deepEqual(again, []);

  // Dubai's file onto the seeded database adds only the holidays the seed lacked (2027), and changes nothing else.
  const { plan } = await applyCityFile(legacy.pool, loadCityFile(DEMO_CITY_FILE), 'dubai.yaml');
  assert.ok(
    plan.steps.length > 0 &&
      plan.steps.every((s) => s.op === '+' && s.section === 'holidays' && s.key!.includes('2027-')),
    JSON.stringify(plan.steps.filter((s) => s.section !== 'holidays'))
  );
  // Both databases now export the same city.
  assert.deepEqual(await exportCity(legacy.pool), await exportCity(fresh.pool));
});
