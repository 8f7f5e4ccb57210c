// Request points with level of detail. From a frame (lon/lat or GeoJSON points): binned density at city
// zoom, raw points only when zoomed in and few enough are in view (lod/detail.ts), so the layer never holds
// more than `maxFeatures` features. From the aggregator's vector tiles: the server bins at low zoom (layer
// `bins`) and caps each tile; a point tile holding too many requests in a long range comes as bins too
// (exact counts in small cells), drawn alike, its tooltip saying so. Canvas by default; WebGL by the panel's renderer option.
import type { PanelOptionsEditorBuilder } from '@grafana/data';
import Feature, { type FeatureLike } from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import Point from 'ol/geom/Point.js';
import MVT from 'ol/format/MVT.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import WebGLVectorLayer from 'ol/layer/WebGLVector.js';
import WebGLVectorTileLayer from 'ol/layer/WebGLVectorTile.js';
import type BaseLayer from 'ol/layer/Base.js';
import VectorSource from 'ol/source/Vector.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import type { DataFrame } from '@grafana/data';
import { fieldByName } from '../data/fields.ts';
import { findPointColumns } from '../data/points.ts';
import { binPoints, binRadius, type Bin } from '../lod/binning.ts';
import { binsForView, chooseDetail } from '../lod/detail.ts';
import { EMPTY_POINTS, indicesInExtent, pointSet, type Extent, type PointSet } from '../lod/points.ts';
import { categoryPalette, humanize, type CategoryPalette } from '../style/palette.ts';
import { framePointsStyle, tilePointsStyle, type PointStyleOptions } from '../style/points.ts';
import type { ZoneMapOptions } from '../types.ts';
import { translator, type Translate } from '../i18n.ts';
import type { MessageKey } from '../locales/en.ts';
import { NO_NAMES, type ValueNames } from '../data/value-names.ts';
import type { LayerConfigBase, LayerEnv, MapData, MapLayerType, TooltipModel } from './types.ts';

export interface PointsConfig extends LayerConfigBase {
  source: 'tiles' | 'frame';
  /** Frame (refId or name) with the points; '' = the first with lon/lat or point geometry. */
  frame: string;
  lonField: string;
  latField: string;
  geometryField: string;
  /** Field (frame) or tile property that colours the points: category, sla_state, status_class, channel... */
  colorBy: string;
  /** Filters sent with the tile requests, template variables allowed: zone=$zone&channel=$channel. */
  tileQuery: string;
  maxFeatures: number;
  /** Raw points only from this zoom on. */
  pointsMinZoom: number;
  /** Bin cell in screen pixels. */
  binPixels: number;
  pointRadius: number;
  binMinRadius: number;
  binMaxRadius: number;
  opacity: number;
}

const defaultOptions: PointsConfig = {
  enabled: true,
  source: 'tiles',
  frame: '',
  lonField: '',
  latField: '',
  geometryField: '',
  colorBy: 'category',
  tileQuery: '',
  maxFeatures: 3000,
  pointsMinZoom: 13,
  binPixels: 40,
  pointRadius: 4,
  binMinRadius: 4,
  binMaxRadius: 14,
  opacity: 0.85,
};

const CATEGORY = ['Request points'];
/** The aggregator serves request tiles up to this zoom; OpenLayers overzooms beyond. */
const TILE_MAX_ZOOM = 16;

