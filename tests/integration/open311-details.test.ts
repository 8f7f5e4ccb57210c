// Issue 17, point 9, over HTTP against real PostGIS: Open311's updated_datetime and expected_datetime,
// address_id, a duplicated api_key, lat without long, the public view's privacy defaults, and 405 with
// Allow (for every route of the app, not only Open311).
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { rowCounts } from '../support/db.ts';

let agg: TestAggregator;
beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
});
afterAll(async () => {
  await agg?.stop();
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const x of [v].flat()) {
      p.append(k, x);
    }
  }
  return p.toString();
};
const post311 = (fields: Record<string, string | string[]>) =>
  agg.call('POST', '/open311/v2/requests.json', form(fields), null, FORM);
const get311 = async (ref: string) => {
  const res = await agg.call('GET', `/open311/v2/requests/${ref}.json`, undefined, null);
  assert.equal(res.status, 200, res.text);
  return res.body[0];
};
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const HOUR = 3_600_000;

describe('Open311 request details', () => {
  test('updated_datetime of a closed request is its close time: a later note does not move it', async () => {
    const created = await agg.call('POST', '/v1/requests', sampleRequest({ created_at: iso(5 * HOUR) }));
    const ref = created.body.reference;
    for (const [status, ago] of [
      ['assigned', 4],
      ['in_progress', 3],
      ['resolved', 2],
      ['closed', 1],
    ] as const) {
      const r = await agg.call('POST', `/v1/requests/${ref}/events`, { status, occurred_at: iso(ago * HOUR) });
      assert.equal(r.status, 201, r.text);
    }
    const closedAt = (await agg.call('GET', `/v1/requests/${ref}`)).body.closed_at;
    assert.equal(Date.parse((await get311(ref)).updated_datetime), Date.parse(closedAt));
    assert.equal(
      (await agg.call('POST', `/v1/requests/${ref}/events`, { note: 'thanked by the customer' })).status,
      201
    );
    const after = await get311(ref);
    assert.equal(after.status, 'closed');
    assert.equal(Date.parse(after.updated_datetime), Date.parse(closedAt), 'still the close time');
  });

  test('expected_datetime is there right after an Open311 POST (its SLA due time), not only after the sweep', async () => {
    const res = await post311({
      api_key: agg.tokens.ingest,
      service_code: 'waste.overflowing_bin',
      lat: '25.15',
      long: '55.15',
    });
    assert.equal(res.status, 201, res.text);
    const shown = await get311(res.body[0].service_request_id);
    assert.ok(shown.expected_datetime, JSON.stringify(shown));
    assert.ok(Date.parse(shown.expected_datetime) > Date.parse(shown.requested_datetime));
  });

  test('address_id alone is a location (201); lat without long names long; a duplicated api_key says so', async () => {
    const byId = await post311({
      api_key: agg.tokens.ingest,
      service_code: 'waste.overflowing_bin',
      address_id: 'DM-77-1234',
    });
    assert.equal(byId.status, 201, byId.text);
    const stored = await agg.db.pool.query('SELECT address FROM requests WHERE reference = $1', [
      byId.body[0].service_request_id,
    ]);
    assert.equal(stored.rows[0].address, 'address_id DM-77-1234');

    const before = await rowCounts(agg.db.pool);
    const latOnly = await post311({ api_key: agg.tokens.ingest, service_code: 'waste.overflowing_bin', lat: '25.15' });
    assert.equal(latOnly.status, 400, latOnly.text);
    assert.deepEqual(
      latOnly.body.map((e: { description: string }) => e.description),
      ['long: is required when lat is given']
    );
    const twice = await post311({
      api_key: [agg.tokens.ingest, agg.tokens.ingest],
      service_code: 'waste.overflowing_bin',
      lat: '25.15',
      long: '55.15',
    });
    assert.equal(twice.status, 403, twice.text);
    assert.match(twice.body[0].description, /api_key was given more than once/);
    assert.deepEqual(await rowCounts(agg.db.pool), before, 'nothing written');
  });

  test('by default the public view shows no description, no address and a point snapped to 3 decimals', async () => {
    const created = await agg.call(
      'POST',
      '/v1/requests',
      sampleRequest({
        description: 'Call Fatima on 050 123 4567',
        address: 'Villa 7, 12 Al Wasl Road',
        location: { lon: 55.123456, lat: 25.187654 },
      })
    );
    for (const shown of [
      await get311(created.body.reference),
      (await agg.call('GET', `/open311/v2/requests.json?service_request_id=${created.body.reference}`, undefined, null))
        .body[0],
    ]) {
      assert.deepEqual([shown.description, shown.address, shown.lat, shown.long], [null, null, 25.188, 55.123]);
    }
  });
});

describe('405 with Allow on every route', () => {
  test("a known path with a method it does not take: 405 and Allow, in each part of the app's error shape", async () => {
    const cases: Array<[string, string, string]> = [
      ['DELETE', '/v1/requests', 'GET, HEAD, POST'],
      ['GET', '/v1/query', 'POST'],
      ['PUT', '/v1/requests/S360-000000001', 'GET, HEAD'],
      ['POST', '/healthz', 'GET, HEAD'],
      ['PATCH', '/v1/requests/1/events', 'POST'],
      ['POST', '/v1/tiles/requests/1/2/3.mvt', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await agg.call(method, path, undefined, null);
      assert.equal(res.status, 405, `${method} ${path}: ${res.text}`);
      assert.equal(res.headers.get('allow'), allow, `${method} ${path}`);
      assert.match(res.body.error, new RegExp(`method ${method} is not allowed here; allowed: ${allow}`));
    }
    const open311 = await agg.call('DELETE', '/open311/v2/requests.json', undefined, null);
    assert.equal(open311.status, 405, open311.text);
    assert.equal(open311.headers.get('allow'), 'GET, HEAD, POST');
    assert.equal(open311.body[0].code, 405);
    const xml = await agg.call('PUT', '/open311/v2/services.xml', undefined, null);
    assert.equal(xml.status, 405);
    assert.match(xml.text, /<code>405<\/code>/);
    assert.equal((await agg.call('GET', '/v1/nothing-here', undefined, null)).status, 404);
    assert.equal((await agg.call('DELETE', '/open311/v2/nothing', undefined, null)).status, 404);
  });
});
