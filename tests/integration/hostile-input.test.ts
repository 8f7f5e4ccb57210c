// Issue 17, points 4–7, over HTTP against real PostGIS: deep nesting, dates PostgreSQL cannot hold or
// that do not exist, events on closed requests, prototype keys, lone surrogates. Each answer is a 400
// (or 409) naming what was wrong and where, and a rejected write leaves requests and request_events as
// they were.
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

const paths = (res: { body: any }) => (res.body?.details ?? []).map((d: { path: string }) => d.path);

/** A request walked to `closed` (or `cancelled`); its reference. */
async function requestIn(final: 'closed' | 'cancelled'): Promise<string> {
  const created = await agg.call('POST', '/v1/requests', sampleRequest({ created_at: undefined }));
  assert.equal(created.status, 201, created.text);
  const ref = created.body.reference;
  const steps = final === 'closed' ? ['assigned', 'in_progress', 'resolved', 'closed'] : ['cancelled'];
  for (const status of steps) {
    const r = await agg.call('POST', `/v1/requests/${ref}/events`, { status });
    assert.equal(r.status, 201, r.text);
  }
  return ref;
}

async function unchanged(write: () => Promise<{ status: number; text: string; body: any }>, status: number) {
  const before = await rowCounts(agg.db.pool);
  const res = await write();
  assert.equal(res.status, status, res.text);
  assert.deepEqual(await rowCounts(agg.db.pool), before, 'a rejected write changed nothing');
  return res;
}

describe('4. deeply nested JSON', () => {
  test('answers 400 naming the depth limit on every route, before authentication, and the server stays up', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const [method, path] of [
      ['POST', '/v1/requests'],
      ['POST', '/v1/query'],
      ['POST', '/v1/requests/1/events'],
      ['POST', '/open311/v2/requests.json'],
      ['POST', '/v1/nothing'],
    ]) {
      const res = await agg.call(method, path, `{"a":${deep}}`, null);
      assert.equal(res.status, 400, `${path}: ${res.text.slice(0, 200)}`);
      assert.match(res.text, /32 levels/, path);
    }
    const at = { a: JSON.parse('['.repeat(31) + ']'.repeat(31)) };
    assert.equal(
      (await agg.call('POST', '/v1/requests', at, null)).status,
      401,
      'at the limit the route (and its auth) decides'
    );
    assert.equal((await agg.call('GET', '/healthz', undefined, null)).status, 200);
  });
});

describe('5. dates outside what PostgreSQL and JavaScript hold', () => {
  test('/v1/annotations?to=0001-01-01 and a 15-digit epoch: 400 naming the parameter', async () => {
    for (const q of [
      'to=0001-01-01T00:00:00Z',
      'from=0001-01-01T00:00:00Z',
      'to=999999999999999',
      'to=2026-02-30T00:00:00Z',
    ]) {
      const res = await agg.call('GET', `/v1/annotations?${q}`);
      assert.equal(res.status, 400, `${q}: ${res.text}`);
      assert.deepEqual(paths(res), [`query.${q.split('=')[0]}`], q);
    }
    for (const q of ['to=0001-01-01T00:00:00Z', 'from=9999-12-31T23:59:59Z']) {
      assert.equal((await agg.call('GET', `/v1/zones/stats?${q}`)).status, 400, q);
      assert.equal((await agg.call('GET', `/v1/recurrence/hotspots?${q}`)).status, 400, q);
    }
  });

  test('Open311 start_date=9999-12-31T23:59:59Z without a key: 400 naming start_date', async () => {
    for (const name of ['start_date', 'end_date']) {
      for (const v of ['9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-02-30']) {
        const res = await agg.call('GET', `/open311/v2/requests.json?${name}=${v}`, undefined, null);
        assert.equal(res.status, 400, `${name}=${v}: ${res.text}`);
        assert.match(res.body[0].description, new RegExp(name));
      }
    }
  });
});

