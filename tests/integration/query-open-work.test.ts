// The wall's live views of open work through POST /v1/query on a real aggregator: open requests by stage (every
// open stage, zeros included, with its share) and the requests about to breach (an SLA target due within the hour
// while the clock runs, soonest first, topN rows, no personal data), both with the dimension filters.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';

let agg: TestAggregator;
const MIN = 60_000;
const now = Date.now();
const iso = (t: number) => new Date(t).toISOString();

/** external_id → [stage, status, first response given, first-response due (min from now), resolution due (min), SLA state]. */
const PLAN: Record<string, [string, string, boolean, number | null, number | null, string]> = {
  a: ['received', 'received', false, 10, 300, 'in_progress'], // first response due in 10 min
  b: ['field_visit', 'in_progress', true, null, 20, 'warning'], // resolution due in 20 min
  c: ['field_visit', 'in_progress', true, null, 45, 'in_progress'], // resolution due in 45 min (zone G2)
  d: ['work_order', 'in_progress', true, null, 120, 'in_progress'], // due in 2 h: not yet
  e: ['on_hold', 'on_hold', true, null, 30, 'paused'], // clock paused: not due
  f: ['assigned', 'assigned', true, null, -5, 'breached'], // already breached
  g: ['closed', 'closed', true, null, 15, 'met'], // closed: neither open nor due
};

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  const requests = Object.keys(PLAN).map((id) =>
    sampleRequest({
      source: 'w',
      external_id: id,
      created_at: iso(now - 3 * 60 * MIN),
      location: id === 'c' ? { lon: 55.25, lat: 25.15 } : { lon: 55.15, lat: 25.15 },
    })
  );
  assert.equal((await agg.call('POST', '/v1/requests/batch', { requests })).status, 201);
  for (const [id, [stage, status, answered, fr, res, sla]] of Object.entries(PLAN)) {
    await agg.db.pool.query(
      `UPDATE requests SET stage = $2, status = $3, first_response_at = CASE WHEN $4 THEN created_at + interval '5 minutes' END,
        first_response_due_at = $5, resolution_due_at = $6, sla_state = $7 WHERE source = 'w' AND external_id = $1`,
      [
        id,
        stage,
        status,
        answered,
        fr === null ? new Date(now - 60 * MIN) : new Date(now + fr * MIN),
        res === null ? null : new Date(now + res * MIN),
        sla,
      ]
    );
  }
});
afterAll(async () => {
  await agg?.stop();
});

const query = (target: Record<string, unknown>) =>
  agg.call(
    'POST',
    '/v1/query',
    { from: iso(now - 24 * 60 * MIN), to: iso(now), targets: [{ refId: 'A', format: 'table', ...target }] },
    agg.tokens.read
  );
const fieldsOf = (res: { body: any }) =>
  Object.fromEntries(res.body.results.A.frames[0].fields.map((x: any) => [x.name, x.values])) as Record<string, any[]>;

describe('open requests by stage', () => {
  test('every open stage in journey order, zeros included, with its share of the open requests', async () => {
    const res = await query({ metric: 'open_by_stage' });
    assert.equal(res.status, 200, res.text);
    const f = fieldsOf(res);
    const open = Object.fromEntries(f.stage_code.map((c: string, i: number) => [c, f.open[i]]));
    assert.deepEqual(open, {
      received: 1,
      assigned: 1,
      in_progress: 0,
      inspection: 0,
      field_visit: 2,
      work_order: 1,
      work_done: 0,
      on_hold: 1,
    });
    assert.equal(f.stage_code.includes('closed'), false);
    assert.equal(f.share[f.stage_code.indexOf('field_visit')], (2 / 6) * 100);
    assert.equal(f.stage[f.stage_code.indexOf('field_visit')], 'Field visit');
  });

  test('in Arabic, and filtered by zone', async () => {
    const f = fieldsOf(await query({ metric: 'open_by_stage', language: 'ar', filters: { zone: ['G2'] } }));
    assert.equal(f.stage[f.stage_code.indexOf('field_visit')], 'زيارة ميدانية');
    assert.equal(
      f.open.reduce((a: number, b: number) => a + b, 0),
      1
    );
  });
});

describe('requests about to breach', () => {
  test('open requests due within the hour while the clock runs, soonest first, with the target that falls due', async () => {
    const res = await query({ metric: 'due_soon' });
    assert.equal(res.status, 200, res.text);
    const f = fieldsOf(res);
    const ids = (await agg.db.pool.query(`SELECT external_id, reference FROM requests WHERE source = 'w'`)).rows;
    const ref = (id: string) => ids.find((r) => r.external_id === id)!.reference;
    assert.deepEqual(f.reference, [ref('a'), ref('b'), ref('c')]);
    assert.deepEqual(f.target, ['First response', 'Resolution', 'Resolution']);
    assert.ok(f.minutes_left[0] >= 8 && f.minutes_left[0] <= 10, String(f.minutes_left));
    assert.equal(f.stage[1], 'Field visit');
    assert.deepEqual(
      Object.keys(f),
      ['reference', 'topic', 'zone', 'stage', 'target', 'due_at', 'minutes_left'],
      'no personal data'
    );
  });

  test('topN and the filters narrow it', async () => {
    assert.equal(fieldsOf(await query({ metric: 'due_soon', topN: 2 })).reference.length, 2);
    assert.deepEqual(fieldsOf(await query({ metric: 'due_soon', filters: { zone: ['G2'] } })).zone, ['Grid 2']);
  });
});
