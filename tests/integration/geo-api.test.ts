// The geo API against real PostGIS: zones GeoJSON, zone statistics, request vector tiles.
// A small cap makes "at most N features a tile" testable with a few planted requests.
process.env.S360_MAX_TILE_FEATURES = '25';

import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Pbf } from 'pbf';
import type pg from 'pg';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { hasDubai, importDubai, importGrid } from '../support/fixtures.ts';
import { tileOf } from '../../backend/geo/tile-coords.ts';

let agg: TestAggregator;
let zoneCount = 0;
beforeAll(async () => {
  agg = await startTestAggregator();
  await (hasDubai() ? importDubai(agg.db.pool) : importGrid(agg.db.pool));
  zoneCount = (await agg.db.pool.query('SELECT count(*)::int AS n FROM zones')).rows[0].n;
  await plantRequests();
});
afterAll(async () => {
  await agg?.stop();
});

// Planted requests -----------------------------------------------------------------------------------
type Plant = {
  lon: number;
  lat: number;
  at: string;
  channel?: string;
  category?: string;
  topic?: string;
  status?: string;
  sla?: string;
};

/** Inserts requests directly (zone by point and a rollup mark, as ingestion does); returns their ids in order. */
async function insert(pool: pg.Pool, plants: Plant[]): Promise<number[]> {
  const col = <K extends keyof Plant>(k: K, d: Plant[K]) => plants.map((p) => p[k] ?? d);
  const { rows } = await pool.query(
    `
    WITH inserted AS (
    INSERT INTO requests (source, external_id, channel_code, category_code, topic_code, department_code, zone_id,
                          location, status, stage, created_at, sla_state)
    SELECT 'geo-test', gen_random_uuid()::text, i.channel, i.category, i.topic, t.department_code,
           (SELECT p.zone_id FROM zone_parts p WHERE ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(i.lon, i.lat), 4326))
            ORDER BY p.area_km2 LIMIT 1),
           ST_SetSRID(ST_MakePoint(i.lon, i.lat), 4326), i.status, i.status, i.at, i.sla
    FROM unnest($1::float8[], $2::float8[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         WITH ORDINALITY AS i(lon, lat, at, channel, category, topic, status, sla, ord)
    JOIN topics t ON t.code = i.topic
    ORDER BY i.ord
    RETURNING id),
    marks AS (INSERT INTO rollup_pending (request_id) SELECT id FROM inserted)
    SELECT id FROM inserted ORDER BY id`,
    [
      col('lon', 0),
      col('lat', 0),
      col('at', ''),
      col('channel', 'whatsapp'),
      col('category', 'complaint'),
      col('topic', 'waste.overflowing_bin'),
      col('status', 'received'),
      col('sla', 'in_progress'),
    ]
  );
  return rows.map((r) => Number(r.id));
}

// Downtown Dubai (inside a community whichever fixture is loaded: the grid covers 55.1–55.3, 25.1–25.3).
const CENTRE = { lon: 55.2745, lat: 25.1971 }; // the 30 planted points stay inside one zoom-16 tile
const FAR = { lon: 55.14, lat: 25.11 };
const RANGE = { from: '2026-06-01T00:00:00Z', to: '2026-06-20T00:00:00Z' };
const rangeQs = `from=${encodeURIComponent(RANGE.from)}&to=${encodeURIComponent(RANGE.to)}`;
const near = (i: number) => ({ lon: CENTRE.lon + (i % 6) * 0.0002, lat: CENTRE.lat + Math.floor(i / 6) * 0.0002 });
let inRangeIds: number[] = [];

