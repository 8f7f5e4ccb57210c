import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabase, type TestDatabase } from '../support/db.ts';
import { communitiesFixture, type CommunitiesFixture } from '../support/fixtures.ts';
import { importZones, ZoneImportError, type ZoneImportReport } from '../../backend/zones/import-zones.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
let db: TestDatabase;
let fixture: CommunitiesFixture;
let first: ZoneImportReport;
const options = (over: Record<string, unknown> = {}) => ({
  ...fixture.options,
  kind: 'community' as const,
  subdivideVertices: 64,
  ...over,
});

beforeAll(async () => {
  fixture = await communitiesFixture();
  if (!fixture.file) {
    console.log(`# note: Dubai communities absent; testing ${fixture.label}`);
  }
  db = await freshDatabase();
  first = await importZones(db.pool, fixture.collection, options());
});
afterAll(async () => {
  await db?.drop();
});

/** The zone a point falls in, by the same lookup ingestion uses (smallest containing zone). */
async function zoneAt(lon: number, lat: number): Promise<string | null> {
  const { rows } = await db.pool.query(
    `SELECT z.code FROM zone_parts p JOIN zones z ON z.id = p.zone_id
    WHERE ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) ORDER BY p.area_km2, p.zone_id LIMIT 1`,
    [lon, lat]
  );
  return rows[0]?.code ?? null;
}

