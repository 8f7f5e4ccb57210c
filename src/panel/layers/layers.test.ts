import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { Field } from '@grafana/data';
import type OlMap from 'ol/Map.js';
import { grafana, theme, thresholds, zoneTable, frame } from '../test-support/grafana.ts';
import { aggregatorUrls } from '../aggregator/urls.ts';
import { joinZoneValues } from '../data/join.ts';
import { zonesFromGeoJSON } from '../data/zones.ts';
import { paintZones } from '../style/choropleth.ts';
import { resolveOptions } from '../resolve-options.ts';
import { LAYER_TYPES, layerType } from './registry.ts';
import { pointsLayer } from './points.ts';
import { framePointTooltip } from './points/frame-points.ts';
import { pointsLegend } from './points/legend.ts';
import { journeyNamesOf, requestTooltip } from './points/request-tooltip.ts';
import { tileBinTooltip } from './points/tile-points.ts';
import { NO_NAMES, valueNames } from '../data/value-names.ts';
import { categoryPalette } from '../style/palette.ts';
import { labelRanks } from './labels.ts';
import { translator } from '../i18n.ts';
import { typeScale } from '../style/type-scale.ts';
import type { LayerEnv, MapData } from './types.ts';
import Layer from 'ol/layer/Layer.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorSource from 'ol/source/Vector.js';
import { DEFAULT_TILE_ZOOMS } from '../aggregator/tile-zooms.ts';

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
const zones = zonesFromGeoJSON({
  type: 'FeatureCollection',
  features: ['1', '2', '3'].map((code, i) => ({
    type: 'Feature',
    properties: { code, name_en: `Zone ${code}`, name_ar: `منطقة ${code}`, population: 1000 * (i + 1) },
    geometry: square(55 + i * 0.1),
  })),
});
const options = resolveOptions({
  heatmap: { enabled: true },
  points: { source: 'frame' },
  hotspots: { source: 'frame' },
});
const env: LayerEnv = {
  theme,
  options,
  type: typeScale({ width: 1000, height: 600 }, false),
  lang: 'en',
  t: translator('en'),
  urls: aggregatorUrls('services360-requests'),
  fetchJson: async () => ({ type: 'FeatureCollection', features: [] }),
  names: () => NO_NAMES,
  report: () => undefined,
};
/** A map stand-in (Node has no DOM for a real one): the layers only ask it for the view when they pick a level of detail. */
const map = { getSize: () => undefined, getView: () => ({ getResolution: () => undefined }) } as unknown as OlMap;

function mapData(): MapData {
  const series = [
    zoneTable(
      [
        ['1', 5],
        ['2', 50],
      ],
      { unit: 'percent', ...thresholds('green', [10, 'red']) },
      'on_time_pct'
    ),
    frame(
      [
        { name: 'lon', values: [55.05, 55.15] },
        { name: 'lat', values: [25.05, 25.05] },
        { name: 'count', values: [3, 9] },
        { name: 'topic', values: ['pest_control', 'noise'] },
      ],
      { refId: 'H' }
    ),
  ];
  const display = (field: Field) => grafana.getDisplayProcessor({ field, theme });
  const join = joinZoneValues(series, new Map(zones.zones.map((z) => [z.code, z.population])), options.zones, display);
  const paints = paintZones(
    zones.zones.map((z) => z.code),
    join,
    options.zones,
    '#fff'
  );
  return { series, zones, join, paints, timeRange: { from: 0, to: 1 }, replaceVariables: (s: string) => s };
}

