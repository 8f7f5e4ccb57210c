// A point the map cannot project (latitude −90) is refused at every ingest path, naming the field; one
// stored around the API (straight into SQL) is set aside by the rollup job (job_quarantine), counted in
// /metrics and listed at GET /v1/ops/quarantine while every other request rolls up; tiles over it answer.
// Any other row a rollup statement fails on is found by bisecting the batch and set aside the same way.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { rowCounts } from '../support/db.ts';
import { importGrid, sampleRequest } from '../support/fixtures.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { MAX_MERCATOR_LATITUDE } from '../../backend/geo/projectable.ts';

let agg: TestAggregator;
const now = Date.now();
const iso = (t: number) => new Date(t).toISOString();

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
});
afterAll(async () => {
  await agg?.stop();
});

const received = async () => {
  const res = await agg.call(
    'POST',
    '/v1/query',
    {
      from: iso(now - 86_400_000),
      to: iso(now + 60_000),
      targets: [{ refId: 'A', metric: 'received', format: 'table' }],
    },
    agg.tokens.read
  );
  assert.equal(res.status, 200, res.text);
  return res.body.results.A.frames[0].fields.find((f: any) => f.name === 'received').values[0] as number;
};

/** Stores a request at (lon, lat) around the API's checks, marked for the rollup job as ingest marks it. */
async function storeAround(externalId: string, lon: number, lat: number): Promise<number> {
  const res = await agg.call(
    'POST',
    '/v1/requests',
    sampleRequest({ source: 'q', external_id: externalId, created_at: iso(now - 3_600_000) }),
    agg.tokens.ingest
  );
  assert.equal(res.status, 201, res.text);
  const {
    rows: [r],
  } = await agg.db.pool.query(
    `UPDATE requests SET location = ST_SetSRID(ST_MakePoint($2, $3), 4326) WHERE external_id = $1 RETURNING id`,
    [externalId, lon, lat]
  );
  return Number(r.id);
}