export const pointsLayer: MapLayerType<PointsConfig> = {
  id: 'points',
  name: 'Request points',
  description: 'Requests as points, binned at city zoom',
  defaultOptions,

  registerOptionsUI(builder: PanelOptionsEditorBuilder<ZoneMapOptions>) {
    const on = (o: ZoneMapOptions) => o.points?.enabled !== false;
    const frame = (o: ZoneMapOptions) => on(o) && o.points?.source === 'frame';
    builder
      .addBooleanSwitch({ path: 'points.enabled', name: 'Show requests', category: CATEGORY, defaultValue: defaultOptions.enabled })
      .addRadio({ path: 'points.source', name: 'Requests from', category: CATEGORY, defaultValue: defaultOptions.source, showIf: on,
        settings: { options: [{ value: 'tiles', label: 'Aggregator tiles' }, { value: 'frame', label: 'A frame (lon/lat)' }] } })
      .addTextInput({ path: 'points.frame', name: 'Frame', description: 'refId or name; empty = the first frame with lon/lat', category: CATEGORY, defaultValue: defaultOptions.frame, showIf: frame })
      .addFieldNamePicker({ path: 'points.lonField', name: 'Longitude field', description: 'Empty = lon, lng or longitude', category: CATEGORY, defaultValue: defaultOptions.lonField, showIf: frame })
      .addFieldNamePicker({ path: 'points.latField', name: 'Latitude field', description: 'Empty = lat or latitude', category: CATEGORY, defaultValue: defaultOptions.latField, showIf: frame })
      .addFieldNamePicker({ path: 'points.geometryField', name: 'Geometry field', description: 'GeoJSON points, when there is no lon/lat', category: CATEGORY, defaultValue: defaultOptions.geometryField, showIf: frame })
      .addTextInput({ path: 'points.colorBy', name: 'Colour by', description: 'Field or tile property: category, sla_state, status_class, channel, priority', category: CATEGORY, defaultValue: defaultOptions.colorBy, showIf: on })
      .addTextInput({ path: 'points.tileQuery', name: 'Tile filters', description: 'Query string with variables, e.g. zone=$zone&channel=$channel', category: CATEGORY, defaultValue: defaultOptions.tileQuery,
        showIf: (o) => on(o) && o.points?.source !== 'frame' })
      .addNumberInput({ path: 'points.maxFeatures', name: 'Most features in view', category: CATEGORY, defaultValue: defaultOptions.maxFeatures, settings: { min: 100, max: 20000, integer: true }, showIf: frame })
      .addSliderInput({ path: 'points.pointsMinZoom', name: 'Raw points from zoom', category: CATEGORY, defaultValue: defaultOptions.pointsMinZoom, settings: { min: 8, max: 20, step: 1 }, showIf: frame })
      .addSliderInput({ path: 'points.binPixels', name: 'Bin size (px)', category: CATEGORY, defaultValue: defaultOptions.binPixels, settings: { min: 10, max: 120, step: 5 }, showIf: frame })
      .addSliderInput({ path: 'points.pointRadius', name: 'Point radius', category: CATEGORY, defaultValue: defaultOptions.pointRadius, settings: { min: 1, max: 12, step: 0.5 }, showIf: on })
      .addSliderInput({ path: 'points.binMaxRadius', name: 'Largest bin radius', category: CATEGORY, defaultValue: defaultOptions.binMaxRadius, settings: { min: 6, max: 40, step: 1 }, showIf: on })
      .addSliderInput({ path: 'points.opacity', name: 'Opacity', category: CATEGORY, defaultValue: defaultOptions.opacity, settings: { min: 0.1, max: 1, step: 0.05 }, showIf: on });
  },

  create(map: OlMap, config: PointsConfig, env: LayerEnv) {
    const theme = env.theme;
    const resolve = (c: string) => theme.visualization.getColorByName(c);
    const classic = theme.visualization.palette;
    const styleOpts: PointStyleOptions = {
      pointRadius: config.pointRadius, binMinRadius: config.binMinRadius, binMaxRadius: config.binMaxRadius, opacity: config.opacity,
      binColor: resolve('blue'), strokeColor: theme.isDark ? 'rgba(0, 0, 0, 0.6)' : 'rgba(255, 255, 255, 0.9)',
    };
    const webgl = env.options.renderer === 'webgl';
    return config.source === 'frame' ? framePoints(map, config, env, styleOpts, webgl, classic, resolve) : tilePoints(map, config, env, styleOpts, webgl, classic, resolve);
  },
};

type Resolve = (c: string) => string;

/** The aggregator's first point-tile zoom (its S360_TILE_BIN_MAX_ZOOM + 1, by default). */
const POINT_TILE_MIN_ZOOM = 14;

