// The built datasource's `request` query and its handling of unresolved filter variables, in the plugin host in
// real Chromium, against the real aggregator on real PostGIS, through the provisioned datasources and the host's
// datasource proxy: one request and its journey as two frames; the customer masked through the read-only
// datasource and unmasked through the PII one; no reference → a notice, an unknown one → the 404 message; a
// metrics query filtered on `$zone` in a dashboard without that variable answers data instead of a 400.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { QueryResult, SerializedFrame } from '../host/api.ts';
import { startBrowserEnv, unexpectedErrors, type BrowserEnv, type HostPage } from '../support/browser.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { ROOT_DIR } from '../host/webpack.config.ts';

const READ = 'services360-requests';
const PII = 'services360-requests-pii';
const HOUR = 3_600_000;
const CUSTOMER = {
  name: 'Fatima Al Mansoori',
  phone: '+971 50 123 4567',
  email: 'fatima.m@dubai.ae',
  national_id: '784-1985-1234567-1',
  language: 'ar',
};
// The browser logs the aggregator's 404 for an unknown reference ("Failed to load resource: ... status of 404").
const EXPECTED_404 = [/Failed to load resource: the server responded with a status of 404/];

let env: BrowserEnv;
let hp: HostPage;
let reference = '';
const now = Date.now();
const range = { from: new Date(now - 7 * 24 * HOUR).toISOString(), to: new Date(now).toISOString() };

beforeAll(async () => {
  env = await startBrowserEnv();
  const agg = env.aggregator!;
  await importGrid(agg.db.pool);
  const ingest = async (body: unknown) => {
    const res = await agg.call('POST', '/v1/requests', body, agg.tokens.ingest);
    assert.equal(res.status, 201, res.text);
    return res.body as { id: number; reference: string };
  };
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
  // The request of the journey: received three days ago, assigned, then a field visit.
  const journeyed = await ingest(
    sampleRequest({ external_id: 'browser-journey', customer: CUSTOMER, created_at: at(72) })
  );
  for (const e of [
    { status: 'assigned', actor: 'dispatcher', occurred_at: at(71) },
    { stage: 'field_visit', actor: 'field team', note: 'Team on site', occurred_at: at(48) },
  ]) {
    const res = await agg.call('POST', `/v1/requests/${journeyed.id}/events`, e, agg.tokens.ingest);
    assert.equal(res.status, 201, res.text);
  }
  reference = journeyed.reference;
  // More requests over the week, in two grid zones, for the metrics query.
  for (let i = 0; i < 12; i++) {
    await ingest(
      sampleRequest({
        external_id: `browser-metric-${i}`,
        created_at: at(2 + i * 9),
        location: { lon: i % 2 ? 55.25 : 55.15, lat: 25.15 },
      })
    );
  }
  hp = await env.newPage();
  await hp.open();
});
afterAll(async () => {
  await env?.stop();
});

const requestTarget = (ref: string, language = 'en') => ({
  refId: 'R',
  queryType: 'request',
  reference: ref,
  language,
  schemaVersion: 2,
});

async function query(uid: string, targets: Array<Record<string, unknown>>): Promise<QueryResult> {
  return hp.page.evaluate(({ uid, targets, range }) => window.__host.query(uid, targets, range), {
    uid,
    targets,
    range,
  });
}

const values = (frame: SerializedFrame, name: string) => frame.fields.find((f) => f.name === name)?.values;
const row = (frame: SerializedFrame) => Object.fromEntries(frame.fields.map((f) => [f.name, f.values[0]]));

