// The SLA engine's I/O on real PostGIS: requests and journeys through the API, then refreshSla / sweepSla
// at chosen instants; due times, states, rollup marks and alerts checked exactly. Hand-worked values use the
// reference data: complaint policy (field calendar Mon–Thu 07:30–15:30, Fri 07:30–12:00, Asia/Dubai;
// first response 240 min, resolution 2400 min, warning 80 %), inquiry policy (24x7; 60 and 1440 min).
// The tests run in order and share one database; the sweep tests come last.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { sampleRequest } from '../support/fixtures.ts';
import { refreshSla } from '../../backend/sla/refresh.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';

let agg: TestAggregator;
beforeAll(async () => {
  agg = await startTestAggregator();
});
afterAll(async () => {
  await agg?.stop();
});

/** A wall-clock time in Dubai (UTC+4). */
const dxb = (local: string) => new Date(`${local.replace(' ', 'T')}:00+04:00`);
const utc = (local: string) => dxb(local).toISOString();

async function create(createdAt: string, over: Record<string, unknown> = {}): Promise<number> {
  const res = await agg.call(
    'POST',
    '/v1/requests',
    sampleRequest({ created_at: `${createdAt.replace(' ', 'T')}:00+04:00`, ...over }),
    agg.tokens.ingest
  );
  assert.equal(res.status, 201, res.text);
  return res.body.id;
}

async function walk(id: number, steps: Array<[string, string]>): Promise<void> {
  for (const [status, at] of steps) {
    const res = await agg.call(
      'POST',
      `/v1/requests/${id}/events`,
      { status, occurred_at: `${at.replace(' ', 'T')}:00+04:00` },
      agg.tokens.ingest
    );
    assert.equal(res.status, 201, `${status} at ${at}: ${res.text}`);
  }
}

type Sla = {
  fr_due: string | null;
  res_due: string | null;
  state: string;
  evaluated: string | null;
  next: string | null;
};
async function sla(id: number): Promise<Sla> {
  const { rows } = await agg.db.pool.query(
    `SELECT first_response_due_at, resolution_due_at, sla_state, sla_evaluated_at, sla_next_check_at
    FROM requests WHERE id = $1`,
    [id]
  );
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const r = rows[0];
  return {
    fr_due: iso(r.first_response_due_at),
    res_due: iso(r.resolution_due_at),
    state: r.sla_state,
    evaluated: iso(r.sla_evaluated_at),
    next: iso(r.sla_next_check_at),
  };
}

async function alerts(id: number): Promise<string[]> {
  const { rows } = await agg.db.pool.query(
    'SELECT kind, target, at FROM sla_alerts WHERE request_id = $1 ORDER BY at, kind',
    [id]
  );
  return rows.map((r) => `${r.kind} ${r.target} ${r.at.toISOString()}`);
}

/** Clears the request's rollup mark (ingestion marks it too), so a mark seen afterwards is the engine's. */
async function unmark(id: number): Promise<void> {
  await agg.db.pool.query('DELETE FROM rollup_pending WHERE request_id = $1', [id]);
}
async function marked(id: number): Promise<boolean> {
  return (await agg.db.pool.query('SELECT 1 FROM rollup_pending WHERE request_id = $1', [id])).rowCount === 1;
}