describe('6. journey events on closed and cancelled requests', () => {
  test('progress_pct on a closed request: 409, and the request still reads 100 %', async () => {
    const ref = await requestIn('closed');
    const res = await unchanged(() => agg.call('POST', `/v1/requests/${ref}/events`, { progress_pct: 56 }), 409);
    assert.match(res.body.error, /closed.*reopen/);
    assert.deepEqual(paths(res), ['progress_pct']);
    const detail = await agg.call('GET', `/v1/requests/${ref}`);
    assert.equal(detail.body.progress_pct, 100);
    assert.equal(detail.body.status.code, 'closed');
    await unchanged(() => agg.call('POST', `/v1/requests/${ref}/events`, { first_response: true, note: 'late' }), 409);
    const note = await agg.call('POST', `/v1/requests/${ref}/events`, {
      note: 'customer called to thank us',
      satisfaction: 5,
    });
    assert.equal(note.status, 201, note.text);
    assert.deepEqual([note.body.kind, note.body.status, note.body.progress_pct], ['note', 'closed', 100]);
    const reopened = await agg.call('POST', `/v1/requests/${ref}/events`, { status: 'in_progress', progress_pct: 56 });
    assert.equal(reopened.status, 201, reopened.text);
    assert.deepEqual([reopened.body.kind, reopened.body.progress_pct], ['reopened', 56]);
  });

  test('a cancelled request refuses progress and first response (409); a note passes', async () => {
    const ref = await requestIn('cancelled');
    await unchanged(() => agg.call('POST', `/v1/requests/${ref}/events`, { progress_pct: 56 }), 409);
    await unchanged(() => agg.call('POST', `/v1/requests/${ref}/events`, { first_response: true }), 409);
    assert.equal((await agg.call('POST', `/v1/requests/${ref}/events`, { note: 'duplicate of another' })).status, 201);
  });
});

describe('7. impossible dates, prototype keys, lone surrogates', () => {
  test('created_at 2026-02-30 and occurred_at 2026-02-30: 400 naming the field, nothing stored', async () => {
    const res = await unchanged(
      () => agg.call('POST', '/v1/requests', sampleRequest({ created_at: '2026-02-30T10:00:00Z' })),
      400
    );
    assert.deepEqual(paths(res), ['created_at']);
    assert.match(res.body.details[0].message, /not a real date/);
    const batch = await unchanged(
      () =>
        agg.call('POST', '/v1/requests/batch', {
          requests: [sampleRequest(), sampleRequest({ created_at: '2025-04-31T10:00:00+04:00' })],
        }),
      400
    );
    assert.deepEqual(paths(batch), ['requests[1].created_at']);
    const created = await agg.call('POST', '/v1/requests', sampleRequest());
    const ev = await unchanged(
      () =>
        agg.call('POST', `/v1/requests/${created.body.reference}/events`, {
          status: 'assigned',
          occurred_at: '2026-02-30T10:00:00Z',
        }),
      400
    );
    assert.deepEqual(paths(ev), ['occurred_at']);
  });

  test("/v1/query reads \"' OR '1'='1\" as no time (400), not as 2001-01-01", async () => {
    const res = await agg.call('POST', '/v1/query', {
      from: "' OR '1'='1",
      to: Date.now(),
      targets: [{ refId: 'A', metric: 'received' }],
    });
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(paths(res), ['from']);
  });

  test('filters {"__proto__": …} and other reserved keys: 400 naming the key; refId "__proto__" is an own key of the answer', async () => {
    const to = Date.now(),
      from = to - 86_400_000;
    const raw = `{"from":${from},"to":${to},"targets":[{"refId":"A","metric":"received","filters":{"__proto__":["x"]}}]}`;
    const res = await agg.call('POST', '/v1/query', raw);
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(paths(res), ['targets[0].filters.__proto__']);
    const ctor = await unchanged(
      () => agg.call('POST', '/v1/requests', { ...sampleRequest(), customer: { name: 'x', constructor: 'y' } }),
      400
    );
    assert.deepEqual(paths(ctor), ['customer.constructor']);
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const form = `service_code=waste.overflowing_bin&lat=25.15&long=55.15&api_key=${agg.tokens.ingest}&${key}=x`;
      const res311 = await unchanged(
        () =>
          agg.call('POST', '/open311/v2/requests.json', form, null, {
            'content-type': 'application/x-www-form-urlencoded',
          }),
        400
      );
      assert.match(res311.body[0].description, new RegExp(`${key}.*reserved`), key);
    }
    const proto = await agg.call('POST', '/v1/query', {
      from,
      to,
      targets: [{ refId: '__proto__', metric: 'received' }],
    });
    assert.equal(proto.status, 200, proto.text);
    assert.ok(Object.hasOwn(proto.body.results, '__proto__'), proto.text);
    assert.ok(Array.isArray(proto.body.results.__proto__.frames));
  });

  test('external ids ending in different lone surrogates: 400 naming the field, never one collapsed row', async () => {
    for (const [i, id] of ['ext-\ud800', 'ext-\udfff'].entries()) {
      const res = await unchanged(() => agg.call('POST', '/v1/requests', sampleRequest({ external_id: id })), 400);
      assert.deepEqual(paths(res), ['external_id'], String(i));
      assert.match(res.body.details[0].message, /lone surrogate/);
    }
    const desc = await unchanged(
      () => agg.call('POST', '/v1/requests', sampleRequest({ description: 'ok \udc00 then' })),
      400
    );
    assert.deepEqual(paths(desc), ['description']);
    assert.equal(
      (await agg.call('POST', '/v1/requests', sampleRequest({ external_id: 'ext-😀' }))).status,
      201,
      'a surrogate pair is fine'
    );
  });
});