describe('request queries in the plugin host', () => {
  test('the request kind returns the request (one row) and its journey (one row per event, in order)', async () => {
    const before = await hp.page.evaluate(() => window.__host.requests.length);
    const result = await query(PII, [requestTarget(reference)]);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.frames.map((f) => [f.name, f.refId]),
      [
        ['Request', 'R'],
        ['Journey', 'R'],
      ]
    );

    const sent = (await hp.page.evaluate((n) => window.__host.requests.slice(n), before)).filter((r) =>
      r.url.includes('/v1/requests/')
    );
    assert.equal(sent.length, 1);
    assert.equal(sent[0].method, 'GET');
    assert.equal(sent[0].url, `api/datasources/proxy/uid/${PII}/aggregator/v1/requests/${reference}?language=en`);
    assert.equal(
      Object.keys(sent[0].headers).some((h) => h.toLowerCase() === 'authorization'),
      false,
      'the browser sent a token'
    );

    const [request, journey] = result.frames;
    const r = row(request);
    for (const f of request.fields) {
      assert.equal(f.values.length, 1, f.name);
    }
    assert.deepEqual(
      [r.reference, r.status, r.stage, r.progress_pct, r.channel, r.category, r.topic, r.department, r.zone],
      [
        reference,
        'In progress',
        'Field visit',
        55,
        'WhatsApp',
        'Complaint',
        'Overflowing bin',
        'Waste Management',
        'Grid 1',
      ]
    );
    assert.equal(request.fields.find((f) => f.name === 'created_at')?.type, 'time');
    assert.equal(request.fields.find((f) => f.name === 'progress_pct')?.config.unit, 'percent');
    assert.equal(typeof r.resolution_due_at, 'number', 'the resolution due time, as epoch ms');

    // The journey equals the aggregator's, event for event, in its order (occurred_at).
    const direct = await env.aggregator!.call(
      'GET',
      `/v1/requests/${reference}?language=en`,
      undefined,
      env.aggregator!.tokens.read
    );
    assert.equal(direct.status, 200, direct.text);
    const times = direct.body.journey.map((e: { occurred_at: string }) => Date.parse(e.occurred_at));
    assert.equal(journey.fields[0].name, 'time');
    assert.equal(journey.fields[0].type, 'time');
    assert.deepEqual(values(journey, 'time'), times);
    assert.deepEqual(
      [...times].sort((a, b) => a - b),
      times,
      'in time order'
    );
    assert.deepEqual(values(journey, 'kind'), ['Received', 'Assigned', 'Stage change']);
    assert.deepEqual(values(journey, 'to_status'), ['Received', 'Assigned', 'In progress']);
    assert.deepEqual(values(journey, 'note'), [null, null, 'Team on site']);
    assert.deepEqual(hp.errors, []);
  });

  test('through the read-only datasource the customer is masked; through the PII datasource it is not', async () => {
    const masked = row((await query(READ, [requestTarget(reference)])).frames[0]);
    const plain = row((await query(PII, [requestTarget(reference)])).frames[0]);
    assert.deepEqual(
      [
        masked.customer_masked,
        masked.customer_name,
        masked.customer_phone,
        masked.customer_email,
        masked.customer_national_id,
        masked.customer_home_zone,
      ],
      [true, 'F. A. M.', '+971 ** *** **67', 'f***@d***.ae', '***-5671', null]
    );
    assert.deepEqual(
      [
        plain.customer_masked,
        plain.customer_name,
        plain.customer_phone,
        plain.customer_email,
        plain.customer_national_id,
      ],
      [false, CUSTOMER.name, CUSTOMER.phone, CUSTOMER.email, CUSTOMER.national_id]
    );
    assert.equal(masked.customer_language, 'ar');
  });

  test('in Arabic: display names and names of the values in Arabic', async () => {
    const result = await query(PII, [requestTarget(reference, 'ar')]);
    assert.deepEqual(result.errors, []);
    const [request, journey] = result.frames;
    assert.equal(request.fields.find((f) => f.name === 'reference')?.config.displayName, 'الرقم المرجعي');
    assert.equal(journey.fields.find((f) => f.name === 'time')?.config.displayName, 'الوقت');
    assert.match(String(row(request).status), /[\u0600-\u06FF]/);
    assert.match(String(values(journey, 'kind')?.[0]), /[\u0600-\u06FF]/);
  });

  test("the journey dashboard's own panel query ($reference, $language) gives the same two frames", async () => {
    const dashboard = JSON.parse(
      readFileSync(join(ROOT_DIR, 'provisioning/dashboards/services360/request-journey.json'), 'utf8')
    );
    const targets = dashboard.panels[0].targets;
    assert.equal(targets[0].reference, '$reference');
    const frames = await hp.page.evaluate(
      async ({ uid, targets, reference, range }) => {
        const ds = await window.__host.datasource(uid);
        const response = await ds.query({
          requestId: 'journey',
          targets,
          range: { from: new Date(range.from), to: new Date(range.to), raw: range },
          interval: '1h',
          intervalMs: 3_600_000,
          maxDataPoints: 100,
          timezone: 'utc',
          app: 'dashboard',
          startTime: Date.now(),
          scopedVars: { reference: { text: reference, value: reference }, language: { text: 'English', value: 'en' } },
        });
        return {
          errors: response.errors ?? [],
          data: response.data.map((f: any) => ({ name: f.name, length: f.length })),
        };
      },
      { uid: PII, targets, reference, range }
    );
    assert.deepEqual(frames.errors, []);
    assert.deepEqual(frames.data, [
      { name: 'Request', length: 1 },
      { name: 'Journey', length: 3 },
    ]);
  });

  test('an empty reference answers no data and a plain notice, not an error, and asks nothing', async () => {
    const before = await hp.page.evaluate(() => window.__host.requests.length);
    const result = await query(PII, [requestTarget('')]);
    assert.deepEqual(result.errors, []);
    assert.equal(result.frames.length, 1);
    assert.equal(result.frames[0].fields.length, 0);
    const notices =
      (result.frames[0].meta as { notices?: Array<{ severity: string; text: string }> } | undefined)?.notices ?? [];
    assert.equal(notices[0]?.severity, 'info');
    assert.match(notices[0]?.text ?? '', /^Type a reference number/);
    assert.equal(await hp.page.evaluate(() => window.__host.requests.length), before);
  });

  test('a $reference this page does not define answers the notice naming it', async () => {
    const result = await query(PII, [requestTarget('$reference')]);
    assert.deepEqual(result.errors, []);
    const notices = (result.frames[0]?.meta as { notices?: Array<{ text: string }> } | undefined)?.notices ?? [];
    assert.match(notices[0]?.text ?? '', /"\$reference" is a template variable this dashboard does not define/);
  });

  test("an unknown reference gives the aggregator's 404 message as a readable error", async () => {
    const page = await env.newPage();
    await page.open();
    const result: QueryResult = await page.page.evaluate(
      ({ uid, target, range }) => window.__host.query(uid, [target], range),
      { uid: PII, target: requestTarget('S360-000099999999'), range }
    );
    assert.equal(result.frames.length, 0);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0].refId, 'R');
    assert.equal(result.errors[0].message, 'request S360-000099999999 not found');
    assert.deepEqual(unexpectedErrors(page.errors, EXPECTED_404), []);
    await page.page.close();
  });
});

