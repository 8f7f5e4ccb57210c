import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { generateCity } from './city.ts';
import { Prng } from './prng.ts';
import { PolygonShape, distanceMetres } from './polygons.ts';
import { generateSites, siteTypeOf, sitesCollection } from './sites.ts';

const city = generateCity();
const communities = city.collection.features.map((f) => ({
  code: f.properties.code,
  name_en: f.properties.name_en,
  name_ar: f.properties.name_ar,
  shape: new PolygonShape([f.geometry.coordinates]),
  density: f.properties.density,
  coastal: f.properties.coastal,
}));

test('about 100 parks, beaches and markets, each well inside its community and apart from the others', () => {
  const sites = generateSites(communities, new Prng('sites'), Math.PI / 2);
  assert.equal(sites.length, 100);
  const byCode = new Map(communities.map((c) => [c.code, c]));
  assert.equal(new Set(sites.map((s) => s.code)).size, sites.length, 'codes are unique');
  for (const s of sites) {
    const parent = byCode.get(s.parent)!;
    for (const [x, y] of s.ring) {
      assert.ok(parent.shape.contains(x, y), `${s.code} vertex inside ${s.parent}`);
    }
    assert.ok(parent.shape.distanceToEdge(s.centre) > s.radius, s.code);
    assert.equal(siteTypeOf(s.code), s.type);
    if (s.type === 'beach') {
      assert.ok(parent.coastal, `${s.code} is on the coast`);
    }
  }
  for (const a of sites) {
    for (const b of sites) {
      if (a !== b && a.parent === b.parent) {
        assert.ok(distanceMetres(a.centre, b.centre) > a.radius + b.radius, `${a.code} and ${b.code} apart`);
      }
    }
  }
  const counts = Object.fromEntries(
    ['park', 'beach', 'market'].map((t) => [t, sites.filter((s) => s.type === t).length])
  );
  assert.deepEqual(counts, { park: 55, beach: 20, market: 25 });
  const fc = sitesCollection(sites);
  assert.equal(fc.features[0].properties.parent_code, sites[0].parent);
});

test('the generated city is deterministic and every landmark lies in its community', () => {
  const again = generateCity();
  assert.deepEqual(again, city);
  assert.equal(city.collection.features.length, 224);
  for (const l of city.landmarks) {
    const c = communities.find((x) => x.code === l.code)!;
    assert.ok(c.shape.contains(l.point[0], l.point[1]), l.name);
  }
});