describe(`importing the communities`, () => {
  test('gives one valid multipolygon zone per feature, nothing skipped', async () => {
    const n = fixture.expected.length;
    if (fixture.file) {
      assert.equal(n, 222);
    }
    assert.equal(first.inserted, n);
    assert.equal(first.updated, 0);
    assert.deepEqual(first.skipped, []);
    assert.equal(first.repaired.length, fixture.invalidInSource, JSON.stringify(first.repaired));
    const {
      rows: [r],
    } = await db.pool.query(`SELECT count(*)::int AS zones,
        count(*) FILTER (WHERE ST_IsValid(geom) AND GeometryType(geom) = 'MULTIPOLYGON' AND ST_SRID(geom) = 4326)::int AS valid,
        count(*) FILTER (WHERE ST_IsValid(geom_3857) AND ST_SRID(geom_3857) = 3857)::int AS valid_3857,
        count(*) FILTER (WHERE kind = 'community' AND area_km2 > 0)::int AS communities,
        (SELECT count(DISTINCT zone_id)::int FROM zone_parts) AS with_parts
      FROM zones`);
    assert.deepEqual(r, { zones: n, valid: n, valid_3857: n, communities: n, with_parts: n });
  });

  test('keeps the English and Arabic names intact', async () => {
    const { rows } = await db.pool.query('SELECT code, name_en, name_ar FROM zones ORDER BY code');
    const got = new Map(rows.map((z) => [z.code, z]));
    for (const want of fixture.expected) {
      const z = got.get(want.code);
      assert.ok(z, `zone ${want.code} is missing`);
      assert.equal(z.name_en, want.name_en, `English name of ${want.code}`);
      assert.equal(z.name_ar, want.name_ar, `Arabic name of ${want.code}`);
      assert.match(z.name_ar, /^[\u0600-\u06FF\s\d']+$/, `Arabic name of ${want.code} is Arabic script`);
    }
    assert.equal(got.size, fixture.expected.length);
  });

  test('an interior point of every source polygon lands in its own community', async () => {
    const codes = fixture.collection.features.map((f) => String(f.properties[fixture.options.codeProperty]));
    const geoms = fixture.collection.features.map((f) => JSON.stringify(f.geometry));
    const { rows } = await db.pool.query(
      `
      WITH src AS (SELECT code, ST_PointOnSurface(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(gj), 4326))) AS pt
                   FROM unnest($1::text[], $2::text[]) AS t(code, gj))
      SELECT src.code, hit.code AS landed
      FROM src LEFT JOIN LATERAL (
        SELECT z.code FROM zone_parts p JOIN zones z ON z.id = p.zone_id
        WHERE ST_Intersects(p.geom, src.pt) ORDER BY p.area_km2, p.zone_id LIMIT 1) hit ON true`,
      [codes, geoms]
    );
    const wrong = rows.filter((r) => r.code !== r.landed);
    assert.equal(rows.length, codes.length);
    assert.deepEqual(wrong, []);
  });

  test('well-known places land in the right community', async () => {
    assert.ok(fixture.places.length >= 4);
    for (const place of fixture.places) {
      assert.equal(await zoneAt(place.lon, place.lat), place.code, place.name);
    }
  });

  test('a point out at sea is in no zone', async () => {
    assert.equal(await zoneAt(54.3, 26.0), null);
  });
});

describe('re-importing', () => {
  test('updates the zones in place: same ids, no duplicates, changes applied', async () => {
    const before = (await db.pool.query('SELECT code, id FROM zones ORDER BY code')).rows;
    const changed = structuredClone(fixture.collection);
    const target = changed.features[0].properties;
    target[fixture.options.nameEnProperty] = 'RENAMED FOR THE TEST';
    const again = await importZones(db.pool, changed, options());
    assert.equal(again.inserted, 0);
    assert.equal(again.updated, fixture.expected.length);
    assert.deepEqual(again.skipped, []);
    assert.deepEqual((await db.pool.query('SELECT code, id FROM zones ORDER BY code')).rows, before);
    const { rows } = await db.pool.query('SELECT name_en FROM zones WHERE code = $1', [
      String(target[fixture.options.codeProperty]),
    ]);
    assert.equal(rows[0].name_en, 'RENAMED FOR THE TEST');
    const parts = await db.pool.query(
      'SELECT count(*)::int AS n, count(DISTINCT zone_id)::int AS zones FROM zone_parts'
    );
    assert.equal(parts.rows[0].zones, fixture.expected.length, 'parts rebuilt once per zone');
    // put the name back for the other tests
    await importZones(db.pool, fixture.collection, options());
  });
});

describe('a collection with bad features', () => {
  const square = (x: number, y: number, d = 0.001) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });
  const feature = (props: Record<string, unknown>, geometry: unknown) => ({
    type: 'Feature',
    properties: props,
    geometry,
  });
  const names = (code?: string) => ({
    ...(code === undefined ? {} : { code }),
    name_en: 'Test zone',
    name_ar: 'منطقة اختبار',
  });
  const bad = {
    type: 'FeatureCollection',
    features: [
      feature(names(), square(54.0, 24.0)), // 0 no code
      feature(names('BAD-LINE'), {
        type: 'LineString',
        coordinates: [
          [54, 24],
          [54.01, 24.01],
        ],
      }), // 1 not a polygon
      feature(names('BAD-BOWTIE'), {
        type: 'Polygon',
        coordinates: [
          [
            [54.1, 24.0],
            [54.11, 24.01],
            [54.11, 24.0],
            [54.1, 24.01],
            [54.1, 24.0],
          ],
        ],
      }), // 2 repaired
      feature(names('BAD-OK'), square(54.2, 24.0)), // 3 fine
      feature(names('BAD-OK'), square(54.3, 24.0)), // 4 duplicate code
      feature({ code: 'BAD-NOAR', name_en: 'No Arabic' }, square(54.4, 24.0)), // 5 no Arabic name: the English one
      feature(names('BAD-FLAT'), {
        type: 'Polygon',
        coordinates: [
          [
            [54.5, 24],
            [54.51, 24],
            [54.52, 24],
            [54.5, 24],
          ],
        ],
      }), // 6 no area
      feature(names('BAD-JUNK'), { type: 'Polygon', coordinates: 'not coordinates' }), // 7 unreadable
      feature(names('BAD-NOGEOM'), null), // 8 no geometry
    ],
  };
  let report: ZoneImportReport;
  beforeAll(async () => {
    report = await importZones(db.pool, bad, {
      codeProperty: 'code',
      nameEnProperty: 'name_en',
      nameArProperty: 'name_ar',
      kind: 'community',
      subdivideVertices: 64,
    });
  });

  test('reports every skipped feature with its index and reason', () => {
    const why = Object.fromEntries(report.skipped.map((s) => [s.index, s.reason]));
    assert.deepEqual(Object.keys(why).map(Number), [0, 1, 4, 6, 7, 8]);
    assert.match(why[0], /no "code" property/);
    assert.match(why[1], /LineString, not a polygon/);
    assert.match(why[4], /duplicate code "BAD-OK"/);
    assert.match(why[6], /no valid polygon after ST_MakeValid/);
    assert.match(why[7], /could not be read/);
    assert.match(why[8], /no geometry/);
    assert.equal(report.skipped.find((s) => s.index === 1)?.code, 'BAD-LINE');
  });

  test('a feature without an Arabic name takes its English one, and the report says so', async () => {
    assert.deepEqual(report.arabicFromEnglish, [{ index: 5, code: 'BAD-NOAR' }]);
    const { rows } = await db.pool.query("SELECT name_en, name_ar FROM zones WHERE code = 'BAD-NOAR'");
    assert.deepEqual(rows, [{ name_en: 'No Arabic', name_ar: 'No Arabic' }]);
  });

  test('keeps the good and the repairable ones: the bowtie becomes two valid triangles', async () => {
    assert.equal(report.inserted, 3);
    assert.deepEqual(report.repaired, [{ index: 2, code: 'BAD-BOWTIE' }]);
    const { rows } = await db.pool
      .query(`SELECT code, ST_IsValid(geom) AS valid, ST_NumGeometries(geom)::int AS parts, area_km2
      FROM zones WHERE code LIKE 'BAD-%' AND code <> 'BAD-NOAR' ORDER BY code`);
    assert.deepEqual(
      rows.map((r) => [r.code, r.valid, r.parts]),
      [
        ['BAD-BOWTIE', true, 2],
        ['BAD-OK', true, 1],
      ]
    );
    assert.ok(rows[0].area_km2 > 0.1 && rows[0].area_km2 < 1, `bowtie area ${rows[0].area_km2}`);
    assert.equal(await zoneAt(54.2005, 24.0005), 'BAD-OK', 'the first of the duplicates is the one kept');
  });

  test('a file that is not a FeatureCollection is refused whole', async () => {
    const count = async () => (await db.pool.query('SELECT count(*)::int AS n FROM zones')).rows[0].n;
    const before = await count();
    await assert.rejects(
      importZones(db.pool, { type: 'Feature', geometry: square(54, 24) }, options()),
      ZoneImportError
    );
    await assert.rejects(importZones(db.pool, [], options()), ZoneImportError);
    assert.equal(await count(), before);
  });
});

