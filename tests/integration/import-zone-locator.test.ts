// The importer's zone locator gives, for every point, exactly the zone the SQL rule gives
// (sql/ingest/zone_at_point.sql, the one the API ingest uses): on the communities (Dubai's when the
// file is there) and on hand-made zones with a hole, nested zones and shared edges; for random points,
// every vertex of every zone part, edge midpoints and points a hair off the vertices.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { communitiesFixture } from '../support/fixtures.ts';
import { sql } from '../../backend/db/sql.ts';
import { inTransaction } from '../../backend/db/transaction.ts';
import { importZones } from '../../backend/zones/import-zones.ts';
import { polygonFromWkb, ZoneLocator } from '../../backend/import/zone-locator.ts';
import { rng } from '../../bench/csv-history.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const square = (x: number, y: number, s: number) => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const feature = (code: string, coordinates: number[][][]) => ({
  type: 'Feature',
  properties: { code, name_en: code, name_ar: code },
  geometry: { type: 'Polygon', coordinates },
});
/** Far from the communities: a zone with a hole, a zone inside the hole, one inside the big one, two sharing an edge. */
const HANDMADE = {
  type: 'FeatureCollection',
  features: [
    feature('T-RING', [square(60, 30, 1), square(60.25, 30.25, 0.5).reverse()]),
    feature('T-IN-HOLE', [square(60.375, 30.375, 0.25)]),
    feature('T-BIG', [square(62, 30, 2)]),
    feature('T-SMALL', [square(62.5, 30.5, 0.1)]),
    feature('T-LEFT', [square(65, 30, 0.5)]),
    feature('T-RIGHT', [
      [
        [65.5, 30],
        [66.1, 30],
        [66.1, 30.5],
        [65.5, 30.5],
        [65.5, 30],
      ],
    ]),
  ],
};

/** The SQL rule's answer for each point (the oracle: no statement timeout, so a loaded machine only makes it slower). */
async function sqlZones(points: Array<[number, number]>): Promise<Array<number | null>> {
  const { rows } = await inTransaction(db.pool, async (client) => {
    await client.query(`SELECT set_config('statement_timeout', '0', true)`);
    return client.query<{ zone_id: number | null }>(
      `SELECT (${sql('ingest/zone_at_point')}) AS zone_id FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS s(lon, lat, i) ORDER BY s.i`,
      [points.map((p) => p[0]), points.map((p) => p[1])]
    );
  });
  return rows.map((r) => r.zone_id);
}

describe('import zone locator', () => {
  test('assigns every point the zone the SQL rule assigns', async () => {
    const fixture = await communitiesFixture();
    await importZones(db.pool, fixture.collection, { ...fixture.options, kind: 'community', subdivideVertices: 64 });
    await importZones(db.pool, HANDMADE, {
      codeProperty: 'code',
      nameEnProperty: 'name_en',
      nameArProperty: 'name_ar',
      kind: 'community',
      subdivideVertices: 64,
    });
    const locator = await ZoneLocator.load(db.pool);

    const points: Array<[number, number]> = [];
    const { rows: parts } = await db.pool.query<{ wkb: Buffer }>(sql('import/zone_parts'));
    for (const { wkb } of parts) {
      for (const ring of polygonFromWkb(wkb)) {
        for (let i = 0; i + 3 < ring.length; i += 2) {
          const [x, y, x2, y2] = [ring[i], ring[i + 1], ring[i + 2], ring[i + 3]];
          points.push(
            [x, y],
            [(x + x2) / 2, (y + y2) / 2],
            [x + 1e-12, y],
            [x, y - 1e-12],
            [x + (x2 - x) / 3, y + (y2 - y) / 3]
          );
        }
      }
    }
    const random = rng(42);
    const boxes: Array<[number, number, number, number]> = [
      [54.7, 24.6, 56.3, 25.4],
      [59.9, 29.9, 66.2, 32.1],
    ];
    for (const [x0, y0, x1, y1] of boxes) {
      for (let i = 0; i < 20_000; i++) {
        points.push([x0 + random() * (x1 - x0), y0 + random() * (y1 - y0)]);
      }
    }
    // Points on the hand-made edges and corners (exactly representable coordinates).
    for (const x of [60, 60.25, 60.375, 60.5, 60.625, 60.75, 61, 62, 62.5, 62.6, 64, 65, 65.5, 66.1]) {
      for (const y of [30, 30.25, 30.375, 30.5, 30.625, 30.75, 31, 32]) {
        points.push([x, y], [x + 0.05, y], [x, y + 0.05]);
      }
    }

    const expected = await sqlZones(points);
    const got = points.map(([x, y]) => locator.locate(x, y));
    const differing = points.flatMap((p, i) =>
      got[i] === expected[i] ? [] : [{ point: p, sql: expected[i], locator: got[i] }]
    );
    assert.deepEqual(differing.slice(0, 10), [], `${differing.length} of ${points.length} points differ`);
    // The checks mean something: many points are in zones, many are not, some are on boundaries.
    const zoned = expected.filter((z) => z !== null).length;
    assert.ok(zoned > points.length / 4 && zoned < points.length, `${zoned} of ${points.length} zoned`);
    const code = async (c: string) =>
      (await db.pool.query<{ id: number }>('SELECT id FROM zones WHERE code = $1', [c])).rows[0].id;
    assert.equal(locator.locate(60.1, 30.1), await code('T-RING'));
    assert.equal(locator.locate(60.3, 30.3), null, 'in the hole');
    assert.equal(locator.locate(60.5, 30.5), await code('T-IN-HOLE'));
    assert.equal(locator.locate(62.55, 30.55), await code('T-SMALL'), 'the smallest containing zone');
    assert.equal(locator.locate(62.7, 30.7), await code('T-BIG'));
    for (const place of fixture.places) {
      assert.equal(locator.locate(place.lon, place.lat), await code(place.code), place.name);
    }
  });

  test('no zones: every point is unzoned', async () => {
    const empty = new ZoneLocator([]);
    assert.equal(empty.locate(55.2, 25.2), null);
  });
});
