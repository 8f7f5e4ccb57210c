import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { aggregatorUrls, cleanQuery } from './urls.ts';

const from = Date.parse('2026-11-01T00:00:00Z'),
  to = Date.parse('2026-11-29T00:00:00Z');

describe('aggregator URLs through the datasource proxy', () => {
  test('zones.geojson for the default datasource', () => {
    assert.equal(
      aggregatorUrls('services360-requests').zones({ zoom: 11.6, language: 'ar' }),
      '/api/datasources/proxy/uid/services360-requests/aggregator/v1/zones.geojson?zoom=12&language=ar'
    );
  });

  test('the catalogue (names of categories, topics...) under a sub path', () => {
    assert.equal(
      aggregatorUrls('ds', '/grafana/').catalog(),
      '/grafana/api/datasources/proxy/uid/ds/aggregator/v1/catalog'
    );
  });

  test('tile template keeps {z}/{x}/{y} and carries the time range and filters', () => {
    const url = aggregatorUrls('ds', '/grafana/').requestTiles({ from, to, query: 'zone=332' });
    assert.equal(
      url,
      '/grafana/api/datasources/proxy/uid/ds/aggregator/v1/tiles/requests/{z}/{x}/{y}.mvt' +
        '?from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-29T00%3A00%3A00.000Z&zone=332'
    );
  });

  test("the request tiles' TileJSON (their zooms) beside the tiles", () => {
    assert.equal(
      aggregatorUrls('ds', '/grafana/').requestTileJson(),
      '/grafana/api/datasources/proxy/uid/ds/aggregator/v1/tiles/requests.json'
    );
  });

  test('hot spots for the time range', () => {
    assert.match(
      aggregatorUrls('ds').hotspots({ from, to, language: 'ar' }),
      /\/v1\/recurrence\/hotspots\.geojson\?from=2026-11-01T00%3A00%3A00\.000Z&to=2026-11-29T00%3A00%3A00\.000Z&language=ar$/
    );
  });

  test("the names of a dimension's values in a language", () => {
    assert.equal(
      aggregatorUrls('ds').values({ dimension: 'stage', language: 'ar' }),
      '/api/datasources/proxy/uid/ds/aggregator/v1/variables/stage?language=ar'
    );
  });

  test('the uid is encoded', () => {
    assert.match(aggregatorUrls('a/b').zones({ zoom: 10, language: 'en' }), /proxy\/uid\/a%2Fb\/aggregator/);
  });
});

describe('cleanQuery', () => {
  test('drops empty, "all" and unreplaced variables; splits multi-values; re-encodes', () => {
    assert.equal(
      cleanQuery('?zone=332&channel=$channel&category=all&topic=&department=waste,roads'),
      'zone=332&department=waste&department=roads'
    );
    assert.equal(cleanQuery('zone=3 3&x=<script>'), 'zone=3+3&x=%3Cscript%3E');
  });
});
