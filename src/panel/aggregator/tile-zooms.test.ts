import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { DEFAULT_TILE_ZOOMS, tileZoomsOf } from './tile-zooms.ts';

/** A TileJSON document as the aggregator writes it, with the given zooms. */
const tileJson = (maxzoom: unknown, requestsMinzoom: unknown) => ({
  tilejson: '3.0.0',
  tiles: ['requests/{z}/{x}/{y}.mvt'],
  minzoom: 0,
  maxzoom,
  vector_layers: [
    { id: 'bins', minzoom: 0, maxzoom },
    { id: 'requests', minzoom: requestsMinzoom, maxzoom },
  ],
});

describe("the request tiles' zooms from the aggregator's TileJSON", () => {
  test('the served zooms: the most detailed tile and the first point zoom (the layer requests)', () => {
    assert.deepEqual(tileZoomsOf(tileJson(15, 12)), { maxZoom: 15, pointMinZoom: 12 });
    assert.deepEqual(tileZoomsOf(tileJson(18, 15)), { maxZoom: 18, pointMinZoom: 15 });
  });

  test('no document (still loading, or a failed fetch) or not an object: the defaults', () => {
    for (const doc of [undefined, null, 'not json', 42, []]) {
      assert.deepEqual(tileZoomsOf(doc), DEFAULT_TILE_ZOOMS);
    }
  });

  test('each zoom that is missing or no tile zoom falls back alone', () => {
    assert.deepEqual(tileZoomsOf(tileJson(undefined, 12)), { maxZoom: DEFAULT_TILE_ZOOMS.maxZoom, pointMinZoom: 12 });
    assert.deepEqual(tileZoomsOf(tileJson(15, '12')), { maxZoom: 15, pointMinZoom: DEFAULT_TILE_ZOOMS.pointMinZoom });
    assert.deepEqual(tileZoomsOf(tileJson(14.5, -1)), DEFAULT_TILE_ZOOMS);
    assert.deepEqual(tileZoomsOf(tileJson(31, 12)).maxZoom, DEFAULT_TILE_ZOOMS.maxZoom);
    assert.deepEqual(tileZoomsOf({ maxzoom: 15, vector_layers: [{ id: 'bins', minzoom: 3 }] }), {
      maxZoom: 15,
      pointMinZoom: DEFAULT_TILE_ZOOMS.pointMinZoom,
    });
  });
});