/**
 * The tooltip of a bin from the aggregator's tiles. In a binned tile a bin is what the zoom shows; in a
 * point tile it is a tile that held too many requests in the range to show each one (a long range in a
 * busy area: the aggregator then sends the tile's exact counts in small cells), so the tooltip says how to
 * see them one by one. `tileZoom`: the zoom of the tiles drawn (512-px tiles: the view's zoom − 1).
 */
export function tileBinTooltip(count: number, tileZoom: number | undefined, t: Translate = translator('en')): TooltipModel {
  const cells = tileZoom !== undefined && tileZoom >= POINT_TILE_MIN_ZOOM;
  return {
    title: t('zonemap.requests', { count }),
    aggregate: true,
    rows: cells ? [{ label: t('zonemap.each-request'), value: t('zonemap.shorter-range'), key: 'cells' }] : [],
  };
}

/** What a request point's tooltip reads (tile properties; in a frame, fields of these names). */
export const REQUEST_TOOLTIP_FIELDS = ['reference', 'id', 'topic', 'category', 'status', 'stage', 'sla_state'] as const;

/**
 * A request point's tooltip, from the aggregator's tile or a frame's row: its reference (a `reference` field, or
 * S360- and the numeric id on 9 digits, as the aggregator writes it), topic, category, status, stage and SLA state,
 * in the panel's language: topic and category from the catalogue (`names`), status and stage from the journey's
 * names (`journey`, the aggregator's), the SLA state from the panel's own catalogue (the product's six states); a
 * code nothing names is shown made readable. Rows whose value is missing are left out. Codes and reference data
 * only: no personal data.
 */
export function requestTooltip(get: (name: string) => unknown, t: Translate, names: ValueNames = NO_NAMES,
  journey: JourneyNames = NO_JOURNEY_NAMES): TooltipModel {
  const text = (name: string) => { const v = get(name); return v === undefined || v === null || v === '' ? null : String(v); };
  const code = (name: string) => { const v = text(name); return v === null ? null : names.value(name, v) ?? humanize(v.split('.').pop() ?? v); };
  const named = (name: 'stage' | 'status') => { const v = text(name); return (v !== null ? journey[name].get(v) : undefined) ?? code(name); };
  const sla = text('sla_state');
  const slaKey = `zonemap.sla.${sla}` as MessageKey;
  const rows = [
    { key: 'topic', label: t('zonemap.topic'), value: code('topic') },
    { key: 'category', label: t('zonemap.category'), value: code('category') },
    { key: 'status', label: t('zonemap.status'), value: named('status') },
    { key: 'stage', label: t('zonemap.stage'), value: named('stage') },
    { key: 'sla', label: t('zonemap.sla-state'), value: sla === null ? null : t(slaKey) !== slaKey ? t(slaKey) : code('sla_state') },
  ].filter((r): r is { key: string; label: string; value: string } => r.value !== null);
  const id = text('id');
  const reference = text('reference') ?? (id !== null && /^\d+$/.test(id) ? `S360-${id.padStart(9, '0')}` : t('zonemap.request'));
  return { title: reference, rows };
}

/** A code's name from the catalogue, else the code made readable ("service_request" → "Service request"). */
const valueName = (names: ValueNames, property: string, code: string) => names.value(property, code) ?? humanize(code);

/** The journey's statuses and stages by code, named in the panel's language. */
export type JourneyNames = { readonly stage: ReadonlyMap<string, string>; readonly status: ReadonlyMap<string, string> };
const NO_JOURNEY_NAMES: JourneyNames = { stage: new Map(), status: new Map() };

/**
 * The journey's stages and statuses by code, named in the panel's language (GET /v1/variables/stage and /status
 * through the datasource), filled when the answers arrive; until then, or if one fails, a tooltip shows the code.
 */
export function journeyNamesOf(env: LayerEnv): JourneyNames {
  const load = (dimension: 'stage' | 'status') => {
    const names = new Map<string, string>();
    env.fetchJson(env.urls.values({ dimension, language: env.lang })).then((json) => {
      for (const v of (json as { values?: { value: string; text: string }[] })?.values ?? []) names.set(v.value, v.text);
    }, () => undefined);
    return names;
  };
  return { stage: load('stage'), status: load('status') };
}

