// Single requests arriving together are written together (backend/ingest/coalescing-writer.ts): each
// caller still gets its own answer, duplicates are answered with the original, and one bad request in
// a group does not fail the others.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { CoalescingRequestWriter } from '../../backend/ingest/coalescing-writer.ts';
import type { NewRequest } from '../../backend/ingest/request-input.ts';

let agg: TestAggregator;
beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
});
afterAll(async () => {
  await agg?.stop();
});

const count = async (sqlText: string, values: unknown[] = []) =>
  (await agg.db.pool.query<{ n: number }>(sqlText, values)).rows[0].n;

describe('single requests arriving together', () => {
  test('300 concurrent POSTs: 300 answers, 300 requests with their events and marks, fewer transactions than requests', async () => {
    const bodies = Array.from({ length: 300 }, (_, i) => sampleRequest({ source: 'coalesce', external_id: `c-${i}` }));
    const answers = await Promise.all(bodies.map((b) => agg.call('POST', '/v1/requests', b, agg.tokens.ingest)));
    assert.deepEqual(
      answers.map((a) => a.status),
      bodies.map(() => 201)
    );
    assert.equal(new Set(answers.map((a) => a.body.reference)).size, 300);
    // each answer is the caller's own request
    for (const [i, a] of answers.entries()) {
      assert.equal(
        await count(`SELECT count(*)::int AS n FROM requests WHERE id = $1 AND external_id = $2 AND reference = $3`, [
          a.body.id,
          `c-${i}`,
          a.body.reference,
        ]),
        1,
        `answer ${i} names another request`
      );
    }
    assert.equal(await count(`SELECT count(*)::int AS n FROM requests WHERE source = 'coalesce'`), 300);
    assert.equal(
      await count(
        `SELECT count(*)::int AS n FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.source = 'coalesce'`
      ),
      300
    );
    assert.equal(
      await count(
        `SELECT count(*)::int AS n FROM rollup_pending p JOIN requests r ON r.id = p.request_id WHERE r.source = 'coalesce'`
      ),
      300
    );
    // rows written by one transaction share its xmin
    const transactions = await count(
      `SELECT count(DISTINCT xmin::text)::int AS n FROM requests WHERE source = 'coalesce'`
    );
    assert.ok(transactions < 300, `expected requests to be written together, got ${transactions} transactions for 300`);
  });

  test('the same request sent ten times at once: one 201, nine 200 with the same reference, one row', async () => {
    const body = sampleRequest({ source: 'coalesce-dup', external_id: 'same' });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => agg.call('POST', '/v1/requests', body, agg.tokens.ingest))
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    assert.equal(new Set(answers.map((a) => a.body.reference)).size, 1);
    assert.equal(await count(`SELECT count(*)::int AS n FROM requests WHERE source = 'coalesce-dup'`), 1);
  });

  test('a request the database refuses fails alone; the others of its group are written', async () => {
    const writer = new CoalescingRequestWriter(agg.db.pool, { maxGroup: 100, concurrency: 1 });
    const item = (externalId: string, channel = 'whatsapp'): NewRequest => ({
      source: 'coalesce-bad',
      external_id: externalId,
      channel,
      category: 'complaint',
      topic: null,
      department: null,
      priority: 'normal',
      description: null,
      address: null,
      lon: 55.15,
      lat: 25.15,
      zone_code: null,
      created_at: '2026-11-29T06:00:00Z',
      customer: null,
    });
    // The first write starts alone; the next five queue behind it and go as one group, which the
    // unknown channel (a foreign-key violation) breaks: they are then written one by one.
    const results = await Promise.allSettled(
      [item('first'), item('a'), item('b'), item('bad', 'no-such-channel'), item('c'), item('d')].map((i) =>
        writer.write(i)
      )
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']
    );
    assert.equal((results[3] as PromiseRejectedResult).reason.code, '23503');
    assert.deepEqual(
      (
        await agg.db.pool.query(`SELECT external_id FROM requests WHERE source = 'coalesce-bad' ORDER BY external_id`)
      ).rows.map((r) => r.external_id),
      ['a', 'b', 'c', 'd', 'first']
    );
  });
});
