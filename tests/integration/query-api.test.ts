import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';

let agg: TestAggregator;
const DAY = 86_400_000;
const now = Date.now();
const iso = (t: number) => new Date(t).toISOString();

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  await agg.db.pool.query(`UPDATE zones SET population = 20000 WHERE code = 'G1'`);
  const requests = [
    // this week: 5 overflowing bins at one spot (a hot spot), 2 pest control; last week: 1 bin, 4 pest control
    ...Array.from({ length: 5 }, (_, i) =>
      sampleRequest({
        source: 'q',
        external_id: `bin-${i}`,
        topic: 'waste.overflowing_bin',
        location: { lon: 55.15 + i * 0.0001, lat: 25.15 },
        created_at: iso(now - ((i + 1) * DAY) / 2),
      })
    ),
    ...Array.from({ length: 2 }, (_, i) =>
      sampleRequest({
        source: 'q',
        external_id: `pest-${i}`,
        topic: 'public_health.pest_control',
        location: { lon: 55.25, lat: 25.25 + i * 0.01 },
        created_at: iso(now - (i + 1) * DAY),
      })
    ),
    sampleRequest({
      source: 'q',
      external_id: 'bin-old',
      topic: 'waste.overflowing_bin',
      created_at: iso(now - 10 * DAY),
    }),
    ...Array.from({ length: 4 }, (_, i) =>
      sampleRequest({
        source: 'q',
        external_id: `pest-old-${i}`,
        topic: 'public_health.pest_control',
        location: { lon: 55.25, lat: 25.15 + i * 0.01 },
        created_at: iso(now - 9 * DAY - i * 3_600_000),
      })
    ),
  ];
  assert.equal((await agg.call('POST', '/v1/requests/batch', { requests })).status, 201);
  await applyPendingRollups(agg.db.pool);
  await agg.db.pool.query(`INSERT INTO sla_alerts (request_id, kind, target, at)
    SELECT id, 'warning', 'resolution', created_at + interval '1 hour' FROM requests WHERE external_id LIKE 'bin-%' AND external_id <> 'bin-old'`);
});
afterAll(async () => {
  await agg?.stop();
});

const week = { from: iso(now - 7 * DAY), to: iso(now) };
const query = (target: Record<string, unknown>, range = week) =>
  agg.call('POST', '/v1/query', { ...range, targets: [{ refId: 'A', ...target }] }, agg.tokens.read);

describe('POST /v1/query', () => {
  test('top recurring topics rank by volume with their change against the previous week', async () => {
    const res = await query({ metric: 'recurring_topics', format: 'table', topN: 5 });
    assert.equal(res.status, 200, res.text);
    const f = Object.fromEntries(res.body.results.A.frames[0].fields.map((x: any) => [x.name, x.values]));
    assert.deepEqual(f.topic_code, ['waste.overflowing_bin', 'public_health.pest_control']);
    assert.deepEqual(f.count, [5, 2]);
    assert.deepEqual(f.previous_count, [1, 4]);
    assert.deepEqual(f.change_pct, [400, -50]);
  });

  test('hot spots find the planted cluster and nothing where reports are sparse', async () => {
    const res = await query({ metric: 'hotspots', format: 'table' });
    assert.equal(res.status, 200, res.text);
    const f = Object.fromEntries(res.body.results.A.frames[0].fields.map((x: any) => [x.name, x.values]));
    assert.deepEqual(f.topic_code, ['waste.overflowing_bin']);
    assert.deepEqual(f.count, [5]);
    assert.deepEqual(f.zone_code, ['G1']);
  });

  test('SLA warnings count per bucket', async () => {
    const res = await query({ metric: 'sla_warnings', format: 'table', groupBy: ['topic'] });
    const f = Object.fromEntries(res.body.results.A.frames[0].fields.map((x: any) => [x.name, x.values]));
    assert.deepEqual(f.topic_code, ['waste.overflowing_bin']);
    assert.deepEqual(f.sla_warnings, [5]);
  });

  test('per 10,000 residents is null where the population is unknown', async () => {
    const res = await query({ metric: 'received_per_10k', format: 'table', groupBy: ['zone'] });
    const f = Object.fromEntries(res.body.results.A.frames[0].fields.map((x: any) => [x.name, x.values]));
    const byZone = Object.fromEntries(f.zone_code.map((z: string, i: number) => [z, f.received_per_10k[i]]));
    assert.equal(byZone.G1, (5 / 20000) * 10_000);
    assert.equal(byZone.G4, null);
  });

  test('labels, units and display names follow the language', async () => {
    const res = await query({ metric: 'received', format: 'time_series', groupBy: ['channel'], language: 'ar' });
    const frame = res.body.results.A.frames[0];
    assert.equal(frame.name, 'واتساب');
    assert.equal(frame.fields[0].type, 'time');
    assert.deepEqual(frame.fields[1].labels, { channel: 'whatsapp' });
    assert.equal(frame.fields[1].config.unit, 'short');
    assert.equal(frame.fields[1].config.displayName, 'واتساب');
    const table = await query({ metric: 'on_time_pct', format: 'table', groupBy: ['zone'], language: 'ar' });
    const fields = table.body.results.A.frames[0].fields;
    assert.equal(fields[0].config.displayName, 'المنطقة');
    assert.equal(fields.at(-1).config.unit, 'percent');
  });

  test('an unknown metric or dimension is a 400 listing the valid ones', async () => {
    const m = await query({ metric: 'happiness' });
    assert.equal(m.status, 400);
    assert.equal(m.body.details[0].path, 'targets[0].metric');
    assert.match(m.body.details[0].message, /valid: received, closed, backlog/);
    const d = await query({ metric: 'received', groupBy: ['colour'] });
    assert.equal(d.status, 400);
    assert.match(d.body.details[0].message, /valid: zone, channel, category/);
    const c = await query({ metric: 'received', filters: { zone: ['G1', 'Atlantis'] } });
    assert.equal(c.status, 400);
    assert.equal(c.body.details[0].path, 'targets[0].filters.zone[1]');
  });

  test('"all" and "$__all" mean no filter; a range must run forwards', async () => {
    const all = await query({ metric: 'received', format: 'table', filters: { channel: ['$__all'], zone: 'all' } });
    assert.equal(all.body.results.A.frames[0].fields.at(-1).values[0], 7);
    const back = await agg.call(
      'POST',
      '/v1/query',
      { from: week.to, to: week.from, targets: [{ metric: 'received' }] },
      agg.tokens.read
    );
    assert.equal(back.status, 400);
    assert.equal(back.body.details[0].path, 'to');
  });

  test('the query needs the read scope', async () => {
    const res = await agg.call('POST', '/v1/query', { ...week, targets: [{ metric: 'received' }] }, agg.tokens.ingest);
    assert.equal(res.status, 403);
  });
});
