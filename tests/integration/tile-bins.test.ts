// Pre-counted tile bins (migration 0022) against the raw rows: for several zooms, tiles and ranges with
// sub-day edges, the tile from the pre-count is byte for byte the tile counted from the raw rows, before
// and after late changes (new requests, events, a moved request) that the rollup job has not applied yet,
// after applying part of them, and after applying all; and the incrementally kept counts equal a rebuild.
// Point tiles of zoom 13..18 drawn as their zoom-18 cells: the pre-counted cells are byte for byte the cells
// of the raw rows in all those states, and a long-range point tile is drawn as cells exactly when it holds
// more requests than the threshold (points otherwise, the same bytes as the plain point query).
import { test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Pbf } from 'pbf';
import { startTestAggregator, type TestAggregator } from '../support/aggregator.ts';
import { importGrid } from '../support/fixtures.ts';
import { prng } from '../support/random.ts';
import { writeRequests } from '../../backend/ingest/write-requests.ts';
import { recordEvent } from '../../backend/ingest/record-event.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { loadConfig } from '../../backend/config.ts';
import {
  binSource,
  cellTileQuery,
  cellsAbove,
  mayServeCells,
  renderRequestTile,
  tileQuery,
  type TileSettings,
} from '../../backend/geo/request-tiles.ts';
import { NO_FILTERS, type RequestFilters } from '../../backend/geo/request-filters.ts';
import { tileOf, type TileCoords } from '../../backend/geo/tile-coords.ts';

const MIN = 60_000,
  HOUR = 3_600_000,
  DAY = 86_400_000;
const NOW = Date.parse('2026-11-20T10:30:00Z');
const iso = (t: number) => new Date(t).toISOString();
const rnd = prng(20261129);
const settings: TileSettings = loadConfig();
let agg: TestAggregator;
const ids: number[] = [];

// A dense blob (many requests per bin at zoom 13) and a scatter over the city.
const BLOB = { lon: 55.2745, lat: 25.1971 };
function place(): { lon: number; lat: number } {
  return rnd.chance(0.4)
    ? { lon: BLOB.lon + (rnd.next() - 0.5) * 0.02, lat: BLOB.lat + (rnd.next() - 0.5) * 0.02 }
    : { lon: 55.1 + rnd.next() * 0.2, lat: 25.1 + rnd.next() * 0.2 };
}

async function addRequests(n: number, earliest: number, latest: number, tag: string): Promise<number[]> {
  const ref = await agg.server.ctx.reference.get();
  const items = Array.from({ length: n }, (_, i) => {
    const topic = rnd.pick(['waste.overflowing_bin', 'waste.illegal_dumping', 'public_health.pest_control']);
    return {
      source: 'tile-bins',
      external_id: `${tag}-${i}`,
      channel: rnd.pick(['whatsapp', 'website', 'call_centre']),
      category: rnd.pick(['complaint', 'service_request']),
      topic,
      department: ref.topic.get(topic)!.department_code,
      priority: 'normal' as const,
      description: null,
      address: null,
      zone_code: null,
      customer: null,
      ...place(),
      created_at: iso(earliest + rnd.next() * (latest - earliest)),
    };
  });
  const written = await writeRequests(agg.db.pool, items);
  const out = written.map((w) => Number(w.id));
  ids.push(...out);
  return out;
}

beforeAll(async () => {
  agg = await startTestAggregator();
  await importGrid(agg.db.pool);
  await addRequests(1200, NOW - 80 * DAY, NOW - HOUR, 'history');
  await applyPendingRollups(agg.db.pool, 400);
});
afterAll(async () => {
  await agg?.stop();
});

// Ranges: sub-day edges on both sides, whole days in the reporting time zone (Asia/Dubai midnight is
// 20:00Z), whole months, less than a day, a range inside one day, and one reaching past the data.
const RANGES: Array<{ name: string; from: number; to: number }> = [
  { name: 'last 30 days', from: NOW - 30 * DAY, to: NOW + 1 },
  {
    name: 'sub-day edges over months',
    from: Date.parse('2026-09-03T05:17:11.250Z'),
    to: Date.parse('2026-11-19T13:02:00Z'),
  },
  { name: 'whole Dubai days', from: Date.parse('2026-10-04T20:00:00Z'), to: Date.parse('2026-11-07T20:00:00Z') },
  { name: 'whole Dubai months', from: Date.parse('2026-08-31T20:00:00Z'), to: Date.parse('2026-10-31T20:00:00Z') },
  {
    name: 'under a day across midnight',
    from: Date.parse('2026-10-10T09:00:00Z'),
    to: Date.parse('2026-10-11T03:00:00Z'),
  },
  { name: 'inside one day', from: Date.parse('2026-10-20T01:00:00Z'), to: Date.parse('2026-10-20T15:00:00Z') },
  { name: 'a year to beyond now', from: NOW - 365 * DAY, to: NOW + 30 * DAY },
];
const ZOOMS = [4, 8, 10, 12, 13];