describe('refreshSla', () => {
  test('across the Friday half-day and the weekend: in progress, warning, then breach, each alert once', async () => {
    // Created Thu 2026-11-19 14:00. First response: Thu 90, then Fri 07:30 + 150 → Fri 10:00. Resolution: Thu 90,
    // Fri 270, Mon–Thu 1920 → 2280, Fri 11-27 07:30 + 120 → 09:30. First-response warning (192): Fri 07:30 + 102 → 09:12.
    const id = await create('2026-11-19 14:00');
    await unmark(id);
    const r1 = await refreshSla(agg.db.pool, [id], dxb('2026-11-19 15:00'));
    assert.deepEqual(
      { evaluated: r1.evaluated, changed: r1.changed, marked: r1.marked, alerts: r1.alerts.length },
      { evaluated: 1, changed: 1, marked: 0, alerts: 0 }
    );
    assert.deepEqual(await sla(id), {
      fr_due: utc('2026-11-20 10:00'),
      res_due: utc('2026-11-27 09:30'),
      state: 'in_progress',
      evaluated: utc('2026-11-19 15:00'),
      next: utc('2026-11-20 09:12'),
    });

    // Fri 09:30: 210 of 240 minutes → warning; the next moment is the breach at 10:00.
    const r2 = await refreshSla(agg.db.pool, [id], dxb('2026-11-20 09:30'));
    assert.deepEqual(r2.alerts, [
      { request_id: id, kind: 'warning', target: 'first_response', at: dxb('2026-11-20 09:12') },
    ]);
    assert.equal((await sla(id)).state, 'warning');
    assert.equal((await sla(id)).next, utc('2026-11-20 10:00'));
    assert.equal(await marked(id), false, 'a warning changes no on-time outcome');

    // Fri 10:30: breached at 10:00; the rollups now read the first response as breached.
    const r3 = await refreshSla(agg.db.pool, [id], dxb('2026-11-20 10:30'));
    assert.deepEqual(r3.alerts, [
      { request_id: id, kind: 'breach', target: 'first_response', at: dxb('2026-11-20 10:00') },
    ]);
    assert.equal(r3.marked, 1);
    assert.equal(await marked(id), true);
    // Next: the resolution warning (1920): Thu 90, Fri 270, Mon–Wed 1440 → 1800, Thu 11-26 07:30 + 120 → 09:30.
    assert.deepEqual(await sla(id), {
      fr_due: utc('2026-11-20 10:00'),
      res_due: utc('2026-11-27 09:30'),
      state: 'breached',
      evaluated: utc('2026-11-20 10:30'),
      next: utc('2026-11-26 09:30'),
    });
    assert.deepEqual(await alerts(id), [
      `warning first_response ${utc('2026-11-20 09:12')}`,
      `breach first_response ${utc('2026-11-20 10:00')}`,
    ]);

    // Again at the same instant: nothing new.
    const r4 = await refreshSla(agg.db.pool, [id], dxb('2026-11-20 10:30'));
    assert.deepEqual(
      { changed: r4.changed, marked: r4.marked, alerts: r4.alerts },
      { changed: 0, marked: 0, alerts: [] }
    );
  });

  test('pause and resume, resolved in time, reopened, resolved late', async () => {
    const id = await create('2026-11-02 08:00');
    await walk(id, [
      ['assigned', '2026-11-02 08:10'],
      ['in_progress', '2026-11-02 09:00'],
      ['on_hold', '2026-11-02 10:00'],
    ]);
    // On hold since 10:00, at Mon 14:00: 120 elapsed, 2280 left as if resumed now: Mon 90, Tue–Thu 1440, Fri 270 → 1800,
    // Mon 11-09 480 → 15:30. The projected warning (1800 left from 14:00) → Fri 11-06 12:00.
    await refreshSla(agg.db.pool, [id], dxb('2026-11-02 14:00'));
    assert.deepEqual(await sla(id), {
      fr_due: utc('2026-11-02 12:00'),
      res_due: utc('2026-11-09 15:30'),
      state: 'paused',
      evaluated: utc('2026-11-02 14:00'),
      next: utc('2026-11-06 12:00'),
    });

    // Resumed Tue 09:00 (paused Mon 330 + Tue 90 = 420), resolved Thu 11-05 10:00 after 1140 min: met; due Tue 11-10 10:30.
    await walk(id, [
      ['in_progress', '2026-11-03 09:00'],
      ['resolved', '2026-11-05 10:00'],
    ]);
    await unmark(id);
    const met = await refreshSla(agg.db.pool, [id], dxb('2026-11-05 12:00'));
    // The stored due (Mon 11-09 15:30) already made the columns read "met": the event's own mark covered it.
    assert.equal(met.marked, 0);
    assert.deepEqual(await sla(id), {
      fr_due: utc('2026-11-02 12:00'),
      res_due: utc('2026-11-10 10:30'),
      state: 'met',
      evaluated: utc('2026-11-05 12:00'),
      next: null,
    });

    // Closed Fri, reopened Mon 11-09 08:00: the 630 minutes between resolution and reopening do not count → due Wed 11-11 13:00.
    await walk(id, [
      ['closed', '2026-11-06 09:00'],
      ['in_progress', '2026-11-09 08:00'],
    ]);
    await refreshSla(agg.db.pool, [id], dxb('2026-11-09 09:00'));
    assert.deepEqual(await sla(id), {
      fr_due: utc('2026-11-02 12:00'),
      res_due: utc('2026-11-11 13:00'),
      state: 'in_progress',
      evaluated: utc('2026-11-09 09:00'),
      next: utc('2026-11-10 13:00'),
    });

    // Resolved Wed 11-11 14:00, an hour late: breached at 13:00, warned at Tue 11-10 13:00.
    await walk(id, [['resolved', '2026-11-11 14:00']]);
    await refreshSla(agg.db.pool, [id], dxb('2026-11-11 15:00'));
    assert.equal((await sla(id)).state, 'breached');
    assert.deepEqual(await alerts(id), [
      `warning resolution ${utc('2026-11-10 13:00')}`,
      `breach resolution ${utc('2026-11-11 13:00')}`,
    ]);
  });

  test('a holiday: created on the Sunday before National Day (Mon–Wed 2025-12-01..03)', async () => {
    // Nothing opens before Thu 2025-12-04 07:30: first response → 11:30; resolution Thu 480, Fri 270, Mon–Wed 1440 → 2190,
    // Thu 12-11 07:30 + 210 → 11:00; first-response warning (192) → Thu 12-04 10:42.
    const id = await create('2025-11-30 09:00');
    await refreshSla(agg.db.pool, [id], dxb('2025-11-30 10:00'));
    assert.deepEqual(await sla(id), {
      fr_due: utc('2025-12-04 11:30'),
      res_due: utc('2025-12-11 11:00'),
      state: 'in_progress',
      evaluated: utc('2025-11-30 10:00'),
      next: utc('2025-12-04 10:42'),
    });
  });

  test('24x7 runs through the night and through holidays', async () => {
    // Inquiry created Mon 2025-12-01 23:30 (a holiday): first response Tue 00:30, resolution Tue 23:30; at 00:20, 50 of 60 → warning.
    const id = await create('2025-12-01 23:30', { category: 'inquiry' });
    const r = await refreshSla(agg.db.pool, [id], dxb('2025-12-02 00:20'));
    assert.deepEqual(await sla(id), {
      fr_due: utc('2025-12-02 00:30'),
      res_due: utc('2025-12-02 23:30'),
      state: 'warning',
      evaluated: utc('2025-12-02 00:20'),
      next: utc('2025-12-02 00:30'),
    });
    assert.deepEqual(
      r.alerts.map((a) => [a.kind, a.target, a.at.toISOString()]),
      [['warning', 'first_response', utc('2025-12-02 00:18')]]
    );
  });

  test('cancelled: its own state, no rollup outcome, the breach before the cancellation still recorded', async () => {
    // Created Mon 2026-11-16 08:00; first response due 12:00 (warning 11:12); cancelled 13:00 without a response.
    const id = await create('2026-11-16 08:00');
    await walk(id, [
      ['assigned', '2026-11-16 08:10'],
      ['cancelled', '2026-11-16 13:00'],
    ]);
    await unmark(id);
    const r = await refreshSla(agg.db.pool, [id], dxb('2026-11-23 10:00'));
    assert.equal(r.marked, 0, 'a cancelled request counts in no on-time %');
    assert.deepEqual(await sla(id), {
      fr_due: utc('2026-11-16 12:00'),
      res_due: utc('2026-11-23 11:30'),
      state: 'cancelled',
      evaluated: utc('2026-11-23 10:00'),
      next: null,
    });
    assert.deepEqual(await alerts(id), [
      `warning first_response ${utc('2026-11-16 11:12')}`,
      `breach first_response ${utc('2026-11-16 12:00')}`,
    ]);
  });

  test('a request finished before it was ever evaluated is marked for the rollups once it is', async () => {
    // Created Mon 2026-11-23 08:00, resolved Tue 10:00 (930 of 2400 min): the columns read nothing until the due times exist.
    const id = await create('2026-11-23 08:00');
    await walk(id, [
      ['assigned', '2026-11-23 08:05'],
      ['in_progress', '2026-11-23 08:30'],
      ['resolved', '2026-11-24 10:00'],
    ]);
    await unmark(id);
    const r = await refreshSla(agg.db.pool, [id], dxb('2026-11-24 12:00'));
    assert.equal(r.marked, 1);
    assert.equal(await marked(id), true);
    assert.equal((await sla(id)).state, 'met');
  });

  test('many requests in one call; unknown ids are ignored', async () => {
    const a = await create('2026-11-24 22:00'); // at night: first response Wed 07:30 + 240 → 11:30
    const b = await create('2026-11-25 23:30', { category: 'inquiry' }); // 24x7: Thu 00:30
    const r = await refreshSla(agg.db.pool, [b, a, 999_999_999, a], dxb('2026-11-26 00:00'));
    assert.equal(r.evaluated, 2);
    assert.equal((await sla(a)).fr_due, utc('2026-11-25 11:30'));
    assert.equal((await sla(b)).fr_due, utc('2026-11-26 00:30'));
    assert.deepEqual(await refreshSla(agg.db.pool, [], dxb('2026-11-26 00:00')), {
      evaluated: 0,
      changed: 0,
      marked: 0,
      alerts: [],
    });
  });
});

