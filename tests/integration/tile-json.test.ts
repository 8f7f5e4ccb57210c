// The request tiles' TileJSON (GET /v1/tiles/requests.json) against a real aggregator: it states the zooms the
// settings give, the tiles behave as it says, and the panel's reading of it (src/panel/aggregator/tile-zooms.ts)
// follows a change of the settings; with the default settings it reads what the panel falls back to while loading.
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { DEFAULT_TILE_ZOOMS, tileZoomsOf } from '../../src/panel/aggregator/tile-zooms.ts';

const PATH = '/v1/tiles/requests.json';
let plain: TestAggregator;
let tuned: TestAggregator;

beforeAll(async () => {
  plain = await startTestAggregator();
  tuned = await startTestAggregator({ tileBinMaxZoom: 11, tileMaxZoom: 15 });
});
afterAll(async () => {
  await tuned?.stop();
  await plain?.stop();
});

/** The tile layer the aggregator draws at zoom z (the X-Tile-Layer header, sent with an empty tile too). */
async function tileLayerAt(agg: TestAggregator, z: number): Promise<string | null> {
  const res = await agg.call('GET', `/v1/tiles/requests/${z}/0/0.mvt`, undefined, agg.tokens.read);
  assert.ok(res.status === 200 || res.status === 204, `${res.status} ${res.text}`);
  return res.headers.get('x-tile-layer');
}

describe("the request tiles' TileJSON", () => {
  test('with the default settings it states the zooms the panel falls back to while it loads', async () => {
    const res = await plain.call('GET', PATH, undefined, plain.tokens.read);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.tilejson, '3.0.0');
    assert.deepEqual(tileZoomsOf(res.body), DEFAULT_TILE_ZOOMS);
    assert.deepEqual(
      res.body.vector_layers.map((l: { id: string }) => l.id),
      ['requests', 'bins']
    );
  });

  test('changing the settings changes what the panel reads, and the tiles switch from bins to points where it says', async () => {
    const res = await tuned.call('GET', PATH, undefined, tuned.tokens.read);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(tileZoomsOf(res.body), { maxZoom: 15, pointMinZoom: 12 });
    assert.equal(await tileLayerAt(tuned, 11), 'bins');
    assert.equal(await tileLayerAt(tuned, 12), 'requests');
    assert.equal(await tileLayerAt(plain, 13), 'bins');
    assert.equal(await tileLayerAt(plain, 14), 'requests');
  });

  test('its tile template, relative to the document, reaches the tiles', async () => {
    const res = await plain.call('GET', PATH, undefined, plain.tokens.read);
    const template = new URL(res.body.tiles[0], plain.url + PATH);
    assert.equal(template.pathname, '/v1/tiles/requests/%7Bz%7D/%7Bx%7D/%7By%7D.mvt');
    const tile = await plain.call(
      'GET',
      decodeURI(template.pathname).replace('{z}/{x}/{y}', '3/5/3'),
      undefined,
      plain.tokens.read
    );
    assert.ok(tile.status === 200 || tile.status === 204, `${tile.status} ${tile.text}`);
  });

  test('it asks for the read scope and takes no parameters', async () => {
    assert.equal((await plain.call('GET', PATH, undefined, null)).status, 401);
    assert.equal((await plain.call('GET', PATH, undefined, plain.tokens.ingest)).status, 403);
    const res = await plain.call('GET', `${PATH}?zoom=3`, undefined, plain.tokens.read);
    assert.equal(res.status, 400, res.text);
  });
});
