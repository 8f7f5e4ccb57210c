import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { rowCounts } from '../support/db.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';

let agg: TestAggregator;
beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
});
afterAll(async () => {
  await agg?.stop();
});

/** Calls, then asserts the status and that no table changed. */
async function rejectedWithoutWriting(
  method: string,
  path: string,
  body: unknown,
  status: number,
  token?: string | null
) {
  const before = await rowCounts(agg.db.pool);
  const res = await agg.call(method, path, body, token);
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.equal(typeof res.body.error, 'string');
  assert.ok(Array.isArray(res.body.details));
  assert.deepEqual(await rowCounts(agg.db.pool), before, 'the database changed');
  return res.body as { error: string; details: Array<{ path: string; message: string }> };
}

describe('POST /v1/requests', () => {
  test('writes the request, its zone, its first event and its customer', async () => {
    const res = await agg.call('POST', '/v1/requests', sampleRequest({ external_id: 'wa-88231' }), agg.tokens.ingest);
    assert.equal(res.status, 201, res.text);
    assert.match(res.body.reference, /^S360-\d{9}$/);
    assert.deepEqual(res.body.zone, { code: 'G1', name_en: 'Grid 1', name_ar: 'شبكة 1' });
    const { rows } = await agg.db.pool.query(
      `SELECT r.status, r.department_code, r.created_at, c.name,
      (SELECT count(*) FROM request_events e WHERE e.request_id = r.id AND e.kind = 'received')::int AS events
      FROM requests r JOIN customers c ON c.id = r.customer_id WHERE r.reference = $1`,
      [res.body.reference]
    );
    assert.equal(rows[0].status, 'received');
    assert.equal(rows[0].department_code, 'waste');
    assert.equal(rows[0].created_at.toISOString(), '2026-11-29T06:00:00.000Z');
    assert.equal(rows[0].name, 'Fatima Al Mansoori');
    assert.equal(rows[0].events, 1);
  });

  test('resubmitting returns the original with 200 and writes nothing', async () => {
    const body = sampleRequest({ external_id: 'wa-dup-1' });
    const first = await agg.call('POST', '/v1/requests', body);
    assert.equal(first.status, 201);
    const before = await rowCounts(agg.db.pool);
    const again = await agg.call('POST', '/v1/requests', body);
    assert.equal(again.status, 200);
    assert.equal(again.body.reference, first.body.reference);
    assert.equal(again.body.created, false);
    assert.deepEqual(await rowCounts(agg.db.pool), before);
  });

  test('a point outside every zone is kept as unzoned', async () => {
    const res = await agg.call('POST', '/v1/requests', sampleRequest({ location: { lon: 54.0, lat: 24.0 } }));
    assert.equal(res.status, 201);
    assert.equal(res.body.zone, null);
  });

  test('every channel and category is accepted', async () => {
    const channels = [
      'website',
      'social_media',
      'call_centre',
      'whatsapp',
      'virtual_assistant',
      'open311',
      'import',
      'walk_in',
    ];
    const categories = ['inquiry', 'report', 'observation', 'complaint', 'service_request', 'suggestion'];
    for (const channel of channels) {
      for (const category of categories) {
        const res = await agg.call(
          'POST',
          '/v1/requests',
          sampleRequest({ channel, category, source: `src-${channel}` })
        );
        assert.equal(res.status, 201, `${channel}/${category}: ${res.text}`);
      }
    }
    const { rows } = await agg.db.pool.query(
      `SELECT count(DISTINCT (channel_code, category_code))::int AS n FROM requests WHERE source LIKE 'src-%'`
    );
    assert.equal(rows[0].n, channels.length * categories.length);
  });

  test('topic, customer and created_at are optional; created_at defaults to now', async () => {
    const { topic, customer, created_at, ...rest } = sampleRequest();
    void topic;
    void customer;
    void created_at;
    const res = await agg.call('POST', '/v1/requests', rest);
    assert.equal(res.status, 201, res.text);
    const { rows } = await agg.db.pool.query('SELECT created_at, customer_id FROM requests WHERE id = $1', [
      res.body.id,
    ]);
    assert.ok(Math.abs(rows[0].created_at.getTime() - Date.now()) < 60_000);
    assert.equal(rows[0].customer_id, null);
  });

  test('a media link is kept', async () => {
    const res = await agg.call(
      'POST',
      '/v1/requests',
      sampleRequest({ media_url: 'https://example.ae/photos/bin-1.jpg' })
    );
    assert.equal(res.status, 201, res.text);
    const { rows } = await agg.db.pool.query('SELECT media_url FROM requests WHERE id = $1', [res.body.id]);
    assert.equal(rows[0].media_url, 'https://example.ae/photos/bin-1.jpg');
  });

  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['a missing field', { channel: undefined }, 'channel'],
    ['a wrong type', { location: { lon: '55.1', lat: 25.1 } }, 'location.lon'],
    ['bad coordinates', { location: { lon: 55.1, lat: 125 } }, 'location.lat'],
    ['an unknown channel', { channel: 'fax' }, 'channel'],
    ['an unknown category', { category: 'praise' }, 'category'],
    ['an unknown topic', { topic: 'waste.nothing' }, 'topic'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['a time without zone', { created_at: '2026-11-29T10:00:00' }, 'created_at'],
    ['a time in the future', { created_at: '2099-01-01T00:00:00Z' }, 'created_at'],
    ['an empty customer', { customer: {} }, 'customer'],
    ['a bad phone', { customer: { phone: 'call me' } }, 'customer.phone'],
    ['a media link that is no web URL', { media_url: 'javascript:alert(1)' }, 'media_url'],
  ];
  for (const [what, change, path] of bad) {
    test(`${what} is a 400 naming ${path}, and nothing is written`, async () => {
      const body = JSON.parse(JSON.stringify(sampleRequest(change)));
      const err = await rejectedWithoutWriting('POST', '/v1/requests', body, 400);
      assert.ok(
        err.details.some((d) => d.path === path),
        JSON.stringify(err.details)
      );
    });
  }

  test('a body that is not JSON is a 400', async () => {
    const err = await rejectedWithoutWriting('POST', '/v1/requests', '{"source":', 400);
    assert.equal(err.details[0].path, 'body');
  });

  test('an oversized body is a 413', async () => {
    await rejectedWithoutWriting('POST', '/v1/requests', sampleRequest({ description: 'x'.repeat(2_100_000) }), 413);
  });

  test('no token is a 401, a wrong token a 401, a token without the scope a 403', async () => {
    await rejectedWithoutWriting('POST', '/v1/requests', sampleRequest(), 401, null);
    await rejectedWithoutWriting('POST', '/v1/requests', sampleRequest(), 401, 's360_not-a-real-token');
    const err = await rejectedWithoutWriting('POST', '/v1/requests', sampleRequest(), 403, agg.tokens.read);
    assert.match(err.error, /ingest/);
  });
});