describe('sweepSla', () => {
  // A: created Thu 2026-11-26 14:00, no response: first-response warning Fri 11-27 09:12, breach 10:00.
  // B: same time, responded 14:30, resolved Fri 09:40. Its resolution warning before that would have been
  // Thu 90, Fri 270, Mon 11-30 480 (840), Tue–Thu 12-01..03 holidays, Fri 12-04 270 (1110), Mon 12-07 480 (1590),
  // Tue 12-08 07:30 + 330 → 13:00.
  let a: number, b: number;
  const sweep = (local: string, batchSize?: number) => sweepSla(agg.db.pool, dxb(local), { eventLagMs: 0, batchSize });

  test('the first sweep evaluates the requests never evaluated and those whose moment came, in batches', async () => {
    a = await create('2026-11-26 14:00');
    b = await create('2026-11-26 14:00');
    await walk(b, [
      ['assigned', '2026-11-26 14:05'],
      ['in_progress', '2026-11-26 14:30'],
    ]);
    // Due now: the requests never evaluated (A, B) and those of the tests above whose next moment has come.
    const {
      rows: [due],
    } = await agg.db.pool.query(
      `SELECT count(*) FILTER (WHERE resolution_due_at IS NULL)::int AS unset,
      count(*) FILTER (WHERE resolution_due_at IS NULL OR sla_next_check_at <= $1)::int AS n FROM requests`,
      [dxb('2026-11-26 15:00')]
    );
    assert.equal(due.unset, 2);
    const r = await sweep('2026-11-26 15:00', 3);
    assert.ok(r.ran);
    const { rows } = await agg.db.pool.query('SELECT count(*)::int AS n FROM requests WHERE resolution_due_at IS NULL');
    assert.equal(rows[0].n, 0, 'every request has its due times');
    assert.equal(r.evaluated, due.n);
    assert.equal(r.batches, Math.ceil(due.n / 3));
    assert.deepEqual(await sla(a), {
      fr_due: utc('2026-11-27 10:00'),
      res_due: utc('2026-12-09 13:00'),
      state: 'in_progress',
      evaluated: utc('2026-11-26 15:00'),
      next: utc('2026-11-27 09:12'),
    });
    assert.equal((await sla(b)).next, utc('2026-12-08 13:00'));
  });

  test('a request is looked at again only when its moment comes', async () => {
    await sweep('2026-11-27 09:00'); // before A's warning at 09:12
    assert.equal((await sla(a)).evaluated, utc('2026-11-26 15:00'));
    const r = await sweep('2026-11-27 09:30');
    assert.equal((await sla(a)).state, 'warning');
    assert.deepEqual(
      r.alerts.filter((x) => x.request_id === a || x.request_id === b),
      [{ request_id: a, kind: 'warning', target: 'first_response', at: dxb('2026-11-27 09:12') }]
    );
  });

  test('a journey event since the last sweep brings its request in; a breach is recorded when it happens', async () => {
    await walk(b, [['resolved', '2026-11-27 09:40']]);
    const r = await sweep('2026-11-27 10:30');
    assert.equal((await sla(b)).state, 'met');
    assert.equal((await sla(b)).evaluated, utc('2026-11-27 10:30'));
    assert.equal((await sla(a)).state, 'breached');
    assert.deepEqual(
      r.alerts.filter((x) => x.request_id === a || x.request_id === b),
      [{ request_id: a, kind: 'breach', target: 'first_response', at: dxb('2026-11-27 10:00') }]
    );
    // Nothing is left to do at the same instant: each moment is handled once.
    const again = await sweep('2026-11-27 10:30');
    assert.deepEqual({ evaluated: again.evaluated, alerts: again.alerts }, { evaluated: 0, alerts: [] });
    const { rows } = await agg.db.pool.query('SELECT swept_until FROM sla_sweep_state');
    assert.equal(rows[0].swept_until.toISOString(), utc('2026-11-27 10:30'));
  });

  test('a sweep already running elsewhere makes this one a no-op', async () => {
    const other = new pg.Client({ connectionString: agg.db.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [3600_0012]);
      const r = await sweep('2026-11-30 10:00');
      assert.deepEqual(r, { ran: false, evaluated: 0, changed: 0, marked: 0, batches: 0, alerts: [], alertCount: 0 });
      assert.equal((await sla(a)).evaluated, utc('2026-11-27 10:30'));
    } finally {
      await other.end();
    }
  });
});