describe('a latitude the map cannot project', () => {
  test('native single and batch POSTs answer 400 naming location.lat, and write nothing', async () => {
    const before = await rowCounts(agg.db.pool);
    const one = await agg.call(
      'POST',
      '/v1/requests',
      sampleRequest({ location: { lon: 55.15, lat: -90 } }),
      agg.tokens.ingest
    );
    assert.equal(one.status, 400, one.text);
    assert.deepEqual(
      one.body.details.map((d: any) => d.path),
      ['location.lat']
    );
    assert.match(
      one.body.details[0].message,
      new RegExp(`between -${MAX_MERCATOR_LATITUDE} and ${MAX_MERCATOR_LATITUDE}`)
    );
    const batch = await agg.call(
      'POST',
      '/v1/requests/batch',
      { requests: [sampleRequest(), sampleRequest({ location: { lon: 55.15, lat: 85.06 } })] },
      agg.tokens.ingest
    );
    assert.equal(batch.status, 400, batch.text);
    assert.deepEqual(
      batch.body.details.map((d: any) => d.path),
      ['requests[1].location.lat']
    );
    assert.deepEqual(await rowCounts(agg.db.pool), before);
  });

  test('Open311 POST answers 400 naming lat', async () => {
    const form = {
      api_key: agg.tokens.ingest,
      service_code: 'waste.overflowing_bin',
      lat: '-90',
      long: '55.15',
      description: 'at the pole',
    };
    const res = await fetch(`${agg.url}/open311/v2/requests.json`, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const body = (await res.json()) as Array<{ code: number; description: string }>;
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.ok(
      body.some((e) => /^lat\b/.test(e.description) && e.description.includes(String(MAX_MERCATOR_LATITUDE))),
      JSON.stringify(body)
    );
  });

  test('a −90 row stored around the API is quarantined by the rollup job; the others roll up; metric, endpoint and tiles answer', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await agg.call(
        'POST',
        '/v1/requests',
        sampleRequest({ source: 'q', external_id: `good-${i}`, created_at: iso(now - 3_600_000) }),
        agg.tokens.ingest
      );
      assert.equal(res.status, 201, res.text);
    }
    const pole = await storeAround('pole', 55.15, -90);
    // Before the job: tiles count the marked rows too (the functions clamp, migration 0034).
    for (const path of ['0/0/0', '5/16/31', '5/20/13']) {
      const res = await agg.call('GET', `/v1/tiles/requests/${path}.mvt`, undefined, agg.tokens.read);
      assert.ok([200, 204].includes(res.status), `${path} before the rollup: ${res.status} ${res.text.slice(0, 200)}`);
    }
    const run = await applyPendingRollups(agg.db.pool, 50);
    assert.deepEqual({ requests: run.requests, quarantined: run.quarantined }, { requests: 3, quarantined: 1 });
    const { rows: pending } = await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending');
    assert.equal(pending[0].n, 0, 'nothing left waiting: the job is not stalled');
    const { rows: applied } = await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_state');
    assert.equal(applied[0].n, 3);
    assert.equal(await received(), 3);

    const list = await agg.call('GET', '/v1/ops/quarantine', undefined, agg.tokens.read);
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.body.counts, { rollups: 1 });
    assert.equal(list.body.rows.length, 1);
    assert.equal(list.body.rows[0].request_id, pole);
    assert.equal(list.body.rows[0].job, 'rollups');
    assert.match(list.body.rows[0].error, /lat -90.*outside what the map can project/);
    assert.equal((await agg.call('GET', '/v1/ops/quarantine', undefined, agg.tokens.ingest)).status, 403);
    assert.equal((await agg.call('GET', '/v1/ops/quarantine?limit=0', undefined, agg.tokens.read)).status, 400);

    const metrics = await agg.call('GET', '/metrics', undefined, null);
    assert.match(metrics.text, /^s360_job_quarantined_rows\{job="rollups"\} 1$/m);

    for (const path of ['0/0/0', '5/16/31', '14/10700/7000']) {
      const res = await agg.call('GET', `/v1/tiles/requests/${path}.mvt`, undefined, agg.tokens.read);
      assert.ok([200, 204].includes(res.status), `${path}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    const ready = await agg.call('GET', '/readyz', undefined, null);
    assert.equal(ready.status, 200, ready.text);

    // Marked again (an event, say): set aside again, counted once, `times` 2.
    await agg.db.pool.query('INSERT INTO rollup_pending (request_id) VALUES ($1)', [pole]);
    assert.equal((await applyPendingRollups(agg.db.pool, 50)).quarantined, 1);
    const again = await agg.call('GET', '/v1/ops/quarantine', undefined, agg.tokens.read);
    assert.deepEqual([again.body.counts.rollups, again.body.rows[0].times], [1, 2]);

    // Fixed (a real point) and marked: it applies and leaves the list.
    await agg.db.pool.query(
      `UPDATE requests SET location = ST_SetSRID(ST_MakePoint(55.15, 25.15), 4326) WHERE id = $1`,
      [pole]
    );
    await agg.db.pool.query('INSERT INTO rollup_pending (request_id) VALUES ($1)', [pole]);
    assert.deepEqual(await applyPendingRollups(agg.db.pool, 50).then((r) => [r.requests, r.quarantined]), [1, 0]);
    assert.deepEqual((await agg.call('GET', '/v1/ops/quarantine', undefined, agg.tokens.read)).body, {
      counts: {},
      rows: [],
    });
    assert.equal(await received(), 4);
  });

  test('the SQL functions clamp: web_mercator_point and tile_py answer at ±90', async () => {
    const {
      rows: [r],
    } = await agg.db.pool
      .query(`SELECT tile_py(ST_SetSRID(ST_MakePoint(0, -90), 4326)) AS south, tile_py(ST_SetSRID(ST_MakePoint(0, 90), 4326)) AS north,
      ST_Y(web_mercator_point(ST_SetSRID(ST_MakePoint(0, -90), 4326))) AS y`);
    assert.deepEqual([r.south, r.north], [4294967295, 0]);
    assert.ok(Math.abs(r.y + 20037508.34) < 1, String(r.y));
  });
});

describe('any row a rollup statement fails on', () => {
  test('is found by bisecting the batch and set aside; the rest of the batch is applied', async () => {
    await agg.db.pool.query(`DELETE FROM job_quarantine`);
    const before = (await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_state')).rows[0].n;
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(await storeAround(`bisect-${i}`, 55.15 + i * 0.001, 25.15));
    }
    // A poison longitude: tile_px raises a data exception for it (as a broken row would), only in this test.
    const poisonLon = 55.15 + 7 * 0.001;
    const {
      rows: [{ def }],
    } = await agg.db.pool.query(`SELECT pg_get_functiondef('tile_px(geometry)'::regprocedure) AS def`);
    await agg.db.pool
      .query(`CREATE OR REPLACE FUNCTION tile_px(location geometry) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $f$
      BEGIN
        IF ST_X(location) = ${poisonLon} THEN RAISE EXCEPTION 'poisoned test row' USING ERRCODE = '22023'; END IF;
        RETURN least(greatest(floor((ST_X(location) + 180) / 360 * 4294967296::float8), 0), 4294967295)::bigint;
      END $f$`);
    try {
      const run = await applyPendingRollups(agg.db.pool, 50);
      assert.deepEqual({ requests: run.requests, quarantined: run.quarantined }, { requests: 11, quarantined: 1 });
    } finally {
      await agg.db.pool.query(def);
    }
    const { rows: q } = await agg.db.pool.query('SELECT job, request_id, error FROM job_quarantine');
    assert.deepEqual(
      q.map((r) => [r.job, Number(r.request_id)]),
      [['rollups', ids[7]]]
    );
    assert.match(q[0].error, /poisoned test row \(SQLSTATE 22023\)/);
    assert.equal((await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_state')).rows[0].n, before + 11);
    assert.equal((await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n, 0);
  });

  test('but a statement failing for every request fails the run (nothing set aside, the marks stay)', async () => {
    await agg.db.pool.query(`DELETE FROM job_quarantine`);
    for (let i = 0; i < 3; i++) {
      await storeAround(`broken-${i}`, 55.15, 25.15);
    }
    const {
      rows: [{ def }],
    } = await agg.db.pool.query(`SELECT pg_get_functiondef('tile_px(geometry)'::regprocedure) AS def`);
    await agg.db.pool
      .query(`CREATE OR REPLACE FUNCTION tile_px(location geometry) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $f$
      BEGIN RAISE EXCEPTION 'broken for all' USING ERRCODE = '22023'; END $f$`);
    try {
      await assert.rejects(
        applyPendingRollups(agg.db.pool, 50),
        /failed on every one of the 3 requests of a batch: broken for all/
      );
    } finally {
      await agg.db.pool.query(def);
    }
    assert.equal((await agg.db.pool.query('SELECT count(*)::int AS n FROM job_quarantine')).rows[0].n, 0);
    assert.equal((await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n, 3);
    assert.equal((await applyPendingRollups(agg.db.pool, 50)).requests, 3, 'repaired, the next run applies them');
  });
});

test('the limit itself is accepted (and rolls up)', async () => {
  const edge = await agg.call(
    'POST',
    '/v1/requests',
    sampleRequest({ location: { lon: -180, lat: -MAX_MERCATOR_LATITUDE } }),
    agg.tokens.ingest
  );
  assert.equal(edge.status, 201, edge.text);
  assert.deepEqual((await applyPendingRollups(agg.db.pool, 50)).quarantined, 0);
});
