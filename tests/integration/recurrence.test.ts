// Recurrence against real PostGIS: topic trends, and hot spots found where a cluster was planted and
// nowhere else, from the refreshed table and computed live.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid } from '../support/fixtures.ts';
import { refreshHotspots } from '../../backend/recurrence/hotspots.ts';
import { loadConfig } from '../../backend/config.ts';

let agg: TestAggregator;
beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool); // G1 55.1–55.2 × 25.1–25.2, G2 east of it, G3 north, G4 north-east
});
afterAll(async () => {
  await agg?.stop();
});

type Plant = { lon: number; lat: number; at: string; topic: string; channel?: string; status?: string };

async function insert(pool: pg.Pool, plants: Plant[]): Promise<number[]> {
  const { rows } = await pool.query(
    `
    INSERT INTO requests (source, external_id, channel_code, category_code, topic_code, department_code, zone_id,
                          location, status, stage, created_at)
    SELECT 'recurrence-test', gen_random_uuid()::text, i.channel, 'complaint', i.topic, t.department_code,
           (SELECT p.zone_id FROM zone_parts p WHERE ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(i.lon, i.lat), 4326))
            ORDER BY p.area_km2 LIMIT 1),
           ST_SetSRID(ST_MakePoint(i.lon, i.lat), 4326), i.status, i.status, i.at
    FROM unnest($1::float8[], $2::float8[], $3::timestamptz[], $4::text[], $5::text[], $6::text[])
         WITH ORDINALITY AS i(lon, lat, at, topic, channel, status, ord)
    JOIN topics t ON t.code = i.topic
    ORDER BY i.ord
    RETURNING id`,
    [
      plants.map((p) => p.lon),
      plants.map((p) => p.lat),
      plants.map((p) => p.at),
      plants.map((p) => p.topic),
      plants.map((p) => p.channel ?? 'whatsapp'),
      plants.map((p) => p.status ?? 'received'),
    ]
  );
  const ids = rows.map((r) => Number(r.id));
  // Marked for the rollup job, as every writer of requests does: the counts read the rollups plus this pending delta.
  await pool.query('INSERT INTO rollup_pending (request_id) SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING', [ids]);
  return ids;
}

/** A point `east` and `north` metres from (lon, lat). */
const offset = (lon: number, lat: number, east: number, north: number) => ({
  lon: lon + east / (111_320 * Math.cos((lat * Math.PI) / 180)),
  lat: lat + north / 110_574,
});
const day = (d: string, h = 10) => `2026-06-${d}T${String(h).padStart(2, '0')}:00:00Z`;