describe('POST /v1/requests/batch', () => {
  test('writes every request and answers each', async () => {
    const requests = Array.from({ length: 50 }, (_, i) =>
      sampleRequest({ source: 'batch', external_id: `b-${i}`, location: { lon: 55.15 + (i % 2) * 0.1, lat: 25.15 } })
    );
    const res = await agg.call('POST', '/v1/requests/batch', { requests });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.created, 50);
    assert.deepEqual(new Set(res.body.results.map((r: any) => r.zone.code)), new Set(['G1', 'G2']));
    const again = await agg.call('POST', '/v1/requests/batch', { requests });
    assert.equal(again.status, 200);
    assert.equal(again.body.existing, 50);
    assert.deepEqual(
      again.body.results.map((r: any) => r.reference),
      res.body.results.map((r: any) => r.reference)
    );
  });

  test('one bad item rejects the whole batch and names it', async () => {
    const requests = [
      sampleRequest({ source: 'batch2', external_id: 'ok' }),
      sampleRequest({ source: 'batch2', external_id: 'bad', category: 'nope' }),
    ];
    const err = await rejectedWithoutWriting('POST', '/v1/requests/batch', { requests }, 400);
    assert.deepEqual(
      err.details.map((d) => d.path),
      ['requests[1].category']
    );
  });

  test('more than the limit is refused', async () => {
    const requests = Array.from({ length: 1001 }, (_, i) => sampleRequest({ external_id: `many-${i}` }));
    const err = await rejectedWithoutWriting('POST', '/v1/requests/batch', { requests }, 400);
    assert.equal(err.details[0].path, 'requests');
  });

  test('the same key twice in one batch is written once', async () => {
    const r = sampleRequest({ source: 'batch3', external_id: 'twice' });
    const res = await agg.call('POST', '/v1/requests/batch', { requests: [r, r] });
    assert.equal(res.status, 201);
    assert.equal(res.body.created, 1);
    assert.equal(res.body.results[0].reference, res.body.results[1].reference);
  });
});

