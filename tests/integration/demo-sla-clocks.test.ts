// The demo's SLA clocks, evaluated as its requests are written (backend/sla/clocks-at-load.ts), are exactly what the
// scheduled sweep (sweepSla) writes for the same requests at the same instant: a demo month is generated with its
// clocks at T (one category left without a policy, so some requests have no clock); the first pass at T then finds
// nothing to evaluate; every SLA column and alert is then cleared, the ordinary sweep evaluates every request afresh
// at T, and the two are compared row for row.
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { generateDemo } from '../../backend/demo/generate.ts';
import { generatedCitySource } from '../../backend/demo/communities.ts';
import { sweepSlaHistory } from '../../backend/sla/history-sweep.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';

const END = Date.parse('2026-11-20T12:00:00Z');
/** The clocks' instant: a day after the demo's end (open requests pass warning and breach moments meanwhile). */
const T = new Date(END + 86_400_000);

let db: TestDatabase;

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const CLOCKS = `SELECT id, sla_policy_id, first_response_due_at, resolution_due_at, sla_state, sla_evaluated_at, sla_next_check_at,
                       sla_recorded_at
                FROM requests ORDER BY id`;
const ALERTS = 'SELECT request_id, kind, target, at FROM sla_alerts ORDER BY request_id, kind, target';

async function dump(pool: pg.Pool, text: string): Promise<string[]> {
  const { rows } = await pool.query(text);
  return rows.map((r) => JSON.stringify(r));
}

test('the clocks a demo writes as it loads are the ones the sweep writes, and the first pass finds nothing left', async () => {
  const { pool } = db;
  // Requests of this category get no policy: they are written without a clock, as the sweep leaves them.
  await pool.query(`DELETE FROM sla_policies WHERE category_code = 'suggestion'`);
  const report = await generateDemo(pool, {
    months: 1,
    seed: 'clocks',
    requests: 3000,
    perDay: 0,
    endAt: END,
    chunkRequests: 700,
    source: generatedCitySource(),
    subdivideVertices: 64,
    checkRows: true,
    bulkMinRequests: null,
    slaAt: T,
  });
  assert.equal(report.requests, 3000);
  const atLoad = { clocks: await dump(pool, CLOCKS), alerts: await dump(pool, ALERTS) };

  // What the load wrote is not trivial: every state a month of requests reaches, journeys with pauses, alerts of both
  // kinds, and some requests without a clock.
  const {
    rows: [mix],
  } = await pool.query<{ states: string[]; paused: number; unclocked: number; evaluated: number; kinds: string[] }>(
    `SELECT (SELECT array_agg(DISTINCT sla_state ORDER BY sla_state) FROM requests WHERE sla_policy_id IS NOT NULL) AS states,
            (SELECT count(DISTINCT e.request_id)::int FROM request_events e JOIN requests r ON r.id = e.request_id
             WHERE e.to_status = 'on_hold' AND r.sla_policy_id IS NOT NULL) AS paused,
            (SELECT count(*)::int FROM requests WHERE sla_policy_id IS NULL AND sla_evaluated_at IS NULL) AS unclocked,
            (SELECT count(*)::int FROM requests WHERE sla_evaluated_at = $1) AS evaluated,
            (SELECT array_agg(DISTINCT kind || ' ' || target ORDER BY kind || ' ' || target) FROM sla_alerts) AS kinds`,
    [T]
  );
  assert.deepEqual(mix.states, ['breached', 'cancelled', 'in_progress', 'met', 'warning']);
  assert.ok(mix.paused > 50, `requests with a clock that were on hold: ${mix.paused}`);
  assert.ok(mix.unclocked > 50, `requests without a policy: ${mix.unclocked}`);
  assert.equal(mix.evaluated + mix.unclocked, 3000);
  assert.deepEqual(mix.kinds, [
    'breach first_response',
    'breach resolution',
    'warning first_response',
    'warning resolution',
  ]);

  const pass = await sweepSlaHistory(pool, T, { eventLagMs: 0 });
  assert.equal(pass.ran, true);
  assert.equal(pass.evaluated, 0, 'the first pass at the same instant has nothing left to evaluate');

  // The same requests evaluated afresh by the ordinary sweep at T.
  await pool.query(`UPDATE requests SET first_response_due_at = NULL, resolution_due_at = NULL, sla_state = DEFAULT,
                      sla_evaluated_at = NULL, sla_next_check_at = NULL, sla_recorded_at = NULL`);
  await pool.query('DELETE FROM sla_alerts');
  const swept = await sweepSla(pool, T, { batchSize: 500, eventLagMs: 0 });
  assert.equal(swept.evaluated, mix.evaluated);
  assert.deepEqual(await dump(pool, CLOCKS), atLoad.clocks);
  assert.deepEqual(await dump(pool, ALERTS), atLoad.alerts);
});