async function plantRequests() {
  // 30 in range around the centre: 20 by WhatsApp, 10 by website; one day apart in time.
  inRangeIds = await insert(
    agg.db.pool,
    Array.from({ length: 30 }, (_, i) => ({
      ...near(i),
      at: new Date(Date.parse('2026-06-02T08:00:00Z') + i * 3_600_000 * 12).toISOString(),
      channel: i < 20 ? 'whatsapp' : 'website',
      status: i % 3 === 0 ? 'closed' : 'received',
      sla: i % 5 === 0 ? 'breached' : 'in_progress',
    }))
  );
  // 5 at the centre before the range, 2 far away in range, 3 at the centre yesterday (only these are in the
  // default window, the last 30 days, on any clock after July 2026).
  await insert(
    agg.db.pool,
    Array.from({ length: 5 }, (_, i) => ({ ...near(i), at: '2026-04-01T10:00:00Z' }))
  );
  await insert(agg.db.pool, [
    { ...FAR, at: '2026-06-10T10:00:00Z' },
    { ...FAR, at: '2026-06-11T10:00:00Z', channel: 'website' },
  ]);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  await insert(
    agg.db.pool,
    Array.from({ length: 3 }, (_, i) => ({ ...near(i), at: yesterday, channel: 'call_centre' }))
  );
}

// Helpers --------------------------------------------------------------------------------------------
type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET that keeps the bytes as sent (fetch would undo gzip). */
function rawGet(
  path: string,
  headers: Record<string, string> = {},
  token: string | null = agg.tokens.read
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      agg.url + path,
      { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
        );
      }
    );
    req.on('error', reject);
    req.end();
  });
}

const tilePath = (t: { z: number; x: number; y: number }, qs = rangeQs) =>
  `/v1/tiles/requests/${t.z}/${t.x}/${t.y}.mvt?${qs}`;

async function getTile(t: { z: number; x: number; y: number }, qs = rangeQs) {
  const res = await rawGet(tilePath(t, qs));
  const tile = res.status === 200 ? new VectorTile(new Pbf(res.body)) : null;
  return { res, tile };
}