describe('the import-zones command', () => {
  let cliDb: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    cliDb = await freshDatabase();
    dir = mkdtempSync(join(tmpdir(), 's360-zones-'));
  });
  afterAll(async () => {
    await cliDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/services360.js', 'import-zones', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: cliDb.url },
      timeout: 60_000,
    });

  test('imports the file end to end and reports what it did', async () => {
    let file = fixture.file;
    if (!file) {
      file = join(dir, 'city.geojson');
      writeFileSync(file, JSON.stringify(fixture.collection));
    }
    const run = cli(file, ...fixture.cliArgs);
    assert.equal(run.status, 0, run.stderr);
    const n = fixture.expected.length;
    assert.match(
      run.stdout,
      new RegExp(`zones: ${n} inserted, 0 updated, 0 skipped \\(${fixture.invalidInSource} repaired`)
    );
    const { rows } = await cliDb.pool.query(
      'SELECT count(*)::int AS n, count(*) FILTER (WHERE ST_IsValid(geom))::int AS valid FROM zones'
    );
    assert.deepEqual(rows[0], { n, valid: n });
    const again = cli(file, ...fixture.cliArgs);
    assert.match(again.stdout, new RegExp(`zones: 0 inserted, ${n} updated`));
  });

  test('says which zones took their English name for the Arabic one', () => {
    const file = join(dir, 'english-only.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'E1', name_en: 'Ward 1' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [54, 24],
                  [54.01, 24],
                  [54.01, 24.01],
                  [54, 24.01],
                  [54, 24],
                ],
              ],
            },
          },
        ],
      })
    );
    const run = cli(file);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /1 zone\(s\) without an Arabic name \("name_ar"\): the English name stands in/);
    assert.match(run.stdout, /feature #0 \(E1\)/);
  });

  test('lists skipped features, and refuses bad options with a usage message', () => {
    const file = join(dir, 'bad.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'X1', name_en: 'x', name_ar: 'س' },
            geometry: { type: 'Point', coordinates: [54, 24] },
          },
        ],
      })
    );
    const run = cli(file);
    assert.equal(run.status, 3, 'nothing imported: a non-zero exit');
    assert.match(run.stdout, /skipped feature #0 \(X1\): geometry is a Point, not a polygon/);
    assert.match(run.stderr, /no zone imported/);
    const usage = cli(file, '--kind', 'park');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--kind must be community or public_site/);
    const srid = cli(file, '--srid', 'abc');
    assert.equal(srid.status, 2);
    const missing = cli(join(dir, 'nope.geojson'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no such file/);
  });
});
