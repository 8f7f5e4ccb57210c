// The statements that bucket every fact of a history (the bulk builds' facts and tile bins) pass the city's zone to
// the three-argument rollup_bucket through the one-row view city_time_zone, so PostgreSQL inlines the function into
// a CASE over date_trunc instead of calling it per row (migration 0047 gives the figures). An edit that loses the
// inlining loses no row, only that time: this test reads the plans. It also checks that the three-argument form,
// so passed, cuts the city's local days and months.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { sql, sqlFile } from '../../backend/db/sql.ts';
import { bindNamed } from '../../backend/db/named-params.ts';
import { freshCubeStatement, freshLevelStatement, FRESH_FACTS } from '../../backend/rollups/bulk-cube-sql.ts';
import { finestDaysStatement } from '../../backend/rollups/bulk-fresh-tiles.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/** The statements of a file that bucket with rollup_bucket. */
const bucketing = (file: string): string[] =>
  sql(file)
    .split(/;\s*\n/)
    .filter((statement) => statement.includes('rollup_bucket('));

/** The histogram side's facts (bulk_fresh_hist_facts.sql) of no request: the statement as the side runs it. */
const histFacts = () => bindNamed(sqlFile('rollups/bulk_fresh_hist_facts'), { ids: '{}' });

/** Runs `body` on a connection inside a transaction rolled back after (its stand-in tables go with it). */
async function rolledBack(body: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    // Empty stand-in for the table the fresh build makes before its facts, with its columns.
    await client.query('CREATE TEMP TABLE bulk_fresh_versions AS SELECT * FROM rollup_input_current LIMIT 0');
    await body(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/** `statement`'s plan calls no rollup_bucket (inlined) and truncates to `level` in the city's zone (a parameter). */
async function assertInlined(
  client: pg.PoolClient,
  statement: string,
  level: 'day' | 'month',
  values: unknown[] = []
): Promise<void> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN VERBOSE ${statement}`, values);
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  assert.doesNotMatch(plan, /rollup_bucket/, `called per row, not inlined:\n${statement}\n${plan}`);
  assert.match(
    plan,
    new RegExp(`date_trunc\\('${level}'::text, .*\\$\\d+\\)`),
    `the ${level} in the city's zone:\n${plan}`
  );
}

test('the bulk facts and tile buckets inline rollup_bucket', () =>
  rolledBack(async (client) => {
    await client.query('CREATE TEMP TABLE tile_bin_state_fresh (LIKE tile_bin_state)');
    const statements = [...bucketing('rollups/bulk_fresh_facts'), finestDaysStatement()];
    assert.equal(statements.length, 2, "the facts and the tile bins' finest days");
    for (const statement of statements) {
      await assertInlined(client, statement, 'day');
    }
    const { text, values } = histFacts();
    await assertInlined(client, text, 'day', values);
  }));

test("the fresh build's cubes group their months from their days with rollup_bucket inlined", () =>
  rolledBack(async (client) => {
    await client.query(sql('rollups/bulk_fresh_facts'));
    await client.query(histFacts());
    await client.query('CREATE TEMP TABLE rollups_fresh (LIKE rollups)');
    await client.query('CREATE TEMP TABLE rollup_hist_fresh (LIKE rollup_hist)');
    for (const kind of ['cube', 'hist'] as const) {
      // The cube's staging table made as the build makes it; the INSERT of its month rows explained.
      await client.query(bindNamed(freshCubeStatement(kind, ['zone'], FRESH_FACTS[kind]), {}).text);
      const { text, values } = bindNamed(freshLevelStatement(kind, ['zone']), { level: 'month' });
      assert.match(text, /rollup_bucket\('month'/);
      await assertInlined(client, text, 'month', values);
    }
  }));

test("rollup_bucket with city_time_zone's zone cuts local days and months, across both daylight-time changes", async () => {
  await db.pool.query(`UPDATE city_settings SET time_zone = 'America/New_York'`);
  // Against the local calendar written another way: truncate the local wall time, read it back in the zone.
  const { rows } = await db.pool.query<{ differ: number; n: number }>(
    `SELECT count(*) FILTER (WHERE rollup_bucket(l.level, t, tz.time_zone) IS DISTINCT FROM
              CASE l.level WHEN 'hour' THEN date_trunc('hour', t)
                           ELSE date_trunc(l.level, t AT TIME ZONE 'America/New_York') AT TIME ZONE 'America/New_York' END)::int
              AS differ,
            count(*)::int AS n
     FROM generate_series('2026-02-27T00:00:00Z'::timestamptz, '2027-01-02T00:00:00Z', interval '97 minutes') AS t
     CROSS JOIN (VALUES ('hour'), ('day'), ('month')) AS l(level)
     CROSS JOIN city_time_zone tz`
  );
  assert.equal(rows[0].n, 13_764);
  assert.equal(rows[0].differ, 0);
  const {
    rows: [edge],
  } = await db.pool.query<{ day: Date }>(
    `SELECT rollup_bucket('day', '2026-10-31T03:00:00Z', time_zone) AS day FROM city_time_zone`
  );
  // 03:00 UTC on 31 October is 23:00 on the 30th in New York (daylight time: midnight is 04:00 UTC).
  assert.equal(edge.day.toISOString(), '2026-10-30T04:00:00.000Z');
});