/** The tiles to compare at zoom z: the blob's, a few holding planted points, and an empty one. */
function tilesAt(z: number): TileCoords[] {
  const points = [BLOB, { lon: 55.12, lat: 25.28 }, { lon: 55.29, lat: 25.11 }, { lon: 55.2, lat: 25.2 }];
  const tiles = new Map(points.map((p) => tileOf(p.lon, p.lat, z)).map((t) => [`${t.x}/${t.y}`, t]));
  tiles.set('empty', { z, x: 0, y: 0 });
  return [...tiles.values()];
}

type Bins = { tile: Buffer | null; capped: boolean; total: number };
async function bins(
  c: TileCoords,
  from: number,
  to: number,
  source: 'counted' | 'raw',
  s: TileSettings = settings,
  filters: RequestFilters = NO_FILTERS
): Promise<Bins> {
  const t = await renderRequestTile(agg.db.pool, s, c, { from: new Date(from), to: new Date(to) }, filters, source);
  assert.equal(t.layer, 'bins');
  return { tile: t.tile, capped: t.capped, total: binCounts(t.tile).sum };
}

/** The bins layer of a tile: how many features, and the sum of their counts. */
function binCounts(tile: Buffer | null): { features: number; sum: number } {
  const layer = tile ? new VectorTile(new Pbf(tile)).layers.bins : undefined;
  let sum = 0;
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    sum += Number(layer!.feature(i).properties.count);
  }
  return { features: layer?.length ?? 0, sum };
}

/** Runs `check` on each tile of each zoom over each range (it says whether the tile held requests); a third must have. */
async function overTilesAndRanges(
  zooms: readonly number[],
  label: string,
  check: (c: TileCoords, r: (typeof RANGES)[number], where: string) => Promise<boolean>
): Promise<void> {
  let compared = 0,
    nonEmpty = 0;
  for (const z of zooms) {
    for (const c of tilesAt(z)) {
      for (const r of RANGES) {
        compared++;
        if (await check(c, r, `${label}: z${z} ${c.x}/${c.y}, ${r.name}`)) {
          nonEmpty++;
        }
      }
    }
  }
  assert.ok(nonEmpty > compared / 3, `${label}: ${nonEmpty} of ${compared} tiles hold requests`);
}

/** The requests of tile c in [from, to), counted straight from the table by the tile's definition. */
async function rawCount(c: TileCoords, from: number, to: number): Promise<number> {
  const { rows } = await agg.db.pool.query(
    `SELECT count(*)::int AS n FROM requests
    WHERE tile_px(location) >> (32 - $1) = $2 AND tile_py(location) >> (32 - $1) = $3 AND created_at >= $4 AND created_at < $5`,
    [c.z, c.x, c.y, new Date(from), new Date(to)]
  );
  return rows[0].n;
}

/** Every zoom, tile and range: the pre-count's tile is the raw rows' tile, and it holds every request. */
async function assertCountedEqualsRaw(label: string) {
  await overTilesAndRanges(ZOOMS, label, async (c, r, where) => {
    const counted = await bins(c, r.from, r.to, 'counted');
    const raw = await bins(c, r.from, r.to, 'raw');
    assert.deepEqual(counted.tile, raw.tile, `${where}: the tiles differ`);
    assert.equal(counted.capped, raw.capped, where);
    assert.equal(counted.total, await rawCount(c, r.from, r.to), `${where}: counts`);
    return counted.total > 0;
  });
  await assertCellsEqualRaw(label);
}

type Cells = { tile: Buffer | null; capped: boolean; total: number; sum: number; features: number };
/** A point tile's zoom-18 cells (layer bins), from the pre-count or the raw rows. */
async function cells(
  c: TileCoords,
  from: number,
  to: number,
  source: 'counted' | 'raw',
  s: TileSettings = settings
): Promise<Cells> {
  const q = cellTileQuery(s, c, { from: new Date(from), to: new Date(to) }, source);
  const row = (await agg.db.pool.query(q.text, q.values)).rows[0];
  const tile = row.tile && row.tile.length > 0 ? (row.tile as Buffer) : null;
  return { tile, capped: row.capped, total: Number(row.total ?? NaN), ...binCounts(tile) };
}

const CELL_ZOOMS = [13, 14, 15, 16, 18];