describe('POST /v1/requests/:id/events', () => {
  test('walks the journey and keeps its times', async () => {
    const created = await agg.call('POST', '/v1/requests', sampleRequest({ created_at: '2026-11-29T08:00:00+04:00' }));
    const id = created.body.reference;
    const steps = [
      [{ status: 'assigned', occurred_at: '2026-11-29T08:10:00+04:00' }, 'assigned', 10],
      [{ stage: 'field_visit', occurred_at: '2026-11-29T09:00:00+04:00' }, 'in_progress', 55],
      [{ status: 'on_hold', note: 'awaiting photos', occurred_at: '2026-11-29T09:30:00+04:00' }, 'on_hold', 55],
      [{ status: 'in_progress', occurred_at: '2026-11-29T10:00:00+04:00' }, 'in_progress', 30],
      [{ status: 'resolved', occurred_at: '2026-11-29T11:00:00+04:00' }, 'resolved', 95],
      [{ status: 'closed', satisfaction: 5, occurred_at: '2026-11-29T12:00:00+04:00' }, 'closed', 100],
    ] as const;
    for (const [body, status, pct] of steps) {
      const res = await agg.call('POST', `/v1/requests/${id}/events`, body, agg.tokens.ingest);
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.status, status);
      assert.equal(res.body.progress_pct, pct);
    }
    const { rows } = await agg.db.pool.query(
      'SELECT first_response_at, resolved_at, closed_at, satisfaction FROM requests WHERE reference = $1',
      [id]
    );
    assert.equal(rows[0].first_response_at.toISOString(), '2026-11-29T05:00:00.000Z');
    assert.equal(rows[0].closed_at.toISOString(), '2026-11-29T08:00:00.000Z');
    assert.equal(rows[0].satisfaction, 5);
    const events = await agg.db.pool.query(
      'SELECT kind FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.reference = $1 ORDER BY e.id',
      [id]
    );
    assert.deepEqual(
      events.rows.map((e) => e.kind),
      ['received', 'assigned', 'stage', 'on_hold', 'resumed', 'resolved', 'closed']
    );
  });

  test('an illegal transition is a 409 naming the allowed ones, and writes nothing', async () => {
    const created = await agg.call('POST', '/v1/requests', sampleRequest());
    const err = await rejectedWithoutWriting(
      'POST',
      `/v1/requests/${created.body.id}/events`,
      { status: 'closed' },
      409
    );
    assert.match(err.error, /allowed from "received": assigned, cancelled/);
  });

  test('an unknown request is a 404 and an unknown stage a 400', async () => {
    await rejectedWithoutWriting('POST', '/v1/requests/S360-999999999/events', { status: 'assigned' }, 404);
    const created = await agg.call('POST', '/v1/requests', sampleRequest());
    const err = await rejectedWithoutWriting(
      'POST',
      `/v1/requests/${created.body.id}/events`,
      { stage: 'teleport' },
      400
    );
    assert.equal(err.details[0].path, 'stage');
  });

  test('the journey table refuses updates', async () => {
    await assert.rejects(agg.db.pool.query("UPDATE request_events SET note = 'x'"), /append-only/);
  });
});
