// Due times from the source system through the native API (issue 11, item 4): a single request and a batch
// carry `due_at` and `first_response_clock`; the SLA sweep keeps the source's due time, gives no
// first-response due time to a request without a first-response clock, and the request detail says where
// the due time came from.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';

let agg: TestAggregator;
beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
});
afterAll(async () => {
  await agg?.stop();
});

const CREATED = '2026-11-16T08:00:00+04:00';
const DUE = '2026-11-20T23:59:59.999+04:00';

async function sla(id: number) {
  const res = await agg.call('GET', `/v1/requests/${id}`, undefined, agg.tokens.read);
  assert.equal(res.status, 200, res.text);
  return res.body.sla;
}

test("a single request with the source's due time and no first-response clock keeps both through the sweep", async () => {
  const res = await agg.call(
    'POST',
    '/v1/requests',
    sampleRequest({
      source: 'crm',
      external_id: 'due-1',
      created_at: CREATED,
      due_at: DUE,
      first_response_clock: false,
    }),
    agg.tokens.ingest
  );
  assert.equal(res.status, 201, res.text);
  await sweepSla(agg.db.pool, new Date('2026-11-17T10:00:00Z'));
  const s = await sla(res.body.id);
  assert.equal(s.resolution_due_at, new Date(DUE).toISOString());
  assert.equal(s.resolution_due_source, 'source');
  assert.equal(s.first_response_clock, false);
  assert.equal(s.first_response_due_at, null);
  assert.equal(s.clock.first_response, null);
  assert.equal(s.clock.resolution.due_at, new Date(DUE).toISOString());
});

test("a batch mixes requests with and without a source due time; the policy's stays where none is given", async () => {
  const res = await agg.call(
    'POST',
    '/v1/requests/batch',
    {
      requests: [
        sampleRequest({ source: 'crm', external_id: 'due-2', created_at: CREATED, due_at: DUE }),
        sampleRequest({ source: 'crm', external_id: 'due-3', created_at: CREATED }),
      ],
    },
    agg.tokens.ingest
  );
  assert.equal(res.status, 201, res.text);
  const [withDue, without] = res.body.results.map((r: { id: number }) => r.id);
  await sweepSla(agg.db.pool, new Date('2026-11-17T10:00:00Z'));
  const a = await sla(withDue),
    b = await sla(without);
  assert.deepEqual(
    [a.resolution_due_source, a.resolution_due_at, a.first_response_clock],
    ['source', new Date(DUE).toISOString(), true]
  );
  assert.ok(a.first_response_due_at, 'the first-response clock runs by the policy');
  assert.equal(b.resolution_due_source, 'policy');
  assert.notEqual(b.resolution_due_at, new Date(DUE).toISOString());
  assert.equal(b.resolution_due_at, b.clock.resolution.due_at);
});

test('a due time before created_at, or a flag that is not a boolean, is a 400 naming the field', async () => {
  const early = await agg.call(
    'POST',
    '/v1/requests',
    sampleRequest({ created_at: CREATED, due_at: '2026-11-15T08:00:00+04:00' }),
    agg.tokens.ingest
  );
  assert.equal(early.status, 400);
  assert.deepEqual(early.body.details, [{ path: 'due_at', message: 'must not be before created_at' }]);
  const flag = await agg.call('POST', '/v1/requests', sampleRequest({ first_response_clock: 'no' }), agg.tokens.ingest);
  assert.equal(flag.status, 400);
  assert.equal(flag.body.details[0].path, 'first_response_clock');
});