describe('layer registry', () => {
  test('five layer types, bottom to top, each with defaults and an options UI', () => {
    assert.deepEqual(
      LAYER_TYPES.map((l) => l.id),
      ['zones', 'heatmap', 'points', 'hotspots', 'labels']
    );
    for (const l of LAYER_TYPES) {
      assert.equal(typeof l.defaultOptions.enabled, 'boolean', l.id);
      assert.equal(typeof l.registerOptionsUI, 'function');
    }
  });

  test('every option a layer shows lives under its own id and has its default', () => {
    const items: Array<{ path: string; defaultValue?: unknown }> = [];
    const builder = new Proxy(
      {},
      {
        get: (_t, _name) => (item: { path: string; defaultValue?: unknown }) => {
          items.push(item);
          return builder;
        },
      }
    );
    for (const l of LAYER_TYPES) {
      items.length = 0;
      l.registerOptionsUI(builder as never);
      assert.ok(items.length > 0, l.id);
      for (const item of items) {
        assert.ok(item.path.startsWith(`${l.id}.`), `${l.id}: ${item.path}`);
        const saved = Object.entries(l.defaultOptions).find(([key]) => key === item.path.slice(l.id.length + 1));
        assert.deepEqual(item.defaultValue, saved?.[1], item.path);
      }
    }
  });

  test('each layer updates from data and disposes its layer and source', () => {
    for (const type of LAYER_TYPES) {
      if (type.id === 'heatmap') {
        continue;
      } // OpenLayers' heat map needs WebGL (browser tests cover it being off by default)
      const handle = type.create(map, options[type.id], env);
      const layer = handle.init();
      assert.ok(layer instanceof Layer, type.id);
      const source = layer.getSource();
      handle.update(mapData());
      const features = () => (source instanceof VectorSource ? source.getFeatures().length : null);
      if (type.id === 'zones' || type.id === 'labels') {
        assert.equal(features(), 3, type.id);
      }
      if (type.id === 'hotspots') {
        assert.equal(features(), 2);
      }
      handle.dispose();
      assert.equal(layer.getSource(), null, `${type.id}: source detached`);
      // `disposed` is OpenLayers' protected flag: read as a property, not through the type.
      assert.equal(Reflect.get(source, 'disposed'), true, `${type.id}: source disposed`);
      assert.equal(Reflect.get(layer, 'disposed'), true, `${type.id}: layer disposed`);
    }
  });

  test('request tiles follow the time range and filters, and are disposed', () => {
    const handle = pointsLayer.create(map, { ...options.points, source: 'tiles', tileQuery: 'zone=$zone' }, env);
    const layer = handle.init();
    assert.ok(layer instanceof VectorTileLayer);
    const source = layer.getSource()!;
    const timeRange = { from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-11-02T00:00:00Z') };
    handle.update({ ...mapData(), timeRange, replaceVariables: (s: string) => s.replace('$zone', '332') });
    assert.deepEqual(source.getUrls(), [
      '/api/datasources/proxy/uid/services360-requests/aggregator/v1/tiles/requests/{z}/{x}/{y}.mvt' +
        '?from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-02T00%3A00%3A00.000Z&zone=332',
    ]);
    handle.dispose();
    assert.equal(layer.getSource(), null);
    assert.equal(Reflect.get(source, 'disposed'), true);
  });

  test("request tiles go as deep as the aggregator's TileJSON says, at the default zoom while it loads or when it fails", async () => {
    const served = { tilejson: '3.0.0', maxzoom: 15, vector_layers: [{ id: 'requests', minzoom: 12, maxzoom: 15 }] };
    const asked: string[] = [];
    let answer: (json: unknown) => void = () => undefined;
    const loading = new Promise<unknown>((resolve) => {
      answer = resolve;
    });
    const tiles = { ...options.points, source: 'tiles' as const };
    const handle = pointsLayer.create(map, tiles, {
      ...env,
      fetchJson: (url) => {
        asked.push(url);
        return loading;
      },
    });
    const layer = handle.init();
    assert.ok(layer instanceof VectorTileLayer);
    handle.update(mapData());
    const tileJson = asked.filter((u) => u.endsWith('/tiles/requests.json'));
    assert.deepEqual(tileJson, ['/api/datasources/proxy/uid/services360-requests/aggregator/v1/tiles/requests.json']);
    assert.equal(layer.getSource()!.getTileGrid()!.getMaxZoom(), DEFAULT_TILE_ZOOMS.maxZoom);
    answer(served);
    await loading;
    await Promise.resolve();
    const source = layer.getSource()!;
    assert.equal(source.getTileGrid()!.getMaxZoom(), 15);
    assert.match(
      source.getUrls()![0],
      /\/tiles\/requests\/\{z\}\/\{x\}\/\{y\}\.mvt\?from=/,
      'the new source keeps the tile URL'
    );
    handle.dispose();

    const failing = pointsLayer.create(map, tiles, { ...env, fetchJson: () => Promise.reject(new Error('502')) });
    const kept = failing.init();
    assert.ok(kept instanceof VectorTileLayer);
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(kept.getSource()!.getTileGrid()!.getMaxZoom(), DEFAULT_TILE_ZOOMS.maxZoom);
    failing.dispose();
  });

  test("a tile bin's tooltip: its count; in a point tile (zoom 14 on), how to see each request", () => {
    assert.deepEqual(tileBinTooltip(1234, 12), { title: '1,234 requests', aggregate: true, rows: [] });
    assert.deepEqual(tileBinTooltip(1234, 13), { title: '1,234 requests', aggregate: true, rows: [] });
    assert.deepEqual(tileBinTooltip(56789, 14), {
      title: '56,789 requests',
      aggregate: true,
      rows: [{ label: 'Each request', value: 'shown for a shorter time range', key: 'cells' }],
    });
    assert.equal(tileBinTooltip(7, 16).rows[0].key, 'cells');
    assert.deepEqual(tileBinTooltip(7, undefined).rows, []);
    // With the aggregator's served zooms (S360_TILE_BIN_MAX_ZOOM 11): points, and so cells, from zoom 12.
    assert.deepEqual(
      tileBinTooltip(7, 12, translator('en'), { maxZoom: 15, pointMinZoom: 12 }).rows.map((r) => r.key),
      ['cells']
    );
    assert.deepEqual(tileBinTooltip(7, 11, translator('en'), { maxZoom: 15, pointMinZoom: 12 }).rows, []);
  });

  test('the zones tooltip: names in both languages, value with unit, population', () => {
    const handle = layerType('zones').create(map, options.zones, env);
    const layer = handle.init();
    assert.ok(layer instanceof VectorLayer);
    const data = mapData();
    handle.update(data);
    const t = handle.tooltip!(layer.getSource()!.getFeatureById('2')!, data)!;
    assert.equal(t.title, 'Zone 2');
    assert.equal(t.titleAr, 'منطقة 2');
    assert.equal(t.zoneCode, '2');
    assert.deepEqual(
      t.rows.map((r) => [r.key, r.value]),
      [
        ['value', '50%'],
        ['population', '2,000'],
      ]
    );
    assert.deepEqual(handle.tooltip!(layer.getSource().getFeatureById('3'), data)!.rows[0].value, 'No data');
    handle.dispose();
  });

  test('the zones legend comes from the field config; none when no zone has data', () => {
    const handle = layerType('zones').create(map, options.zones, env);
    handle.init();
    const data = mapData();
    handle.update(data);
    assert.deepEqual(
      handle.legend!()!.items.map((i) => i.label),
      ['< 10%', '≥ 10%']
    );
    assert.equal(handle.legend!()!.noData?.label, 'No data');
    handle.update({
      ...data,
      paints: paintZones(['1', '2', '3'], { byCode: new Map(), display: null }, options.zones, '#fff'),
    });
    assert.equal(handle.legend!(), null);
    handle.dispose();
  });

  test('labels rank zones by value, the busiest first and zones without a value last (ties by area)', () => {
    const ranks = labelRanks([
      { code: 'zero', value: 0, area: 9 },
      { code: 'busy', value: 90, area: 1 },
      { code: 'none', value: null, area: 99 },
      { code: 'mid', value: 5, area: 1 },
      { code: 'mid-big', value: 5, area: 2 },
    ]);
    assert.deepEqual(
      [...ranks].sort((a, b) => b[1] - a[1]).map(([c]) => c),
      ['busy', 'mid-big', 'mid', 'zero', 'none']
    );
  });

  test("a request point's tooltip: its reference, topic, category, status, stage and SLA state (no personal data)", () => {
    const props: Record<string, unknown> = {
      id: 42,
      topic: 'public_health.pest_control',
      category: 'complaint',
      status: 'in_progress',
      stage: 'field_visit',
      sla_state: 'warning',
    };
    const journeyEn = {
      stage: new Map([['field_visit', 'Field visit']]),
      status: new Map([['in_progress', 'In progress']]),
    };
    const t = requestTooltip((n) => props[n], translator('en'), NO_NAMES, journeyEn);
    assert.equal(t.title, 'S360-000000042');
    assert.deepEqual(
      t.rows.map((r) => [r.key, r.label, r.value]),
      [
        ['topic', 'Topic', 'Pest control'],
        ['category', 'Category', 'Complaint'],
        ['status', 'Status', 'In progress'],
        ['stage', 'Stage', 'Field visit'],
        ['sla', 'SLA', 'Warning'],
      ]
    );
    const journeyAr = {
      stage: new Map([['field_visit', 'زيارة ميدانية']]),
      status: new Map([['in_progress', 'قيد التنفيذ']]),
    };
    const ar = requestTooltip((n) => props[n], translator('ar'), NO_NAMES, journeyAr);
    assert.equal(ar.rows[0].label, 'الموضوع');
    assert.deepEqual(
      ar.rows.find((r) => r.key === 'stage'),
      { key: 'stage', label: 'المرحلة', value: 'زيارة ميدانية' }
    );
    // Status from the journey's names, the SLA state from the panel's own catalogue: Arabic, no Latin letter.
    assert.deepEqual(
      ar.rows.filter((r) => r.key === 'status' || r.key === 'sla').map((r) => r.value),
      ['قيد التنفيذ', 'تحذير']
    );
  });

  test("a request tooltip without the stage's name shows its code; missing values are left out", () => {
    const props: Record<string, unknown> = { id: 7, stage: 'work_order' };
    const journey = { stage: new Map([['field_visit', 'زيارة ميدانية']]), status: new Map<string, string>() };
    const t = requestTooltip((n) => props[n], translator('ar'), NO_NAMES, journey);
    assert.deepEqual(
      t.rows.map((r) => [r.key, r.value]),
      [['stage', 'Work order']]
    );
    assert.equal(requestTooltip(() => undefined, translator('en')).title, 'Request');
    assert.equal(
      requestTooltip((n) => (n === 'id' ? 'abc' : undefined), translator('en')).title,
      'Request',
      'only a numeric id makes a reference'
    );
  });

  test("the stage names come from the aggregator's stage values in the panel's language", async () => {
    const asked: string[] = [];
    const fetchJson = async (url: string) => {
      asked.push(url);
      return { values: [{ value: 'closed', text: 'مغلق' }] };
    };
    const names = journeyNamesOf({ ...env, lang: 'ar', fetchJson });
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(asked, [
      '/api/datasources/proxy/uid/services360-requests/aggregator/v1/variables/stage?language=ar',
      '/api/datasources/proxy/uid/services360-requests/aggregator/v1/variables/status?language=ar',
    ]);
    assert.equal(names.stage.get('closed'), 'مغلق');
    const failed = journeyNamesOf({
      ...env,
      fetchJson: async () => {
        throw new Error('502');
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(failed.stage.size + failed.status.size, 0, 'a failed fetch leaves the codes');
  });

  test('a frame point shows the fields its frame has, read by name or display name, and what colours it', () => {
    const points = frame([
      { name: 'lon', values: [55.1, 55.2] },
      { name: 'lat', values: [25.1, 25.2] },
      { name: 'reference', values: ['S360-000000009', 'S360-000000010'] },
      { name: 'topic_code', values: ['roads.pothole', 'noise'], config: { displayName: 'topic' } },
      { name: 'status', values: ['assigned', 'closed'] },
      { name: 'stage', values: ['assigned', 'closed'] },
      { name: 'channel', values: ['whatsapp', 'website'] },
    ]);
    const t = framePointTooltip(points, 1, 'channel', translator('en'));
    assert.equal(t.title, 'S360-000000010');
    assert.deepEqual(
      t.rows.map((r) => [r.key, r.value]),
      [
        ['topic', 'Noise'],
        ['status', 'Closed'],
        ['stage', 'Closed'],
        ['color', 'Website'],
      ]
    );
    const keys = framePointTooltip(points, 0, 'status', translator('en')).rows.map((r) => r.key);
    assert.deepEqual(keys, ['topic', 'status', 'stage'], 'the colouring field is not shown twice');
  });

  test("in Arabic, a request point's category and topic are named from the catalogue, as are the legend's categories", () => {
    const catalog = {
      version: 'v1',
      metrics: [],
      dimensions: [{ code: 'category', name_en: 'Category', name_ar: 'الفئة' }],
      values: {
        category: [
          { code: 'complaint', name_en: 'Complaint', name_ar: 'شكوى' },
          { code: 'inquiry', name_en: 'Inquiry', name_ar: 'استفسار' },
        ],
        topic: [{ code: 'public_health.pest_control', name_en: 'Pest control', name_ar: 'مكافحة الآفات' }],
      },
    };
    const names = valueNames(catalog, 'ar');
    const props: Record<string, unknown> = { id: 42, topic: 'public_health.pest_control', category: 'complaint' };
    const tip = requestTooltip((n) => props[n], translator('ar'), names);
    assert.deepEqual(
      tip.rows.map((r) => [r.label, r.value]),
      [
        ['الموضوع', 'مكافحة الآفات'],
        ['الفئة', 'شكوى'],
      ]
    );
    const palette = categoryPalette('category', [], ['#111', '#222', '#333', '#444', '#555', '#666'], (c) => c);
    const style = {
      pointRadius: 4,
      binMinRadius: 4,
      binMaxRadius: 14,
      opacity: 1,
      binColor: '#00f',
      strokeColor: '#fff',
    };
    const legend = pointsLegend(palette, style, translator('ar'), names);
    assert.equal(legend.title, 'الطلبات (الفئة)');
    const labels = legend.items.filter((i) => i.shape === 'dot').map((i) => i.label);
    assert.ok(labels.includes('شكوى') && labels.includes('استفسار'), labels.join(', '));
  });

  test('the points and hot spots explain their symbols in the legend', () => {
    const points = pointsLayer.create(map, { ...options.points, source: 'tiles' }, env);
    const section = points.legendSection!()!;
    assert.ok(section.items.some((i) => i.shape === 'dot') && section.items.some((i) => i.shape === 'bin'));
    points.dispose();
    const hot = layerType('hotspots').create(map, options.hotspots, env);
    assert.equal(hot.legendSection!()!.items[0].shape, 'ring');
    hot.dispose();
  });
});
