// Open311 GeoReport v2 against real PostGIS: discovery, services, the form POST → GET round trip in
// JSON and XML, filters, status mapping after journey events, and every error in the spec's shape.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { XMLParser } from 'fast-xml-parser';
import { startServer } from '../../backend/server.ts';
import { open311ErrorHandler, registerOpen311 } from '../../backend/routes/open311/index.ts';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { rowCounts } from '../support/db.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';

let agg: TestAggregator;
// These tests follow what is written through to what is read, so the public view shows everything here
// (the city's choice: S360_OPEN311_PUBLIC_*); open311-details.test.ts checks the private defaults.
beforeAll(async () => {
  agg = await startTestAggregator({
    open311PublicDescription: 'on',
    open311PublicAddress: 'on',
    open311PublicPoint: 'exact',
  });
  await importGrid(agg.db.pool);
});
afterAll(async () => {
  await agg?.stop();
});

const LISTS = new Set(['service', 'request', 'error', 'endpoint', 'format', 'attribute', 'value']);
const xmlParser = new XMLParser({ parseTagValue: false, htmlEntities: true, isArray: (name) => LISTS.has(name) });

type Answer = { status: number; body: any; text: string; headers: Headers };

async function open311(
  method: 'GET' | 'POST',
  path: string,
  form?: Record<string, string>,
  headers: Record<string, string> = {}
): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (form) {
    init.body = new URLSearchParams(form).toString();
    (init.headers as Record<string, string>)['content-type'] ??= 'application/x-www-form-urlencoded; charset=utf-8';
  }
  const res = await fetch(`${agg.url}/open311/v2${path}`, init);
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const body = type.startsWith('text/xml')
    ? xmlParser.parse(text)
    : type.startsWith('application/json')
      ? JSON.parse(text)
      : text;
  return { status: res.status, body, text, headers: res.headers };
}

const report = (over: Record<string, string> = {}) => ({
  api_key: agg.tokens.ingest,
  service_code: 'waste.overflowing_bin',
  lat: '25.15',
  long: '55.15',
  description: 'Bin overflowing since yesterday',
  first_name: 'Fatima',
  last_name: 'Al Mansoori',
  email: 'fatima@example.ae',
  phone: '+971 50 123 4567',
  device_id: 'device-77',
  ...over,
});

async function post(over: Record<string, string> = {}, ext = '.json'): Promise<string> {
  const res = await open311('POST', `/requests${ext}`, report(over));
  assert.equal(res.status, 201, res.text);
  return ext === '.xml' ? res.body.service_requests.request[0].service_request_id : res.body[0].service_request_id;
}

async function journey(reference: string, ...events: Array<Record<string, unknown>>) {
  for (const e of events) {
    const res = await agg.call('POST', `/v1/requests/${reference}/events`, e, agg.tokens.ingest);
    assert.equal(res.status, 201, res.text);
  }
}