/** Zooms 13..18: the pre-counted zoom-18 cells of a point tile are the raw rows' cells, and `total` is exact. */
async function assertCellsEqualRaw(label: string) {
  await overTilesAndRanges(CELL_ZOOMS, `${label}, cells`, async (c, r, where) => {
    const counted = await cells(c, r.from, r.to, 'counted');
    const raw = await cells(c, r.from, r.to, 'raw');
    assert.deepEqual(counted.tile, raw.tile, `${where}: the tiles differ`);
    assert.equal(counted.capped, raw.capped, where);
    const n = await rawCount(c, r.from, r.to);
    assert.equal(counted.total, n, `${where}: total`);
    assert.equal(counted.sum, n, `${where}: counts`);
    assert.ok(counted.features <= 4 ** (18 - c.z), `${where}: ${counted.features} cells`);
    return n > 0;
  });
}

test('without filters, binned tiles come from the pre-count; with a filter, from the raw rows', () => {
  assert.equal(binSource(settings, 13, NO_FILTERS), 'counted');
  assert.equal(binSource(settings, 10, { ...NO_FILTERS, channels: ['whatsapp'] }), 'raw');
  assert.equal(binSource({ ...settings, tileBinGrid: 16 }, 10, NO_FILTERS), 'raw');
});