/** The legend of the points layer: the colour of each value it colours by (named from the catalogue), and the bins. */
export function pointsLegend(palette: CategoryPalette, style: PointStyleOptions, t: Translate, names: ValueNames = NO_NAMES) {
  return {
    title: `${t('zonemap.legend-requests')} (${names.property(palette.property) ?? humanize(palette.property)})`,
    items: [
      ...palette.values.map((v, i) => ({ color: palette.colorOf(i), label: valueName(names, palette.property, v), shape: 'dot' as const })),
      { color: style.binColor, label: t('zonemap.legend-bin'), shape: 'bin' as const },
    ],
  };
}

function tilePoints(map: OlMap, config: PointsConfig, env: LayerEnv, styleOpts: PointStyleOptions, webgl: boolean, classic: string[], resolve: Resolve) {
  const palette = categoryPalette(config.colorBy, [], classic, resolve);
  const style = tilePointsStyle(palette, styleOpts) as never;
  const journey = journeyNamesOf(env);
  const source = new VectorTileSource({ format: new MVT(), url: undefined, maxZoom: TILE_MAX_ZOOM, overlaps: false });
  // Canvas: circles marked "never decluttered", else OpenLayers' hit detection on a vector-tile layer without
  // decluttering (10.11) skips every point symbol and a hover falls through to the zone underneath.
  const layer: BaseLayer = webgl
    ? new WebGLVectorTileLayer({ source: source as never, style, properties: { id: 'points' } })
    : new VectorTileLayer({ source, style: { ...(style as object), 'circle-declutter-mode': 'none' } as never, renderMode: 'hybrid', properties: { id: 'points' } });
  let url = '';
  /** The zoom of the tiles the view draws (as the renderer picks them). */
  const tileZoom = () => {
    const resolution = map.getView().getResolution();
    return resolution === undefined ? undefined : source.getTileGrid()?.getZForResolution(resolution, source.zDirection);
  };
  return {
    init: () => layer,
    update(data: MapData) {
      const next = env.urls.requestTiles({ ...data.timeRange, query: data.replaceVariables(config.tileQuery ?? '') });
      if (next !== url) { url = next; source.setUrl(url); }
    },
    tooltip(feature: FeatureLike): TooltipModel | null {
      if (feature.get('layer') === 'bins') return tileBinTooltip(Number(feature.get('count')), tileZoom(), env.t);
      return requestTooltip((name) => feature.get(name), env.t, env.names(), journey);
    },
    legendSection: () => pointsLegend(palette, styleOpts, env.t, env.names()),
    dispose() {
      (layer as VectorTileLayer).setSource(null);
      source.clear();
      source.dispose();
      layer.dispose();
    },
  };
}