/** Calls, then asserts the status, the spec's error shape in JSON or XML, and that nothing was written. */
async function refused(
  method: 'GET' | 'POST',
  path: string,
  form: Record<string, string> | undefined,
  status: number,
  headers: Record<string, string> = {}
): Promise<Array<{ code: number; description: string }>> {
  const before = await rowCounts(agg.db.pool);
  const res = await open311(method, path, form, headers);
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  let errors: Array<{ code: number | string; description: string }>;
  if (path.includes('.xml')) {
    assert.match(res.headers.get('content-type')!, /^text\/xml; charset=utf-8/);
    assert.ok(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
    errors = res.body.errors.error;
  } else {
    assert.match(res.headers.get('content-type')!, /^application\/json; charset=utf-8/);
    errors = res.body;
  }
  assert.ok(Array.isArray(errors) && errors.length > 0, res.text);
  for (const e of errors) {
    assert.deepEqual(Object.keys(e).sort(), ['code', 'description']);
    assert.equal(Number(e.code), status);
    assert.equal(typeof e.description, 'string');
  }
  assert.doesNotMatch(res.text, /stack|SELECT|at .*\.ts:/);
  assert.deepEqual(await rowCounts(agg.db.pool), before, 'the database changed');
  return errors.map((e) => ({ code: Number(e.code), description: e.description }));
}

describe('Open311 discovery and services', () => {
  test('discovery names the GeoReport v2 endpoint, in JSON by default and in XML', async () => {
    for (const path of ['/discovery', '/discovery.json']) {
      const res = await open311('GET', path);
      assert.equal(res.status, 200);
      assert.match(res.body.changeset, /^\d{4}-\d{2}-\d{2}T/);
      const [endpoint] = res.body.endpoints;
      assert.equal(endpoint.specification, 'http://wiki.open311.org/GeoReport_v2');
      assert.equal(endpoint.url, `${agg.url}/open311/v2`);
      assert.deepEqual(endpoint.formats, ['text/xml', 'application/json']);
    }
    const xml = await open311('GET', '/discovery.xml');
    assert.equal(xml.status, 200);
    assert.equal(xml.body.discovery.endpoints.endpoint[0].type, 'production');
    assert.deepEqual(xml.body.discovery.endpoints.endpoint[0].formats.format, ['text/xml', 'application/json']);
    assert.ok(typeof xml.body.discovery.key_service === 'string' && xml.body.discovery.key_service.length > 0);
  });

  test('every topic is a service grouped by its department, the same in JSON and XML', async () => {
    const { rows } = await agg.db.pool.query(
      `SELECT t.code, t.name_en, d.name_en AS dept FROM topics t JOIN departments d ON d.code = t.department_code ORDER BY t.code`
    );
    const json = await open311('GET', '/services.json?jurisdiction_id=dubai.ae');
    assert.equal(json.status, 200);
    assert.deepEqual(
      json.body.map((s: any) => [s.service_code, s.service_name, s.group]),
      rows.map((r) => [r.code, r.name_en, r.dept])
    );
    for (const s of json.body) {
      assert.equal(s.metadata, true);
      assert.equal(s.type, 'realtime');
      assert.ok(s.keywords.length > 0 && s.description.length > 0);
    }
    const xml = await open311('GET', '/services.xml');
    assert.equal(xml.status, 200);
    assert.deepEqual(
      xml.body.services.service.map((s: any) => s.service_code),
      rows.map((r) => r.code)
    );
    assert.equal(xml.body.services.service[0].metadata, 'true');
  });

  test('?lang=ar names services and departments in Arabic', async () => {
    const res = await open311('GET', '/services?lang=ar');
    const bin = res.body.find((s: any) => s.service_code === 'waste.overflowing_bin');
    assert.equal(bin.service_name, 'حاوية نفايات ممتلئة');
    assert.equal(bin.group, 'إدارة النفايات');
    const xml = await open311('GET', '/services.xml?lang=ar');
    assert.ok(xml.text.includes('<service_name>حاوية نفايات ممتلئة</service_name>'));
  });

  test('a service definition offers our categories and the external_id attribute', async () => {
    const json = await open311('GET', '/services/waste.overflowing_bin.json');
    assert.equal(json.status, 200);
    assert.equal(json.body.service_code, 'waste.overflowing_bin');
    const [category, externalId] = json.body.attributes;
    assert.equal(category.code, 'category');
    assert.equal(category.datatype, 'singlevaluelist');
    assert.deepEqual(
      category.values.map((v: any) => v.key),
      ['inquiry', 'report', 'observation', 'complaint', 'service_request', 'suggestion']
    );
    assert.equal(externalId.code, 'external_id');
    assert.equal(externalId.datatype, 'string');
    const xml = await open311('GET', '/services/waste.overflowing_bin.xml');
    const attrs = xml.body.service_definition.attributes.attribute;
    assert.deepEqual(
      attrs.map((a: any) => a.code),
      ['category', 'external_id']
    );
    assert.equal(attrs[0].values.value.length, 6);
    assert.deepEqual(attrs[0].values.value[1], { key: 'report', name: 'Report' });
    const plain = await open311('GET', '/services/waste.overflowing_bin');
    assert.deepEqual(plain.body, json.body);
  });
});

describe('Open311 POST requests → GET', () => {
  test('round trip: a form POST, then GET by id and by date range, in JSON and XML', async () => {
    const posted = await open311(
      'POST',
      '/requests.json',
      report({ account_id: 'acct-9', media_url: 'https://example.ae/p/1.jpg' })
    );
    assert.equal(posted.status, 201, posted.text);
    assert.equal(posted.body.length, 1);
    const { service_request_id: id, service_notice, account_id } = posted.body[0];
    assert.match(id, /^S360-\d{9}$/);
    assert.equal(account_id, 'acct-9');
    assert.match(
      service_notice,
      /^Waste Management\. Target: first response within 4 hours, resolution within 40 hours/
    );

    const { rows } = await agg.db.pool.query(
      `SELECT r.channel_code, r.category_code, r.topic_code, r.source, z.code AS zone, c.name, c.email, c.phone,
        (SELECT count(*) FROM request_events e WHERE e.request_id = r.id)::int AS events
      FROM requests r LEFT JOIN zones z ON z.id = r.zone_id LEFT JOIN customers c ON c.id = r.customer_id WHERE r.reference = $1`,
      [id]
    );
    assert.deepEqual(rows[0], {
      channel_code: 'open311',
      category_code: 'report',
      topic_code: 'waste.overflowing_bin',
      source: rows[0].source,
      zone: 'G1',
      name: 'Fatima Al Mansoori',
      email: 'fatima@example.ae',
      phone: '+971 50 123 4567',
      events: 1,
    });
    assert.match(rows[0].source, /^open311:token-\d+$/);

    const byId = await open311('GET', `/requests/${id}.json`);
    assert.equal(byId.status, 200);
    const [r] = byId.body;
    assert.deepEqual(Object.keys(r), [
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'lat',
      'long',
      'media_url',
    ]);
    assert.equal(r.service_request_id, id);
    assert.equal(r.status, 'open');
    assert.equal(r.status_notes, 'Received');
    assert.equal(r.service_name, 'Overflowing bin');
    assert.equal(r.agency_responsible, 'Waste Management');
    assert.equal(r.description, 'Bin overflowing since yesterday');
    assert.deepEqual([r.lat, r.long], [25.15, 55.15]);
    assert.equal(r.media_url, 'https://example.ae/p/1.jpg');
    assert.match(r.requested_datetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    for (const personal of ['Fatima', 'Mansoori', 'fatima@example.ae', '123 4567', 'device-77', 'acct-9']) {
      assert.ok(!byId.text.includes(personal), `GET leaked ${personal}`);
    }

    const xml = await open311('GET', `/requests/${id}.xml`);
    assert.equal(xml.status, 200);
    const x = xml.body.service_requests.request[0];
    assert.equal(x.service_request_id, id);
    assert.equal(x.status, 'open');
    assert.equal(x.requested_datetime, r.requested_datetime);
    assert.equal(Number(x.lat), 25.15);
    assert.ok(r.expected_datetime, 'the SLA due time is there right after the POST');
    assert.equal(x.expected_datetime, r.expected_datetime);
    assert.equal(x.media_url, 'https://example.ae/p/1.jpg');

    const t = Date.parse(r.requested_datetime);
    const range = `start_date=${new Date(t - 60_000).toISOString()}&end_date=${new Date(t + 60_000).toISOString()}`;
    const inRange = await open311('GET', `/requests.json?${range}`);
    assert.ok(inRange.body.some((q: any) => q.service_request_id === id));
    const inRangeXml = await open311('GET', `/requests.xml?${range}`);
    assert.ok(inRangeXml.body.service_requests.request.some((q: any) => q.service_request_id === id));
    const before = await open311('GET', `/requests.json?end_date=${new Date(t - 60_000).toISOString()}`);
    assert.ok(!before.body.some((q: any) => q.service_request_id === id));
  });

  test('a POST to requests.xml answers in XML', async () => {
    const res = await open311('POST', '/requests.xml', report());
    assert.equal(res.status, 201, res.text);
    const [answer] = res.body.service_requests.request;
    assert.match(answer.service_request_id, /^S360-\d{9}$/);
    assert.equal(answer.account_id, '');
    assert.ok(res.text.includes('<account_id/>'));
  });

  test('attribute[category] sets the category; an address without a point is kept unzoned', async () => {
    const id = await post({
      'attribute[category]': 'complaint',
      lat: '',
      long: '',
      address_string: 'Al Wasl Rd, Jumeirah 1, Dubai',
    });
    const { rows } = await agg.db.pool.query(
      'SELECT category_code, zone_id, location, address FROM requests WHERE reference = $1',
      [id]
    );
    assert.deepEqual(rows[0], {
      category_code: 'complaint',
      zone_id: null,
      location: null,
      address: 'Al Wasl Rd, Jumeirah 1, Dubai',
    });
    const [r] = (await open311('GET', `/requests/${id}`)).body;
    assert.deepEqual([r.address, r.lat, r.long], ['Al Wasl Rd, Jumeirah 1, Dubai', null, null]);
  });

  test('attribute[external_id] makes a resubmission return the original and write nothing', async () => {
    const form = report({ 'attribute[external_id]': 'app-report-1' });
    const first = await open311('POST', '/requests.json', form);
    assert.equal(first.status, 201);
    const before = await rowCounts(agg.db.pool);
    const again = await open311('POST', '/requests.json', form);
    assert.equal(again.status, 200);
    assert.equal(again.body[0].service_request_id, first.body[0].service_request_id);
    assert.deepEqual(await rowCounts(agg.db.pool), before);
  });

  test('so does an Idempotency-Key header; without a key every POST is new', async () => {
    const headers = { 'idempotency-key': 'hdr-key-1', 'content-type': 'application/x-www-form-urlencoded' };
    const a = await open311('POST', '/requests.json', report(), headers);
    const b = await open311('POST', '/requests.json', report(), headers);
    assert.deepEqual([a.status, b.status], [201, 200]);
    assert.equal(a.body[0].service_request_id, b.body[0].service_request_id);
    const c = await post();
    const d = await post();
    assert.notEqual(c, d);
  });

  test('idempotency keys belong to one api_key: another client with the same key gets its own request', async () => {
    const form = { 'attribute[external_id]': 'shared-key' };
    const mine = await post(form);
    const theirs = await post({ ...form, api_key: agg.tokens.all });
    assert.notEqual(mine, theirs);
  });
});

describe('Open311 GET requests filters', () => {
  let bin: string;
  let noise: string;
  let old: string;
  let done: string;
  beforeAll(async () => {
    bin = await post();
    noise = await post({ service_code: 'environment.noise' });
    done = await post({ service_code: 'environment.noise' });
    await journey(done, { status: 'assigned' }, { status: 'in_progress' }, { status: 'resolved' });
    const created = await agg.call(
      'POST',
      '/v1/requests',
      sampleRequest({
        channel: 'open311',
        topic: 'environment.noise',
        created_at: new Date(Date.now() - 100 * 86_400_000).toISOString(),
      }),
      agg.tokens.ingest
    );
    assert.equal(created.status, 201, created.text);
    old = created.body.reference;
  });
  const ids = (body: any[]) => body.map((r) => r.service_request_id);

  test('the default window is the last 90 days', async () => {
    const res = await open311('GET', '/requests.json');
    assert.ok(ids(res.body).includes(bin));
    assert.ok(!ids(res.body).includes(old));
    const past = new Date(Date.now() - 120 * 86_400_000).toISOString();
    const wide = await open311('GET', `/requests.json?start_date=${past}`);
    assert.ok(ids(wide.body).includes(old));
    assert.ok(!ids(wide.body).includes(bin), 'a window from start_date spans 90 days, not up to now');
  });

  test('service_code and status filter; closed includes resolved', async () => {
    const noiseOnly = await open311('GET', '/requests.json?service_code=environment.noise');
    assert.ok(noiseOnly.body.every((r: any) => r.service_code === 'environment.noise'));
    assert.ok(ids(noiseOnly.body).includes(noise) && !ids(noiseOnly.body).includes(bin));
    const closed = await open311('GET', '/requests.json?status=closed');
    assert.deepEqual(ids(closed.body), [done]);
    const open = await open311('GET', '/requests.json?status=open&service_code=environment.noise');
    assert.ok(ids(open.body).includes(noise) && !ids(open.body).includes(done));
    const both = await open311('GET', '/requests.json?status=open,closed&service_code=environment.noise');
    assert.ok(ids(both.body).includes(noise) && ids(both.body).includes(done));
  });

  test('service_request_id takes a comma list and overrides the other arguments', async () => {
    const res = await open311('GET', `/requests.json?service_request_id=${bin},${old},S360-999999999&status=closed`);
    assert.deepEqual(new Set(ids(res.body)), new Set([bin, old]));
  });

  test('page and page_size walk the window, newest first, with a Link to the next page', async () => {
    const all = ids((await open311('GET', '/requests.json')).body);
    assert.ok(all.length >= 4);
    const first = await open311('GET', '/requests.json?page_size=2');
    assert.deepEqual(ids(first.body), all.slice(0, 2));
    assert.match(first.headers.get('link')!, /^<\/open311\/v2\/requests\.json\?page_size=2&page=2>; rel="next"$/);
    const second = await open311('GET', '/requests.json?page_size=2&page=2');
    assert.deepEqual(ids(second.body), all.slice(2, 4));
    const last = await open311('GET', `/requests.json?page_size=${all.length}`);
    assert.equal(last.headers.get('link'), null);
  });

  test('at most open311MaxResults per answer', async () => {
    const errors = await refused('GET', '/requests.json?page_size=1001', undefined, 400);
    assert.match(errors[0].description, /^page_size: must be a whole number from 1 to 1000$/);
  });
});

describe('Open311 status mapping after journey events', () => {
  test('open with the stage in status_notes, then closed when resolved or cancelled', async () => {
    const id = await post();
    const notes = async (lang = 'en') => {
      const [r] = (await open311('GET', `/requests/${id}.json?lang=${lang}`)).body;
      return [r.status, r.status_notes];
    };
    await journey(id, { status: 'assigned', occurred_at: new Date().toISOString() });
    assert.deepEqual(await notes(), ['open', 'Assigned to a team']);
    await journey(id, { stage: 'field_visit' });
    assert.deepEqual(await notes(), ['open', 'In progress — Field visit']);
    assert.deepEqual(await notes('ar'), ['open', 'قيد التنفيذ — زيارة ميدانية']);
    await journey(id, { status: 'on_hold' });
    assert.deepEqual(await notes(), ['open', 'On hold (awaiting customer)']);
    await journey(id, { status: 'in_progress' }, { status: 'resolved' });
    assert.deepEqual(await notes(), ['closed', 'Resolved']);
    await journey(id, { status: 'closed' });
    assert.deepEqual(await notes(), ['closed', 'Closed']);
    const [r] = (await open311('GET', `/requests/${id}.json`)).body;
    const { rows } = await agg.db.pool.query('SELECT closed_at FROM requests WHERE reference = $1', [id]);
    assert.equal(
      Date.parse(r.updated_datetime),
      rows[0].closed_at.getTime(),
      'updated_datetime of a closed request is its closing time'
    );

    const cancelled = await post();
    await journey(cancelled, { status: 'cancelled' });
    const [c] = (await open311('GET', `/requests/${cancelled}.xml`)).body.service_requests.request;
    assert.deepEqual([c.status, c.status_notes], ['closed', 'Cancelled']);
  });
});

describe('Open311 errors', () => {
  test('a missing service_code is a 400 (JSON and XML)', async () => {
    const { service_code: _drop, ...form } = report();
    void _drop;
    assert.deepEqual(await refused('POST', '/requests.json', form, 400), [
      { code: 400, description: 'service_code: was not provided' },
    ]);
    await refused('POST', '/requests.xml', form, 400);
  });

  test('an unknown service_code is a 404', async () => {
    const errors = await refused('POST', '/requests.json', report({ service_code: 'potholes' }), 404);
    assert.match(errors[0].description, /service_code "potholes" not found/);
    await refused('POST', '/requests.xml', report({ service_code: 'potholes' }), 404);
    await refused('GET', '/services/potholes.xml', undefined, 404);
    await refused('GET', '/services/potholes.json', undefined, 404);
  });

  test('a bad lat is a 400 naming lat; several problems are several errors', async () => {
    assert.deepEqual(await refused('POST', '/requests.json', report({ lat: '125' }), 400), [
      { code: 400, description: "lat: must be between -85.05112878 and 85.05112878 (the map's Web Mercator limit)" },
    ]);
    // −90 is a latitude, but not one the map can project (issue 17): refused, naming lat, nothing written.
    assert.deepEqual(await refused('POST', '/requests.json', report({ lat: '-90' }), 400), [
      { code: 400, description: "lat: must be between -85.05112878 and 85.05112878 (the map's Web Mercator limit)" },
    ]);
    const many = await refused(
      'POST',
      '/requests.xml',
      report({ lat: 'north', email: 'not-an-email', 'attribute[colour]': 'red' }),
      400
    );
    assert.equal(many.length, 3);
    assert.deepEqual(many.map((e) => e.description.split(':')[0]).sort(), ['attribute[colour]', 'email', 'lat']);
  });

  test('no location at all is a 400', async () => {
    await refused('POST', '/requests.json', report({ lat: '', long: '' }), 400);
  });

  test('a missing or invalid api_key is a 403, as the spec says', async () => {
    const { api_key: _k, ...noKey } = report();
    void _k;
    assert.deepEqual(await refused('POST', '/requests.json', noKey, 403), [
      { code: 403, description: 'api_key was not provided' },
    ]);
    assert.deepEqual(await refused('POST', '/requests.xml', report({ api_key: 's360_not-a-real-token' }), 403), [
      { code: 403, description: 'api_key is not valid (unknown or revoked)' },
    ]);
  });

  test('a token without the ingest scope is a 403', async () => {
    const errors = await refused('POST', '/requests.json', report({ api_key: agg.tokens.read }), 403);
    assert.match(errors[0].description, /ingest/);
  });

  test('an unknown service_request_id is a 404', async () => {
    assert.deepEqual(await refused('GET', '/requests/S360-999999999.json', undefined, 404), [
      { code: 404, description: 'service_request_id "S360-999999999" not found' },
    ]);
    await refused('GET', '/requests/S360-999999999.xml', undefined, 404);
    await refused('GET', '/requests/not-an-id', undefined, 404);
  });

  test('a JSON body is refused: GeoReport v2 posts forms', async () => {
    const before = await rowCounts(agg.db.pool);
    const res = await fetch(`${agg.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report()),
    });
    assert.equal(res.status, 400);
    assert.match((await res.json())[0].description, /x-www-form-urlencoded/);
    assert.deepEqual(await rowCounts(agg.db.pool), before);
  });

  test('bad filters, a bad lang and an unknown resource answer in the same shape', async () => {
    await refused('GET', '/requests.json?status=pending', undefined, 400);
    await refused('GET', '/requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', undefined, 400);
    await refused('GET', '/services.json?lang=fr', undefined, 400);
    assert.deepEqual(await refused('GET', '/tokens/123.xml', undefined, 404), [
      { code: 404, description: 'resource GET /open311/v2/tokens/123.xml not found' },
    ]);
  });

  test('a body parser error (413) is in the spec shape when open311ErrorHandler is mounted after the router', async () => {
    const ctx = agg.server.ctx;
    const app = express();
    app.use(express.urlencoded({ extended: false, limit: 1000 }));
    app.use('/open311/v2', registerOpen311(ctx));
    app.use('/open311/v2', open311ErrorHandler(ctx));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const before = await rowCounts(agg.db.pool);
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2/requests.xml`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(report({ description: 'x'.repeat(5000) })).toString(),
      });
      assert.equal(res.status, 413);
      assert.match(
        await res.text(),
        /<errors><error><code>413<\/code><description>the body is larger than the limit of 1000 bytes<\/description>/
      );
      assert.deepEqual(await rowCounts(agg.db.pool), before);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('database down: 503 with Retry-After, in the spec shape', async () => {
    const down = await startServer(
      { port: 0, host: '127.0.0.1', tokenCacheMs: 0, referenceCacheMs: 0, retryAfterSeconds: 7 },
      'postgres://nobody:nothing@127.0.0.1:1/nothing'
    );
    try {
      for (const path of ['/services.json', '/requests.xml']) {
        const res = await fetch(`${down.url}/open311/v2${path}`);
        assert.equal(res.status, 503);
        assert.equal(res.headers.get('retry-after'), '7');
        const text = await res.text();
        if (path.endsWith('.xml')) {
          assert.match(
            text,
            /<errors><error><code>503<\/code><description>the database is unavailable; retry shortly<\/description><\/error><\/errors>/
          );
        } else {
          assert.deepEqual(JSON.parse(text), [
            { code: 503, description: 'the database is unavailable; retry shortly' },
          ]);
        }
      }
    } finally {
      await down.close();
    }
  });
});
