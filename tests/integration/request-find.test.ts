// GET /v1/requests?source=…&external_id=… (and services360 find-request): the request a source system knows by its
// own id, under the rules of GET /v1/requests/{id} — scope read, the customer masked without pii, unmasked and
// audited with it; 404 for an unknown pair, 400 naming what is missing, 403 without read.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const CUSTOMER = {
  name: 'Fatima Al Mansoori',
  phone: '+971 50 123 4567',
  email: 'fatima.m@dubai.ae',
  national_id: '784-1985-1234567-1',
  language: 'ar',
};
let agg: TestAggregator;
let created: { id: number; reference: string };

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  const res = await agg.call(
    'POST',
    '/v1/requests',
    sampleRequest({ source: 'crm.dm', external_id: 'CASE 42/7', customer: CUSTOMER }),
    agg.tokens.ingest
  );
  assert.equal(res.status, 201, res.text);
  created = res.body;
});
afterAll(async () => {
  await agg?.stop();
});

const find = (query: string, token: string) => agg.call('GET', `/v1/requests?${query}`, undefined, token);
const audits = async () =>
  (
    await agg.db.pool.query(
      `SELECT token_id, token_name, action, detail->>'reference' AS reference FROM audit_log ORDER BY id`
    )
  ).rows;

test('with read: the same answer as by id, the customer masked, nothing audited', async () => {
  const res = await find('source=crm.dm&external_id=CASE%2042%2F7', agg.tokens.read);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.headers.get('cache-control'), 'private, no-store');
  const byId = await agg.call('GET', `/v1/requests/${created.id}`, undefined, agg.tokens.read);
  // The live clock is computed at each read: everything else is the same.
  const settled = (b: { sla: Record<string, unknown> }) => ({ ...b, sla: { ...b.sla, clock: 'live' } });
  assert.deepEqual(settled(res.body), settled(byId.body));
  assert.equal(res.body.reference, created.reference);
  assert.equal(res.body.customer.masked, true);
  assert.equal(res.body.customer.phone, '+971 ** *** **67');
  assert.deepEqual(await audits(), []);
});

test('with pii: unmasked, and the read audited once under the token', async () => {
  const res = await find('source=crm.dm&external_id=CASE%2042%2F7&language=ar', agg.tokens.pii);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.customer.masked, false);
  assert.equal(res.body.customer.phone, CUSTOMER.phone);
  const rows = await audits();
  assert.equal(rows.length, 1);
  assert.deepEqual(
    { ...rows[0], token_id: typeof rows[0].token_id },
    { token_id: 'number', token_name: 'test-pii', action: 'read_pii', reference: created.reference }
  );
});

test('an unknown pair is 404; a missing or malformed part is 400 naming it; an ingest-only token is 403', async () => {
  const missing = await find('source=crm.dm&external_id=nope', agg.tokens.read);
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body.details, [
    { path: 'query.external_id', message: 'request with source "crm.dm" and external_id "nope" not found' },
  ]);
  const bad = await find('source=no%20spaces', agg.tokens.read);
  assert.equal(bad.status, 400);
  assert.deepEqual(
    bad.body.details.map((d: { path: string }) => d.path),
    ['query.source', 'query.external_id']
  );
  const unknown = await find('source=crm.dm&external_id=x&id=1', agg.tokens.read);
  assert.equal(unknown.status, 400);
  assert.equal((await find('source=crm.dm&external_id=CASE%2042%2F7', agg.tokens.ingest)).status, 403);
  assert.equal(
    (await agg.call('GET', '/v1/requests?source=crm.dm&external_id=CASE%2042%2F7', undefined, null)).status,
    401
  );
});

test('services360 find-request: masked by default; --pii unmasked and audited as the command line', async () => {
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, [join(ROOT, 'bin/services360.js'), 'find-request', ...args], {
      env: { ...process.env, DATABASE_URL: agg.db.url },
      cwd: ROOT,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string })
    );
  const before = (await audits()).length;
  const masked = await cli('--source', 'crm.dm', '--external-id', 'CASE 42/7');
  assert.equal(masked.code, 0, masked.stderr);
  assert.equal(JSON.parse(masked.stdout).customer.masked, true);
  assert.equal((await audits()).length, before);
  const open = await cli('--source', 'crm.dm', '--external-id', 'CASE 42/7', '--pii');
  assert.equal(open.code, 0, open.stderr);
  assert.equal(JSON.parse(open.stdout).customer.email, CUSTOMER.email);
  const last = (await audits()).at(-1)!;
  assert.equal(last.token_id, null);
  assert.match(last.token_name, /^cli:/);
  const none = await cli('--source', 'crm.dm', '--external-id', 'nope');
  assert.equal(none.code, 3);
  assert.match(none.stderr, /request with source "crm\.dm" and external_id "nope" not found/);
});