function framePoints(map: OlMap, config: PointsConfig, env: LayerEnv, styleOpts: PointStyleOptions, webgl: boolean, classic: string[], resolve: Resolve) {
  const source = new VectorSource<Feature<Point>>();
  let palette: CategoryPalette = categoryPalette(config.colorBy, [], classic, resolve);
  const journey = journeyNamesOf(env);
  const makeLayer = () => {
    const style = framePointsStyle(palette, styleOpts) as never;
    return webgl ? new WebGLVectorLayer({ source, style, properties: { id: 'points' } }) : new VectorLayer({ source, style, properties: { id: 'points' }, updateWhileAnimating: true, updateWhileInteracting: true });
  };
  const layer = makeLayer();
  let frame: DataFrame | null = null;
  let points: PointSet = EMPTY_POINTS;
  let colorValues: ArrayLike<unknown> = [];
  let binCache = new Map<number, Bin[]>();
  let shown = '';

  const binsAt = (cell: number) => {
    let bins = binCache.get(cell);
    if (!bins) { bins = binPoints(points, cell, palette.values.length); binCache.set(cell, bins); }
    return bins;
  };

  /** Replaces the features with what the view needs (points or bins); skips work when nothing changed. */
  const refresh = () => {
    const size = map.getSize();
    const view = map.getView();
    const resolution = view.getResolution();
    if (!size || !resolution || !points.n) { if (shown) { source.clear(true); shown = ''; } return; }
    const extent = view.calculateExtent(size) as Extent;
    const detail = chooseDetail(points, extent, resolution, { maxFeatures: config.maxFeatures, pointsMinZoom: config.pointsMinZoom, binPixels: config.binPixels });
    const features: Feature<Point>[] = [];
    let key: string;
    if (detail.mode === 'points') {
      const idx = indicesInExtent(points, detail.extent);
      key = `p:${idx.length}:${idx[0]}:${idx[idx.length - 1]}`;
      if (key === shown) return;
      for (const i of idx) features.push(feature(points.x[i], points.y[i], { kind: 0, cls: points.cls[i], row: points.row[i] }));
    } else {
      const { bins, cellSize } = binsForView(binsAt, detail, config.maxFeatures);
      key = `b:${cellSize}:${bins.length}:${bins[0]?.x}:${bins[bins.length - 1]?.x}`;
      if (key === shown) return;
      const max = bins.reduce((m, b) => Math.max(m, b.count), 1);
      for (const b of bins) features.push(feature(b.x, b.y, { kind: 1, cls: b.cls, count: b.count, r: binRadius(b.count, max, config.binMinRadius, config.binMaxRadius) }));
    }
    shown = key;
    source.clear(true);
    source.addFeatures(features);
  };

  return {
    init: () => layer,
    update(data: MapData) {
      const cols = findPointColumns(data.series, { frame: config.frame, lon: config.lonField, lat: config.latField, geometry: config.geometryField, colorBy: config.colorBy });
      if (cols?.frame === frame && frame) { refresh(); return; }
      frame = cols?.frame ?? null;
      colorValues = cols?.colorField?.values ?? [];
      const next = categoryPalette(config.colorBy, Array.from(colorValues), classic, resolve);
      if (next.values.join('\u0000') !== palette.values.join('\u0000')) {
        palette = next;
        (layer as VectorLayer).setStyle(framePointsStyle(palette, styleOpts) as never);
      }
      points = cols ? pointSet(cols.lon, cols.lat, (row) => palette.classOf(colorValues[row])) : EMPTY_POINTS;
      binCache = new Map();
      shown = '';
      refresh();
    },
    viewChanged: refresh,
    tooltip(f: FeatureLike): TooltipModel | null {
      if (f.get('kind') === 1) {
        const cls = f.get('cls') as number;
        const mostly = palette.values[cls];
        return { title: env.t('zonemap.requests', { count: Number(f.get('count')) }), aggregate: true, rows: mostly ? [{ label: env.t('zonemap.mostly'), value: valueName(env.names(), config.colorBy, mostly) }] : [] };
      }
      return framePointTooltip(frame, f.get('row') as number, config.colorBy, env.t, env.names(), journey);
    },
    dataExtent: () => (points.extent ? [...points.extent] : null),
    legendSection: () => pointsLegend(palette, styleOpts, env.t, env.names()),
    dispose() {
      layer.setSource(null);
      source.clear(true);
      source.dispose();
      layer.dispose();
      binCache.clear();
    },
  };
}

/**
 * A frame point's tooltip: the request tooltip from the row's fields of those names (by name or display name; a
 * stage given by its name shows as it is), and the field the points are coloured by when it is not one of them.
 */
export function framePointTooltip(frame: DataFrame | null, row: number, colorBy: string, t: Translate, names: ValueNames = NO_NAMES,
  journey?: JourneyNames): TooltipModel {
  const at = (name: string) => (frame ? fieldByName(frame, name)?.values[row] : undefined);
  const tooltip = requestTooltip(at, t, names, journey);
  const shown = (REQUEST_TOOLTIP_FIELDS as readonly string[]).includes(colorBy);
  const value = at(colorBy);
  if (colorBy && !shown && value !== undefined && value !== null && value !== '') {
    tooltip.rows.push({ key: 'color', label: names.property(colorBy) ?? humanize(colorBy), value: valueName(names, colorBy, String(value)) });
  }
  return tooltip;
}

function feature(x: number, y: number, props: Record<string, number>): Feature<Point> {
  const f = new Feature<Point>(new Point([x, y]));
  f.setProperties(props, true);
  return f;
}