function features(tile: VectorTile | null, layer: string) {
  const l = tile?.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

const coordinateCount = (geometry: { coordinates: unknown }): number => {
  const walk = (c: unknown): number =>
    Array.isArray(c) && typeof c[0] === 'number'
      ? 1
      : Array.isArray(c)
        ? c.reduce((n: number, x) => n + walk(x), 0)
        : 0;
  return walk(geometry.coordinates);
};

// Zones GeoJSON --------------------------------------------------------------------------------------
describe('GET /v1/zones.geojson', () => {
  test('every zone is a feature with codes, names in both languages and the name in the asked one', async () => {
    const en = await agg.call('GET', '/v1/zones.geojson?zoom=12&language=en', undefined, agg.tokens.read);
    assert.equal(en.status, 200, en.text);
    assert.equal(en.body.type, 'FeatureCollection');
    assert.equal(en.body.features.length, zoneCount);
    const f = en.body.features[0];
    for (const key of [
      'code',
      'name_en',
      'name_ar',
      'name',
      'kind',
      'parent_code',
      'population',
      'population_year',
      'population_synthetic',
      'area_km2',
    ]) {
      assert.ok(key in f.properties, `missing ${key}`);
    }
    assert.equal(f.properties.name, f.properties.name_en);
    assert.match(f.geometry.type, /Polygon/);
    const ar = await agg.call('GET', '/v1/zones.geojson?zoom=12&language=ar', undefined, agg.tokens.read);
    assert.equal(ar.body.features[0].properties.name, ar.body.features[0].properties.name_ar);
    assert.match(ar.body.features[0].properties.name, /[\u0600-\u06FF]/);
  });

  test('kind filters the zones', async () => {
    const community = await agg.call('GET', '/v1/zones.geojson?zoom=10&kind=community', undefined, agg.tokens.read);
    assert.equal(community.body.features.length, zoneCount);
    const sites = await agg.call('GET', '/v1/zones.geojson?zoom=10&kind=public_site', undefined, agg.tokens.read);
    assert.equal(sites.status, 200);
    assert.deepEqual(sites.body.features, []);
  });

  test('low zooms are simplified: fewer vertices than full detail, every zone kept', async () => {
    const stored = (await agg.db.pool.query('SELECT sum(ST_NPoints(geom))::int AS n FROM zones')).rows[0].n;
    const counts: Record<number, number> = {};
    for (const zoom of [8, 12, 16]) {
      const res = await agg.call('GET', `/v1/zones.geojson?zoom=${zoom}`, undefined, agg.tokens.read);
      assert.equal(res.body.features.length, zoneCount);
      counts[zoom] = res.body.features.reduce(
        (n: number, f: { geometry: { coordinates: unknown } }) => n + coordinateCount(f.geometry),
        0
      );
    }
    assert.equal(counts[16], stored, 'full detail is the stored geometry');
    if (hasDubai()) {
      assert.ok(counts[8] < counts[12] && counts[12] < counts[16], JSON.stringify(counts));
      assert.ok(counts[8] < stored / 4, `zoom 8 keeps ${counts[8]} of ${stored} vertices`);
    }
  });

  test('coordinates are rounded to the zoom (fewer decimals at low zoom)', async () => {
    const res = await agg.call('GET', '/v1/zones.geojson?zoom=8', undefined, agg.tokens.read);
    const decimals = (res.text.match(/\d\.(\d+)/g) ?? []).map((s) => s.split('.')[1].length);
    assert.ok(Math.max(...decimals) <= 4, `max decimals ${Math.max(...decimals)}`);
  });

  test('a strong ETag; If-None-Match answers 304 without a body; a zone change gives a new ETag', async () => {
    const first = await rawGet('/v1/zones.geojson?zoom=11');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[^"]+"$/, 'strong (no W/)');
    const again = await rawGet('/v1/zones.geojson?zoom=11', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const code = JSON.parse(first.body.toString()).features[0].properties.code;
    await agg.db.pool.query(`UPDATE zones SET name_en = name_en || ' (renamed)', updated_at = now() WHERE code = $1`, [
      code,
    ]);
    const changed = await rawGet('/v1/zones.geojson?zoom=11', { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.match(
      JSON.parse(changed.body.toString()).features.find(
        (f: { properties: { code: string } }) => f.properties.code === code
      ).properties.name_en,
      /\(renamed\)$/
    );
  });

  test('gzip when accepted, identity otherwise, same document', async () => {
    const zipped = await rawGet('/v1/zones.geojson?zoom=9', { 'accept-encoding': 'gzip, deflate' });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.match(String(zipped.headers.vary), /Accept-Encoding/i);
    const plain = await rawGet('/v1/zones.geojson?zoom=9');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(gunzipSync(zipped.body), plain.body);
    assert.ok(zipped.body.length < plain.body.length / 2, `${zipped.body.length} vs ${plain.body.length}`);
    const notModified = await rawGet('/v1/zones.geojson?zoom=9', {
      'accept-encoding': 'gzip',
      'if-none-match': String(zipped.headers.etag),
    });
    assert.equal(notModified.status, 304);
  });

  test('needs a read token; bad zoom, kind, language or unknown parameters are 400', async () => {
    assert.equal((await agg.call('GET', '/v1/zones.geojson', undefined, null)).status, 401);
    assert.equal((await agg.call('GET', '/v1/zones.geojson', undefined, agg.tokens.ingest)).status, 403);
    for (const qs of ['zoom=23', 'zoom=-1', 'zoom=ten', 'kind=park', 'language=fr', 'zooom=3']) {
      const res = await agg.call('GET', `/v1/zones.geojson?${qs}`, undefined, agg.tokens.read);
      assert.equal(res.status, 400, qs);
      assert.ok(res.body.details[0].path.startsWith('query.'), JSON.stringify(res.body));
    }
  });
});

// Zone statistics ------------------------------------------------------------------------------------
describe('GET /v1/zones/stats', () => {
  const byZone = (rows: Array<{ zone_code: string; value: number | null; population: number | null }>) =>
    new Map(rows.map((r) => [r.zone_code, r]));

  test('received per zone equals the raw count, every zone listed', async () => {
    const res = await agg.call('GET', `/v1/zones/stats?metric=received&${rangeQs}`, undefined, agg.tokens.read);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.rows.length, zoneCount);
    const { rows } = await agg.db.pool.query(
      `SELECT z.code, count(*)::int AS n FROM requests r JOIN zones z ON z.id = r.zone_id
      WHERE r.created_at >= $1 AND r.created_at < $2 GROUP BY z.code`,
      [RANGE.from, RANGE.to]
    );
    const stats = byZone(res.body.rows);
    for (const r of rows) {
      assert.equal(stats.get(r.code)!.value, r.n, r.code);
    }
    const zoned = (
      await agg.db.pool.query(
        'SELECT count(*)::int AS n FROM requests WHERE zone_id IS NOT NULL AND created_at >= $1 AND created_at < $2',
        [RANGE.from, RANGE.to]
      )
    ).rows[0].n;
    assert.equal(zoned, 32, 'every planted request lies in a zone');
    assert.equal(
      res.body.rows.reduce((n: number, r: { value: number }) => n + r.value, 0),
      32
    );
  });

  test('filters narrow the counts; per 10k is null without population and exact with it', async () => {
    const web = await agg.call(
      'GET',
      `/v1/zones/stats?metric=received&channel=website&${rangeQs}`,
      undefined,
      agg.tokens.read
    );
    assert.equal(
      web.body.rows.reduce((n: number, r: { value: number }) => n + r.value, 0),
      11
    );
    const centreZone = (
      await agg.db.pool.query('SELECT z.code FROM requests r JOIN zones z ON z.id = r.zone_id WHERE r.id = $1', [
        inRangeIds[0],
      ])
    ).rows[0].code;
    let res = await agg.call(
      'GET',
      `/v1/zones/stats?metric=received_per_10k&zone=${centreZone}&${rangeQs}`,
      undefined,
      agg.tokens.read
    );
    assert.deepEqual(res.body.rows, [{ zone_code: centreZone, value: null, population: null }]);
    await agg.db.pool.query('UPDATE zones SET population = 20000, updated_at = now() WHERE code = $1', [centreZone]);
    res = await agg.call(
      'GET',
      `/v1/zones/stats?metric=received_per_10k&zone=${centreZone}&${rangeQs}`,
      undefined,
      agg.tokens.read
    );
    assert.deepEqual(res.body.rows, [{ zone_code: centreZone, value: 15, population: 20000 }]);
  });

  test('open counts requests open at `to`; breaches counts breached SLAs received in the range', async () => {
    const sum = (rows: Array<{ value: number }>) => rows.reduce((n, r) => n + r.value, 0);
    const open = await agg.call('GET', `/v1/zones/stats?metric=open&${rangeQs}`, undefined, agg.tokens.read);
    const expected = (
      await agg.db.pool.query(
        `SELECT count(*)::int AS n FROM requests WHERE zone_id IS NOT NULL AND created_at < $1
      AND least(resolved_at, closed_at, cancelled_at) IS NULL`,
        [RANGE.to]
      )
    ).rows[0].n;
    assert.equal(sum(open.body.rows), expected);
    const breaches = await agg.call('GET', `/v1/zones/stats?metric=breaches&${rangeQs}`, undefined, agg.tokens.read);
    assert.equal(sum(breaches.body.rows), 6);
  });
});

// Vector tiles ---------------------------------------------------------------------------------------
describe('GET /v1/tiles/requests/{z}/{x}/{y}.mvt', () => {
  const z16 = tileOf(CENTRE.lon, CENTRE.lat, 16);

  test('a point tile: layer "requests", the planted requests with their properties, in place', async () => {
    const { res, tile } = await getTile(z16, `channel=whatsapp&${rangeQs}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.mapbox-vector-tile');
    assert.match(String(res.headers['cache-control']), /max-age=\d+/);
    const fs = features(tile, 'requests');
    assert.equal(fs.length, 20);
    assert.equal(tile!.layers.bins, undefined);
    const p = fs[0].properties;
    assert.deepEqual(Object.keys(p).sort(), ['category', 'channel', 'id', 'sla_state', 'stage', 'status', 'topic']);
    assert.equal(p.channel, 'whatsapp');
    assert.equal(p.topic, 'waste.overflowing_bin');
    assert.equal(fs[0].id, p.id, 'the feature id is the request id');
    const ids = new Set(fs.map((f) => Number(f.properties.id)));
    for (const id of inRangeIds.slice(0, 20)) {
      assert.ok(ids.has(id), `request ${id} missing`);
    }
    // Geometry: each feature decodes back to its stored point (within a pixel of a 4096 tile).
    const stored = new Map(
      (
        await agg.db.pool.query(
          'SELECT id, ST_X(location) AS lon, ST_Y(location) AS lat FROM requests WHERE id = ANY($1)',
          [[...ids]]
        )
      ).rows.map((r) => [Number(r.id), r])
    );
    for (const f of fs) {
      const [lon, lat] = (f.toGeoJSON(z16.x, z16.y, z16.z).geometry as { coordinates: number[] }).coordinates;
      const s = stored.get(Number(f.properties.id));
      assert.ok(Math.abs(lon - s.lon) < 1e-5 && Math.abs(lat - s.lat) < 1e-5, `${lon},${lat} vs ${s.lon},${s.lat}`);
    }
  });

  test("a point's stage: the request's stage code, as stored", async () => {
    const { tile } = await getTile(z16, `channel=whatsapp&${rangeQs}`);
    const fs = features(tile, 'requests');
    const stored = new Map(
      (
        await agg.db.pool.query('SELECT id, stage FROM requests WHERE id = ANY($1)', [
          fs.map((f) => Number(f.properties.id)),
        ])
      ).rows.map((r) => [Number(r.id), r.stage])
    );
    assert.deepEqual(
      new Set(fs.map((f) => f.properties.stage)),
      new Set(['received', 'closed']),
      'both planted stages are in the tile'
    );
    for (const f of fs) {
      assert.equal(f.properties.stage, stored.get(Number(f.properties.id)));
    }
  });

  test('point tiles list their requests newest first (the draw order, so renders are repeatable)', async () => {
    const { tile } = await getTile(z16);
    const ids = features(tile, 'requests').map((f) => Number(f.properties.id));
    assert.deepEqual(ids, [...inRangeIds.slice(-25)].reverse());
  });

  test('at most maxTileFeatures features, the newest kept, and the cap is announced', async () => {
    const { res, tile } = await getTile(z16);
    const fs = features(tile, 'requests');
    assert.equal(fs.length, 25);
    assert.equal(res.headers['x-tile-capped'], '25');
    const newest = new Set(inRangeIds.slice(-25));
    for (const f of fs) {
      assert.ok(newest.has(Number(f.properties.id)), `${f.properties.id} is not among the newest 25`);
    }
    const under = await getTile(z16, `channel=website&${rangeQs}`);
    assert.equal(features(under.tile, 'requests').length, 10);
    assert.equal(under.res.headers['x-tile-capped'], undefined);
  });

  test('low zooms are binned: layer "bins" whose counts add up to the requests in range', async () => {
    for (const z of [8, 10, 13]) {
      const tiles = new Map<string, { z: number; x: number; y: number }>();
      for (const p of [CENTRE, FAR]) {
        const t = tileOf(p.lon, p.lat, z);
        tiles.set(`${t.x}/${t.y}`, t);
      }
      let total = 0;
      for (const t of tiles.values()) {
        const { res, tile } = await getTile(t);
        assert.equal(res.status, 200);
        assert.equal(tile!.layers.requests, undefined);
        const bins = features(tile, 'bins');
        assert.ok(bins.length > 0 && bins.length < 32, `zoom ${z}: ${bins.length} bins`);
        total += bins.reduce((n, f) => n + Number(f.properties.count), 0);
      }
      assert.equal(total, 32, `zoom ${z}`);
    }
    const web = await getTile(tileOf(CENTRE.lon, CENTRE.lat, 8), `channel=website&${rangeQs}`);
    assert.equal(
      features(web.tile, 'bins').reduce((n, f) => n + Number(f.properties.count), 0),
      11
    );
  });

  test('without from/to the tile shows the last 30 days', async () => {
    const { tile } = await getTile(z16, '');
    const fs = features(tile, 'requests');
    assert.equal(fs.length, 3);
    assert.ok(fs.every((f) => f.properties.channel === 'call_centre'));
  });

  test('filters and the time range are respected', async () => {
    const april = await getTile(z16, 'from=2026-03-01T00:00:00Z&to=2026-05-01T00:00:00Z');
    assert.equal(features(april.tile, 'requests').length, 5);
    const closed = await getTile(z16, `status_class=closed&${rangeQs}`);
    assert.equal(features(closed.tile, 'requests').length, 10);
    assert.ok(features(closed.tile, 'requests').every((f) => f.properties.status === 'closed'));
    const two = await getTile(z16, `channel=website,call_centre&status_class=open&${rangeQs}`);
    assert.equal(features(two.tile, 'requests').length, 7);
    const all = await getTile(z16, `channel=all&topic=$__all&${rangeQs}`);
    assert.equal(features(all.tile, 'requests').length, 25);
  });

  test('204 for an empty tile', async () => {
    const empty = await getTile(
      tileOf(CENTRE.lon, CENTRE.lat, 16),
      'from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z'
    );
    assert.equal(empty.res.status, 204);
    assert.equal(empty.res.body.length, 0);
    const ocean = await getTile({ z: 14, x: 0, y: 0 });
    assert.equal(ocean.res.status, 204);
    const emptyBins = await getTile({ z: 6, x: 0, y: 0 });
    assert.equal(emptyBins.res.status, 204);
  });

  test('400 on bad z/x/y', async () => {
    for (const path of [
      '23/0/0.mvt',
      '1/2/0.mvt',
      '1/0/2.mvt',
      '-1/0/0.mvt',
      'a/0/0.mvt',
      '1/0/0',
      '1/0.5/0.mvt',
      '1/0/0.png',
    ]) {
      const res = await agg.call('GET', `/v1/tiles/requests/${path}`, undefined, agg.tokens.read);
      assert.equal(res.status, 400, path);
      assert.ok(
        res.body.details.some((d: { path: string }) => d.path.startsWith('path.')),
        `${path}: ${res.text}`
      );
    }
  });

  test('400 on bad filters and time ranges, naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['channel=fax', 'query.channel'],
      ['status_class=pending', 'query.status_class'],
      ['zone=NOPE', 'query.zone'],
      ['topic=waste', 'query.topic'],
      ['priority=asap', 'query.priority'],
      ['from=yesterday', 'query.from'],
      ['from=2026-11-29T00:00:00Z&to=2026-11-01T00:00:00Z', 'query.from'],
      ['colour=red', 'query.colour'],
    ];
    for (const [qs, path] of cases) {
      const res = await agg.call('GET', tilePath(z16, qs), undefined, agg.tokens.read);
      assert.equal(res.status, 400, qs);
      assert.ok(
        res.body.details.some((d: { path: string }) => d.path === path),
        `${qs}: ${res.text}`
      );
    }
  });

  test('needs a read token', async () => {
    assert.equal((await rawGet(tilePath(z16), {}, null)).status, 401);
    assert.equal((await rawGet(tilePath(z16), {}, agg.tokens.ingest)).status, 403);
  });
});

// SQL injection ---------------------------------------------------------------------------------------
describe('SQL-injection strings in every parameter', () => {
  const attacks = [
    `'; DROP TABLE requests; --`,
    `1 OR 1=1`,
    `whatsapp' OR '1'='1`,
    `$1`,
    `") UNION SELECT * FROM api_tokens --`,
    `%27%3B`,
    `1;SELECT pg_sleep(5)`,
  ];
  const routes: Array<[string, string[]]> = [
    ['/v1/zones.geojson', ['zoom', 'language', 'kind']],
    [
      '/v1/zones/stats',
      [
        'from',
        'to',
        'metric',
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
      '/v1/tiles/requests/10/669/437.mvt',
      ['from', 'to', 'zone', 'channel', 'category', 'topic', 'department', 'advisor', 'status_class', 'priority'],
    ],
  ];

  test('every query parameter: only 4xx, and the tables are intact', async () => {
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
          assert.equal(typeof res.body.error, 'string');
          assert.doesNotMatch(res.body.error, /syntax|sql|postgres|relation|stack/i);
        }
      }
    }
    for (const attack of attacks) {
      const seg = encodeURIComponent(attack);
      for (const path of [
        `/v1/tiles/requests/${seg}/0/0.mvt`,
        `/v1/tiles/requests/1/${seg}/0.mvt`,
        `/v1/tiles/requests/1/0/${seg}.mvt`,
      ]) {
        const res = await agg.call('GET', path, undefined, agg.tokens.read);
        assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status}`);
      }
    }
    assert.equal((await agg.db.pool.query('SELECT count(*)::int AS n FROM requests')).rows[0].n, 40);
  });
});
