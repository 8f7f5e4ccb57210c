import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { frame } from '../test-support/grafana.ts';
import { hasZoneGeometry, skippedWarning, zonesFromFrame, zonesFromGeoJSON } from './zones.ts';

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 25],
      [x + 0.1, 25],
      [x + 0.1, 25.1],
      [x, 25.1],
      [x, 25],
    ],
  ],
});
const feature = (code: string, geometry: unknown, extra = {}) => ({
  type: 'Feature',
  properties: { code, name_en: `Zone ${code}`, name_ar: `منطقة ${code}`, population: 1200, area_km2: 3.5, ...extra },
  geometry,
});

describe('zonesFromGeoJSON', () => {
  test('reads the aggregator properties', () => {
    const { zones, skipped } = zonesFromGeoJSON({ type: 'FeatureCollection', features: [feature('332', square(55))] });
    assert.deepEqual(skipped, []);
    assert.deepEqual(
      { ...zones[0], geometry: undefined },
      { code: '332', nameEn: 'Zone 332', nameAr: 'منطقة 332', population: 1200, areaKm2: 3.5, geometry: undefined }
    );
  });

  test('skips and lists zones with a broken or missing geometry; the rest are kept', () => {
    const { zones, skipped } = zonesFromGeoJSON({
      type: 'FeatureCollection',
      features: [
        feature('1', square(55)),
        feature('2', null),
        feature('3', { type: 'Polygon', coordinates: [[[55, 'x']]] }),
        feature('4', square(55.2)),
        feature('', square(55.3)),
      ],
    });
    assert.deepEqual(
      zones.map((z) => z.code),
      ['1', '4']
    );
    assert.deepEqual(skipped, [
      { code: '2', reason: 'missing geometry' },
      { code: '3', reason: 'non-numeric coordinate' },
      { code: null, reason: 'zone without a code' },
    ]);
  });

  test('anything but a FeatureCollection is one skipped entry, not a crash', () => {
    assert.equal(zonesFromGeoJSON('nonsense').skipped.length, 1);
  });

  test('a missing population is null, not zero', () => {
    assert.equal(
      zonesFromGeoJSON({ features: [feature('1', square(55), { population: null })] }).zones[0].population,
      null
    );
  });
});

describe('zonesFromFrame', () => {
  test('reads code, GeoJSON text geometry and names from a frame', () => {
    const f = frame([
      { name: 'zone_code', values: ['1', '2', '3'] },
      { name: 'name_ar', values: ['أ', 'ب', 'ج'] },
      { name: 'population', values: [10, null, 30] },
      { name: 'geometry', values: [JSON.stringify(square(55)), '{broken', square(55.2)] },
    ]);
    const { zones, skipped } = zonesFromFrame(f);
    assert.deepEqual(
      zones.map((z) => [z.code, z.nameAr, z.population]),
      [
        ['1', 'أ', 10],
        ['3', 'ج', 30],
      ]
    );
    assert.deepEqual(skipped, [{ code: '2', reason: 'geometry is not valid JSON' }]);
  });

  test('finds a geometry field by its content when it has another name', () => {
    const f = frame([
      { name: 'code', values: ['1'] },
      { name: 'shape', values: [JSON.stringify(square(55))] },
    ]);
    assert.equal(zonesFromFrame(f).zones.length, 1);
  });
});

describe('hasZoneGeometry', () => {
  test('a geometry field by name or by a GeoJSON polygon value; not a plain table', () => {
    assert.equal(
      hasZoneGeometry(
        frame([
          { name: 'zone_code', values: ['1'] },
          { name: 'geometry', values: [null] },
        ])
      ),
      true
    );
    assert.equal(
      hasZoneGeometry(
        frame([
          { name: 'code', values: ['1'] },
          { name: 'shape', values: [square(55)] },
        ])
      ),
      true
    );
    assert.equal(
      hasZoneGeometry(
        frame([
          { name: 'zone_code', values: ['1'] },
          { name: 'received', values: [3] },
        ])
      ),
      false
    );
  });
});

describe('skippedWarning', () => {
  test('counts and names the skipped zones', () => {
    assert.equal(skippedWarning([]), null);
    assert.equal(
      skippedWarning([{ code: '7', reason: 'missing geometry' }]),
      '1 zone skipped (missing or malformed geometry: 7)'
    );
    assert.match(
      skippedWarning(Array.from({ length: 7 }, (_, i) => ({ code: String(i), reason: 'x' })))!,
      /^7 zones skipped .*: 0, 1, 2, 3, 4, …\)$/
    );
  });
});