// Hot spots -------------------------------------------------------------------------------------------
describe('hot spots', () => {
  const TO = '2026-06-30T00:00:00Z'; // window: the 30 days before, [2026-05-31, 2026-06-30)
  const BIN = 'waste.overflowing_bin';
  const PEST = 'public_health.pest_control';
  const P1 = { lon: 55.15, lat: 25.15 }; // in G1
  let clusterIds: number[] = [];

  beforeAll(async () => {
    // The planted hot spot: 4 overflowing-bin reports within 40 m of P1, over 15 days.
    clusterIds = await insert(
      agg.db.pool,
      [
        [0, 0],
        [30, 0],
        [0, 30],
        [-20, -25],
      ].map(([e, n], i) => ({
        ...offset(P1.lon, P1.lat, e, n),
        at: day(String(10 + i * 5)),
        topic: BIN,
      }))
    );
    // Sparse: 4 overflowing-bin reports 500 m apart in G4.
    await insert(
      agg.db.pool,
      [0, 1, 2, 3].map((i) => ({ ...offset(55.25, 25.25, i * 500, 0), at: day('12'), topic: BIN }))
    );
    // Close but of 3 different topics.
    await insert(
      agg.db.pool,
      ['waste.illegal_dumping', 'environment.noise', 'parks.irrigation_leak'].map((topic, i) => ({
        ...offset(55.13, 25.13, i * 20, 0),
        at: day('15'),
        topic,
      }))
    );
    // Close and same topic, but in May (before the window): a hot spot only for a window that holds May.
    await insert(
      agg.db.pool,
      [0, 1, 2].map((i) => ({ ...offset(55.25, 25.15, i * 25, 0), at: `2026-05-0${i + 1}T10:00:00Z`, topic: PEST }))
    );
    // Close and same topic, but one of the three was cancelled.
    await insert(
      agg.db.pool,
      [0, 1, 2].map((i) => ({
        ...offset(55.17, 25.27, i * 25, 0),
        at: day('20'),
        topic: BIN,
        status: i === 0 ? 'cancelled' : 'received',
      }))
    );
    // Close and same topic, but spread over 2 months: only 2 of them in the window.
    await insert(
      agg.db.pool,
      [0, 1, 2].map((i) => ({
        ...offset(55.27, 25.27, i * 25, 0),
        at: i === 0 ? '2026-04-15T10:00:00Z' : day('05'),
        topic: PEST,
      }))
    );
  });

  const get = (path: string) => agg.call('GET', path, undefined, agg.tokens.read);

  test('found exactly where the cluster was planted, and nowhere else (live)', async () => {
    const res = await get(`/v1/recurrence/hotspots?to=${TO}&format=table`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.source, 'live');
    assert.equal(res.body.from, '2026-05-31T00:00:00.000Z');
    assert.equal(res.body.rows.length, 1, JSON.stringify(res.body.rows));
    const h = res.body.rows[0];
    assert.equal(h.topic_code, BIN);
    assert.equal(h.topic, 'Overflowing bin');
    assert.equal(h.department_code, 'waste');
    assert.equal(h.zone_code, 'G1');
    assert.equal(h.zone, 'Grid 1');
    assert.equal(h.count, 4);
    assert.deepEqual(h.request_ids, clusterIds);
    assert.equal(h.first_at, new Date(day('10')).toISOString());
    assert.equal(h.last_at, new Date(day('25')).toISOString());
    assert.ok(Math.abs(h.lon - P1.lon) < 0.0003 && Math.abs(h.lat - P1.lat) < 0.0003, `${h.lon},${h.lat}`);
    assert.ok(h.radius_m > 20 && h.radius_m < 50, `radius ${h.radius_m}`);
  });

  test('a window that holds May finds the May cluster instead', async () => {
    const res = await get('/v1/recurrence/hotspots?from=2026-04-20T00:00:00Z&to=2026-05-20T00:00:00Z');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.rows.map((r: { topic_code: string; zone_code: string; count: number }) => [
        r.topic_code,
        r.zone_code,
        r.count,
      ]),
      [[PEST, 'G2', 3]]
    );
  });

  test('largest first, and limit keeps the largest', async () => {
    const both = await get('/v1/recurrence/hotspots?from=2026-04-20T00:00:00Z&to=2026-06-30T00:00:00Z');
    assert.deepEqual(
      both.body.rows.map((r: { topic_code: string; count: number }) => [r.topic_code, r.count]),
      [
        [BIN, 4],
        [PEST, 3],
      ]
    );
    const one = await get('/v1/recurrence/hotspots?from=2026-04-20T00:00:00Z&to=2026-06-30T00:00:00Z&limit=1');
    assert.deepEqual(
      one.body.rows.map((r: { topic_code: string }) => r.topic_code),
      [BIN]
    );
    assert.equal((await get('/v1/recurrence/hotspots?limit=0')).status, 400);
  });

  test('same-topic reports 500 m apart are not a hot spot (eps 100 m)', async () => {
    assert.equal(loadConfig().hotspotEpsMetres, 100);
    const res = await get(`/v1/recurrence/hotspots?to=${TO}&zone=G4`);
    assert.deepEqual(res.body.rows, []);
  });

  test('refreshHotspots materialises the current window; the routes then read the table', async () => {
    const run = await refreshHotspots(agg.db.pool, new Date(TO));
    assert.equal(run.hotspots, 1);
    const stored = await agg.db.pool.query(
      'SELECT topic_code, count, request_ids FROM recurrence_hotspots WHERE run_id = $1',
      [run.runId]
    );
    assert.deepEqual(
      stored.rows.map((r) => [r.topic_code, r.count, r.request_ids.map(Number)]),
      [[BIN, 4, clusterIds]]
    );
    const current = await get('/v1/recurrence/hotspots');
    assert.equal(current.body.source, 'table');
    assert.equal(current.body.to, new Date(TO).toISOString());
    assert.equal(current.body.rows.length, 1);
    assert.equal(current.body.rows[0].count, 4);
    const same = await get(`/v1/recurrence/hotspots?to=${TO}`);
    assert.equal(same.body.source, 'table');
    const other = await get('/v1/recurrence/hotspots?from=2026-04-20T00:00:00Z&to=2026-05-20T00:00:00Z');
    assert.equal(other.body.source, 'live');
    assert.equal(other.body.rows[0].topic_code, PEST);
    // Filters the table can apply (topic, department, zone of the hot spot) stay on it; others go live.
    const byTopic = await get(`/v1/recurrence/hotspots?topic=${PEST}`);
    assert.deepEqual([byTopic.body.source, byTopic.body.rows.length], ['table', 0]);
    const byDept = await get('/v1/recurrence/hotspots?department=waste&zone=G1');
    assert.deepEqual([byDept.body.source, byDept.body.rows.length], ['table', 1]);
    const byChannel = await get(`/v1/recurrence/hotspots?to=${TO}&channel=website`);
    assert.deepEqual([byChannel.body.source, byChannel.body.rows.length], ['live', 0]);
    // A second refresh replaces the first run.
    const again = await refreshHotspots(agg.db.pool, new Date(TO));
    const runs = await agg.db.pool.query('SELECT id FROM recurrence_hotspot_runs');
    assert.deepEqual(
      runs.rows.map((r) => Number(r.id)),
      [again.runId]
    );
  });

  test('as GeoJSON: a Point at the centroid, or the hull', async () => {
    const res = await get(`/v1/recurrence/hotspots.geojson?to=${TO}`);
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers.get('content-type') ?? '', /geo\+json/);
    assert.equal(res.body.type, 'FeatureCollection');
    assert.equal(res.body.features.length, 1);
    const f = res.body.features[0];
    assert.equal(f.geometry.type, 'Point');
    assert.ok(Math.abs(f.geometry.coordinates[0] - P1.lon) < 0.0003);
    assert.equal(f.properties.count, 4);
    assert.equal(f.properties.zone_code, 'G1');
    const hull = await get(`/v1/recurrence/hotspots.geojson?to=${TO}&geometry=hull&language=ar`);
    assert.equal(hull.body.features[0].geometry.type, 'Polygon');
    assert.equal(hull.body.features[0].properties.zone, 'شبكة 1');
  });
});

