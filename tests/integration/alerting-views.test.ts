import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { grantAlertingLogin, type AlertingLogin } from '../support/alerting-login.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';

let agg: TestAggregator;
let login: AlertingLogin;
let reader: pg.Client;

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  const requests = Array.from({ length: 20 }, (_, i) =>
    sampleRequest({
      source: 'alerting',
      external_id: `al-${i}`,
      created_at: new Date(Date.now() - i * 3_600_000).toISOString(),
    })
  );
  assert.equal((await agg.call('POST', '/v1/requests/batch', { requests })).status, 201);
  await applyPendingRollups(agg.db.pool);
  login = await grantAlertingLogin(agg.db.url);
  reader = login.reader;
});
afterAll(async () => {
  await login?.drop();
  await agg?.stop();
});

test('the alerting login reads every alerting view, each with a time column', async () => {
  for (const view of ['sla_by_department', 'backlog', 'zone_spikes', 'ingest_silence']) {
    const res = await reader.query(`SELECT * FROM alerting.${view}`);
    assert.ok(
      res.fields.some((f) => f.name === 'time'),
      `${view} has a time column`
    );
  }
  const backlog = await reader.query(`SELECT sum(open_requests)::int AS n FROM alerting.backlog`);
  assert.equal(backlog.rows[0].n, 20);
  const silence = await reader.query(`SELECT minutes_since_last_request::float8 AS m FROM alerting.ingest_silence`);
  assert.ok(silence.rows[0].m >= 0 && silence.rows[0].m < 60);
  const spikes = await reader.query(`SELECT last_24h FROM alerting.zone_spikes WHERE zone_code = 'G1'`);
  assert.equal(spikes.rows[0].last_24h, 20);
});

test('the alerting login can read nothing else and write nothing', async () => {
  for (const table of ['requests', 'customers', 'api_tokens', 'audit_log', 'rollups']) {
    await assert.rejects(reader.query(`SELECT 1 FROM ${table} LIMIT 1`), /permission denied/, table);
  }
  // Its transactions are read-only by default; a read-write one it may open still lacks the rights.
  await assert.rejects(reader.query(`CREATE TABLE alerting.x (a int)`), /read-only transaction/);
  for (const stmt of [
    'CREATE TABLE alerting.x (a int)',
    'CREATE TABLE public.x (a int)',
    'CREATE TEMP TABLE x (a int)',
  ]) {
    await assert.rejects(reader.query(`BEGIN READ WRITE; ${stmt}`), /permission denied/, stmt);
    await reader.query('ROLLBACK');
  }
});