test('pre-counted bins equal the bins of the raw rows (all applied)', async () => {
  assert.equal((await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n, 0);
  await assertCountedEqualsRaw('applied');
});

test('the cap: the same bins kept and the same capped flag', async () => {
  const few = { ...settings, maxTileFeatures: 5 };
  const c = tileOf(BLOB.lon, BLOB.lat, 12);
  for (const r of RANGES) {
    const counted = await bins(c, r.from, r.to, 'counted', few);
    const raw = await bins(c, r.from, r.to, 'raw', few);
    assert.deepEqual(counted.tile, raw.tile, r.name);
    assert.equal(counted.capped, raw.capped, r.name);
  }
  assert.equal((await bins(c, NOW - 80 * DAY, NOW, 'counted', few)).capped, true);
});

test('late changes not yet applied (new requests, events, a moved request) are counted exactly', async () => {
  // New requests: in the sub-day edges, in whole days and months, and in the last hour.
  await addRequests(80, NOW - 60 * DAY, NOW, 'late');
  await addRequests(20, NOW - 2 * HOUR, NOW, 'latest');
  // Events on old requests (status changes: the bins stay, the marks are there).
  const ref = await agg.server.ctx.reference.get();
  for (const id of ids.slice(0, 30)) {
    await recordEvent(agg.db.pool, ref, String(id), { status: 'assigned', occurred_at: iso(NOW - 30 * MIN) } as never);
  }
  // A corrected request: moved across the city and back in time (as a repair script would, with its mark).
  await agg.db.pool.query(
    `UPDATE requests SET location = ST_SetSRID(ST_MakePoint(55.125, 25.285), 4326),
    created_at = created_at - interval '9 days 5 hours' WHERE id = $1`,
    [ids[40]]
  );
  await agg.db.pool.query(
    'INSERT INTO rollup_pending (request_id) VALUES ($1) ON CONFLICT (request_id) DO UPDATE SET marked_at = now()',
    [ids[40]]
  );
  const pending = (await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n;
  assert.ok(pending >= 120, `${pending} marks pending`);
  await assertCountedEqualsRaw('pending');

  const before = (await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n;
  const run = await applyPendingRollups(agg.db.pool, 45, 1);
  const left = (await agg.db.pool.query('SELECT count(*)::int AS n FROM rollup_pending')).rows[0].n;
  assert.ok(left > 0, `one batch of 45 left none of ${before} marks pending (${JSON.stringify(run)})`);
  await assertCountedEqualsRaw('partly applied');

  await applyPendingRollups(agg.db.pool, 1000);
  await assertCountedEqualsRaw('applied again');
});

test('filtered bins (raw rows) hold exactly the filtered requests', async () => {
  const c = tileOf(BLOB.lon, BLOB.lat, 10);
  const r = RANGES[1];
  const filtered = await bins(c, r.from, r.to, 'raw', settings, { ...NO_FILTERS, channels: ['whatsapp'] });
  const { rows } = await agg.db.pool.query(
    `SELECT count(*)::int AS n FROM requests
    WHERE tile_px(location) >> 22 = $1 AND tile_py(location) >> 22 = $2 AND created_at >= $3 AND created_at < $4 AND channel_code = 'whatsapp'`,
    [c.x, c.y, new Date(r.from), new Date(r.to)]
  );
  assert.ok(rows[0].n > 0);
  assert.equal(filtered.total, rows[0].n);
  // Through the API, the same tile with the filter is the raw rows' tile.
  const res = await fetch(
    `${agg.url}/v1/tiles/requests/${c.z}/${c.x}/${c.y}.mvt?from=${iso(r.from)}&to=${iso(r.to)}&channel=whatsapp`,
    { headers: { authorization: `Bearer ${agg.tokens.read}` } }
  );
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), filtered.tile);
});

test('the counts kept incrementally equal the counts rebuilt from the requests', async () => {
  const snapshot = `SELECT level, tx, ty, span, bucket, i, j, n, sx, sy FROM tile_bin_counts
    WHERE n <> 0 OR sx <> 0 OR sy <> 0 ORDER BY level, tx, ty, span, bucket, i, j`;
  const kept = (await agg.db.pool.query(snapshot)).rows;
  const state = (await agg.db.pool.query('SELECT * FROM tile_bin_state ORDER BY request_id')).rows;
  await agg.db.pool.query('SELECT tile_bins_rebuild()');
  assert.ok(kept.length > 1000);
  assert.deepEqual(kept, (await agg.db.pool.query(snapshot)).rows);
  assert.deepEqual(state, (await agg.db.pool.query('SELECT * FROM tile_bin_state ORDER BY request_id')).rows);
});

test('a long-range point tile holding more requests than the threshold is drawn as its cells; otherwise as points', async () => {
  const few = { ...settings, maxTileFeatures: 40, tileCellsAbove: 3 };
  assert.equal(cellsAbove(few), 3);
  assert.equal(cellsAbove({ ...few, tileCellsAbove: 1000 }), 40, 'never above the cap');
  const long = RANGES.filter((r) => r.to - r.from > 35 * DAY);
  assert.ok(long.length >= 3);
  let asCells = 0,
    asPoints = 0;
  for (const z of [14, 15, 16, 18]) {
    for (const c of tilesAt(z)) {
      for (const r of RANGES) {
        const range = { from: new Date(r.from), to: new Date(r.to) };
        const served = await renderRequestTile(agg.db.pool, few, c, range, NO_FILTERS);
        const n = await rawCount(c, r.from, r.to);
        const where = `z${z} ${c.x}/${c.y}, ${r.name}: ${n} requests`;
        if (long.includes(r) && n > 3) {
          assert.equal(served.cells, true, where);
          assert.equal(served.layer, 'bins', where);
          assert.deepEqual(served.tile, (await cells(c, r.from, r.to, 'raw', few)).tile, where);
          asCells++;
        } else {
          assert.equal(served.cells, false, where);
          assert.equal(served.layer, 'requests', where);
          const q = tileQuery(few, c, range, NO_FILTERS);
          const plain = (await agg.db.pool.query(q.text, q.values)).rows[0];
          assert.deepEqual(served.tile, plain.tile && plain.tile.length > 0 ? plain.tile : null, where);
          assert.equal(served.capped, plain.capped, where);
          asPoints++;
        }
      }
    }
  }
  assert.ok(asCells > 10 && asPoints > 10, `${asCells} tiles as cells, ${asPoints} as points`);

  // A filter, a range of 35 days or less, or a zoom past the finest cells: points, however many requests.
  const c = tileOf(BLOB.lon, BLOB.lat, 14);
  const year = { from: new Date(NOW - 365 * DAY), to: new Date(NOW + 1) };
  assert.equal(mayServeCells(few, c, year, NO_FILTERS), true);
  assert.equal(mayServeCells(few, c, year, { ...NO_FILTERS, channels: ['whatsapp'] }), false);
  assert.equal(mayServeCells(few, c, { from: new Date(NOW - 35 * DAY), to: new Date(NOW) }, NO_FILTERS), false);
  assert.equal(mayServeCells(few, tileOf(BLOB.lon, BLOB.lat, 19), year, NO_FILTERS), false);
  assert.equal(mayServeCells(few, tileOf(BLOB.lon, BLOB.lat, 13), year, NO_FILTERS), false, 'zoom 13 is binned');
  const filtered = await renderRequestTile(agg.db.pool, few, c, year, {
    ...NO_FILTERS,
    channels: ['whatsapp', 'website', 'call_centre'],
  });
  assert.equal(filtered.layer, 'requests');
  assert.equal(filtered.capped, true);

  // Through the API with the default settings: the layer header says which.
  const get = async (t: TileCoords, from: number, to: number) =>
    fetch(`${agg.url}/v1/tiles/requests/${t.z}/${t.x}/${t.y}.mvt?from=${iso(from)}&to=${iso(to)}`, {
      headers: { authorization: `Bearer ${agg.tokens.read}` },
    });
  const blob14 = await rawCount(c, NOW - 365 * DAY, NOW + 1);
  const res = await get(c, NOW - 365 * DAY, NOW + 1);
  assert.equal(res.status, 200);
  assert.equal(
    res.headers.get('x-tile-layer'),
    blob14 > cellsAbove(settings) ? 'bins' : 'requests',
    `${blob14} requests`
  );
  const lowered = { ...settings, tileCellsAbove: 100 };
  assert.ok(blob14 > 100, `${blob14} requests in the blob's zoom-14 tile`);
  assert.equal((await renderRequestTile(agg.db.pool, lowered, c, year, NO_FILTERS)).cells, true);
});