// Topic trends ---------------------------------------------------------------------------------------
describe('topic trends', () => {
  // Current period [03-01, 03-11), previous [02-19, 03-01).
  const FROM = '2026-03-01T00:00:00Z';
  const TO = '2026-03-11T00:00:00Z';
  const at = (d: string) => `${d}T09:00:00Z`;
  const plant = (topic: string, dates: string[], channel = 'whatsapp') =>
    insert(
      agg.db.pool,
      dates.map((d) => ({ lon: 55.15, lat: 25.15, at: at(d), topic, channel }))
    );

  beforeAll(async () => {
    await plant('food_safety.hygiene', [
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-05',
      '2026-03-09',
      '2026-03-10',
    ]);
    await plant('food_safety.hygiene', ['2026-02-19', '2026-02-20', '2026-02-25'], 'website');
    await plant('food_safety.hygiene', ['2026-02-28']);
    await plant('buildings.violation', ['2026-03-04', '2026-03-06', '2026-03-08']);
    await plant('drainage.blocked_drain', ['2026-03-02', '2026-03-07']);
    await plant('drainage.blocked_drain', ['2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);
    await plant('environment.air_quality', ['2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-02-24']);
    await plant('environment.air_quality', ['2026-03-11', '2026-02-18']); // just outside both periods
  });

  test('ranked by volume with the previous equal period and the change in %', async () => {
    const res = await agg.call('GET', `/v1/recurrence/topics?from=${FROM}&to=${TO}`, undefined, agg.tokens.read);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.previous_from, '2026-02-19T00:00:00.000Z');
    assert.deepEqual(
      res.body.topics.map(
        (t: { topic_code: string; count: number; previous_count: number; change_pct: number | null }) => [
          t.topic_code,
          t.count,
          t.previous_count,
          t.change_pct,
        ]
      ),
      [
        ['food_safety.hygiene', 6, 4, 50],
        ['buildings.violation', 3, 0, null],
        ['drainage.blocked_drain', 2, 4, -50],
      ]
    );
    assert.equal(res.body.topics[0].topic, 'Restaurant hygiene');
    assert.equal(res.body.topics[0].department, 'Food Safety');
  });

  test('topN, language and filters', async () => {
    const top = await agg.call(
      'GET',
      `/v1/recurrence/topics?from=${FROM}&to=${TO}&topN=1&language=ar`,
      undefined,
      agg.tokens.read
    );
    assert.equal(top.body.topics.length, 1);
    assert.equal(top.body.topics[0].topic, 'نظافة المطاعم');
    const whatsapp = await agg.call(
      'GET',
      `/v1/recurrence/topics?from=${FROM}&to=${TO}&channel=whatsapp&department=food_safety`,
      undefined,
      agg.tokens.read
    );
    assert.deepEqual(
      whatsapp.body.topics.map((t: { count: number; previous_count: number; change_pct: number }) => [
        t.count,
        t.previous_count,
        t.change_pct,
      ]),
      [[6, 1, 500]]
    );
  });

  test("the route and the query API's recurring_topics metric give the same answer on the same data", async () => {
    const cases: Array<{ qs: string; target: Record<string, unknown> }> = [
      { qs: '', target: {} },
      { qs: '&topN=2&language=ar', target: { topN: 2, language: 'ar' } },
      {
        qs: '&channel=whatsapp&department=food_safety',
        target: { filters: { channel: ['whatsapp'], department: ['food_safety'] } },
      },
      { qs: '&status_class=open', target: { filters: { status_class: ['open'] } } },
    ];
    for (const { qs, target } of cases) {
      const route = await agg.call(
        'GET',
        `/v1/recurrence/topics?from=${FROM}&to=${TO}${qs}`,
        undefined,
        agg.tokens.read
      );
      assert.equal(route.status, 200, route.text);
      const query = await agg.call(
        'POST',
        '/v1/query',
        { from: FROM, to: TO, targets: [{ refId: 'A', metric: 'recurring_topics', format: 'table', ...target }] },
        agg.tokens.read
      );
      assert.equal(query.status, 200, query.text);
      const f = Object.fromEntries(
        query.body.results.A.frames[0].fields.map((x: { name: string; values: unknown[] }) => [x.name, x.values])
      );
      const fromQuery = f.topic_code.map((code: string, i: number) => ({
        topic_code: code,
        topic: f.topic[i],
        department: f.department[i],
        count: f.count[i],
        previous_count: f.previous_count[i],
        change_pct: f.change_pct[i],
      }));
      const fromRoute = route.body.topics.map(({ department_code, ...t }: { department_code: string }) => {
        void department_code;
        return t;
      });
      assert.ok(fromRoute.length > 0, qs);
      assert.deepEqual(fromQuery, fromRoute, qs);
      if (target.topN === 2) {
        assert.deepEqual(
          fromQuery.map((r: { topic_code: string; change_pct: number | null }) => [r.topic_code, r.change_pct]),
          [
            ['food_safety.hygiene', 50],
            ['buildings.violation', null],
          ]
        );
      }
    }
  });
});

// Bad input ------------------------------------------------------------------------------------------
describe('bad input', () => {
  const attacks = [
    `'; DROP TABLE requests; --`,
    `1 OR 1=1`,
    `waste' OR '1'='1`,
    `$1`,
    `") UNION SELECT * FROM api_tokens --`,
    `1;SELECT pg_sleep(5)`,
  ];
  const routes: Array<[string, string[]]> = [
    [
      '/v1/recurrence/topics',
      [
        'from',
        'to',
        'topN',
        'language',
        'zone',
        'channel',
        'category',
        'topic',
        'department',
        'advisor',
        'status_class',
        'priority',
      ],
    ],
    [
      '/v1/recurrence/hotspots',
      [
        'from',
        'to',
        'language',
        'format',
        'zone',
        'channel',
        'category',
        'topic',
        'department',
        'advisor',
        'status_class',
        'priority',
      ],
    ],
    [
      '/v1/recurrence/hotspots.geojson',
      ['from', 'to', 'language', 'geometry', 'zone', 'channel', 'topic', 'department', 'status_class'],
    ],
  ];

  test('SQL-injection strings in every parameter: only 4xx, tables intact', async () => {
    const before = (await agg.db.pool.query('SELECT count(*)::int AS n FROM requests')).rows[0].n;
    for (const [path, params] of routes) {
      for (const param of params) {
        for (const attack of attacks) {
          const res = await agg.call(
            'GET',
            `${path}?${param}=${encodeURIComponent(attack)}`,
            undefined,
            agg.tokens.read
          );
          assert.ok(res.status >= 400 && res.status < 500, `${path} ${param}=${attack}: ${res.status} ${res.text}`);
          assert.doesNotMatch(res.body.error, /syntax|sql|postgres|relation|stack/i);
        }
      }
    }
    assert.equal((await agg.db.pool.query('SELECT count(*)::int AS n FROM requests')).rows[0].n, before);
  });

  test('topN out of range, bad format, unknown parameters and missing scope', async () => {
    for (const qs of ['topN=0', 'topN=1000', 'topN=2.5']) {
      assert.equal((await agg.call('GET', `/v1/recurrence/topics?${qs}`, undefined, agg.tokens.read)).status, 400, qs);
    }
    assert.equal((await agg.call('GET', '/v1/recurrence/hotspots?format=csv', undefined, agg.tokens.read)).status, 400);
    assert.equal((await agg.call('GET', '/v1/recurrence/hotspots?radius=5', undefined, agg.tokens.read)).status, 400);
    assert.equal((await agg.call('GET', '/v1/recurrence/hotspots.geojson', undefined, null)).status, 401);
    assert.equal((await agg.call('GET', '/v1/recurrence/topics', undefined, agg.tokens.ingest)).status, 403);
  });
});