describe('unresolved filter variables in the plugin host', () => {
  test('a metrics query filtered on $zone, in a dashboard without that variable, answers data instead of a 400', async () => {
    assert.deepEqual(
      await hp.page.evaluate(() => window.__host.variables.get()),
      {},
      'no dashboard variables on this page'
    );
    const target = {
      refId: 'A',
      queryType: 'metrics',
      metric: 'received',
      groupBy: ['zone'],
      filters: { zone: ['$zone'] },
      format: 'table',
      language: 'en',
      schemaVersion: 2,
    };
    const before = await hp.page.evaluate(() => window.__host.requests.length);
    const result = await query(READ, [target]);
    assert.deepEqual(result.errors, []);
    const counts = (values(result.frames[0], 'received') ?? []) as number[];
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      13,
      'every request of the week, in every zone'
    );
    const posted = (await hp.page.evaluate((n) => window.__host.requests.slice(n), before)).filter((r) =>
      r.url.endsWith('/aggregator/v1/query')
    );
    assert.deepEqual(JSON.parse(posted[0].body!).targets[0].filters, { zone: ['all'] });
    // What the aggregator says to the filter as written:
    const raw = await env.aggregator!.call(
      'POST',
      '/v1/query',
      { ...JSON.parse(posted[0].body!), targets: [{ ...target, filters: { zone: ['$zone'] } }] },
      env.aggregator!.tokens.read
    );
    assert.equal(raw.status, 400, raw.text);
    assert.match(raw.text, /\$zone/);
  });
});
