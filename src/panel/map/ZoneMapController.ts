// Owns the OpenLayers map of one panel: creates, updates and disposes the layers from the registry as options
// change, loads the zones, joins the data, fits the view, and turns pointer events into hover and click.
// React (ZoneMapPanel.tsx) only renders what this reports: legend, tooltip, messages.
import {
  getDisplayProcessor,
  type DataFrame,
  type Field,
  type GrafanaTheme2,
  type InterpolateFunction,
} from '@grafana/data';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import type { FeatureLike } from 'ol/Feature.js';
import type BaseLayer from 'ol/layer/Base.js';
import type TileLayer from 'ol/layer/Tile.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { fromLonLat } from 'ol/proj.js';
import { isEmpty, type Extent } from 'ol/extent.js';
import { aggregatorUrls } from '../aggregator/urls.ts';
import { isEmptyData, selectFrames } from '../data/fields.ts';
import { EMPTY_JOIN, joinZoneValues } from '../data/join.ts';
import {
  EMPTY_ZONES,
  hasZoneGeometry,
  skippedWarning,
  zonesFromFrame,
  zonesFromGeoJSON,
  type ZoneSet,
} from '../data/zones.ts';
import { paintZones, themeBorderColor } from '../style/choropleth.ts';
import type { LegendModel, LegendSection } from '../style/legend.ts';
import { LAYER_TYPES } from '../layers/registry.ts';
import { errorText } from '../layers/hotspots.ts';
import type {
  LayerConfigBase,
  LayerEnv,
  LayerHandle,
  LayerId,
  MapData,
  MapLayerType,
  PointerAnswer,
  TooltipModel,
} from '../layers/types.ts';
import { TV_SCALE, type ZoneMapOptions } from '../types.ts';
import { basemapKey, createBasemap } from './basemap.ts';
import { pickTooltip } from './pick-tooltip.ts';
import { typeScale } from '../style/type-scale.ts';
import { panelLanguage, translator, type PanelLanguage } from '../i18n.ts';
import { NO_NAMES, valueNames, type ValueNames } from '../data/value-names.ts';

export interface ControllerInput {
  series: DataFrame[];
  options: ZoneMapOptions;
  theme: GrafanaTheme2;
  timeRange: { from: number; to: number };
  replaceVariables: InterpolateFunction;
  /** The panel's size in css px and the screen's device pixel ratio: the type scales with them. */
  size: { width: number; height: number };
  pixelRatio: number;
}

export interface MapState {
  legend: LegendModel | null;
  warnings: string[];
  /** No frame holds a row. */
  noData: boolean;
  loadingZones: boolean;
  zones: number;
}

export interface HoverInfo {
  x: number;
  y: number;
  model: TooltipModel;
}

export interface ControllerDeps {
  fetchJson(url: string): Promise<unknown>;
  appSubUrl: string;
  onState(state: MapState): void;
  onHover(hover: HoverInfo | null): void;
  /** A click on a zone: its code, and what the tooltip shows for it. */
  onZoneClick(code: string, hover: HoverInfo): void;
  /** A click that hit no zone. */
  onClickElsewhere(): void;
}

/** Zoom at which the aggregator simplifies zones.geojson (city detail). */
const ZONES_ZOOM = 12;
const FIT_MAX_ZOOM = 16;
type Slot = { key: string; handle: LayerHandle; layer: BaseLayer; type: MapLayerType<LayerConfigBase> };

export class ZoneMapController {
  readonly map: OlMap;
  private slots = new Map<LayerId, Slot>();
  private basemap: { key: string; layer: TileLayer } | null = null;
  private input: ControllerInput | null = null;
  private data: MapData | null = null;
  private aggregatorZones: { key: string; zones: ZoneSet; error: string | null; loading: boolean } = {
    key: '',
    zones: EMPTY_ZONES,
    error: null,
    loading: false,
  };
  private frameZones: { frame: DataFrame | null; zones: ZoneSet } = { frame: null, zones: EMPTY_ZONES };
  private frameZonesMissing = false;
  /** The aggregator's catalogue (names of categories, topics...), loaded while a layer draws requests. */
  private catalog: { key: string; names: Record<PanelLanguage, ValueNames>; error: string | null } = {
    key: '',
    names: { en: NO_NAMES, ar: NO_NAMES },
    error: null,
  };
  private layerWarnings = new Map<LayerId, string>();
  private fitKey = '';
  /** The view is still the one the panel chose (no pan or zoom by the viewer since): a resize refits it. */
  private autoView = true;
  /** Set while the panel itself moves the view, so that move is not taken for the viewer's. */
  private movingView = false;
  private tvControls: boolean | null = null;
  private disposed = false;
  private renders = 0;
  private selection: string | null = null;

  constructor(
    private readonly target: HTMLElement,
    private readonly deps: ControllerDeps
  ) {
    this.map = new OlMap({
      target,
      layers: [],
      controls: [],
      view: new View({ center: fromLonLat([55.27, 25.2]), zoom: 10, maxZoom: 20 }),
    });
    this.map.on('moveend', () => {
      for (const s of this.slots.values()) {
        s.handle.viewChanged?.();
      }
    });
    const viewerMoved = () => {
      if (!this.movingView) {
        this.autoView = false;
      }
    };
    this.map.getView().on(['change:center', 'change:resolution'], viewerMoved);
    this.map.on('pointermove', (e) => {
      if (!e.dragging) {
        this.hover(e.pixel, false);
      }
    });
    this.map.on('singleclick', (e) => this.hover(e.pixel, true));
    this.map.on('rendercomplete', () => {
      target.dataset.renders = String(++this.renders);
    });
    target.addEventListener('pointerleave', () => {
      this.setHighlight(null);
      deps.onHover(null);
    });
    // For browser tests and benchmarks: the map and a lon/lat → pixel helper on the element.
    const pixelOf = (lon: number, lat: number) => this.map.getPixelFromCoordinate(fromLonLat([lon, lat]));
    Object.assign(target, { __zonemap: { map: this.map, pixelOf, controller: this } });
  }

  update(input: ControllerInput) {
    if (this.disposed) {
      return;
    }
    this.input = input;
    this.syncControls(input.options.tvMode);
    this.syncBasemap(input.options);
    this.syncLayers(input);
    this.syncAggregatorZones(input.options);
    this.syncCatalog(input.options);
    this.render();
  }

  /**
   * After the panel was resized (a dashboard settling its grid, a TV going full screen): the map measures itself
   * again and, unless the viewer has panned or zoomed since the last fit, fits again for the new size. TV mode
   * always refits.
   */
  resize() {
    this.asPanelMove(() => this.map.updateSize());
    if (this.input?.options.tvMode || this.autoView) {
      this.fitKey = '';
      this.fit();
    }
  }

  /** Moves the view as the panel (not the viewer) does. */
  private asPanelMove(move: () => void) {
    this.movingView = true;
    try {
      move();
    } finally {
      this.movingView = false;
    }
  }

  dispose() {
    this.disposed = true;
    for (const s of this.slots.values()) {
      this.removeSlot(s);
    }
    this.slots.clear();
    this.removeBasemap();
    this.map.setTarget(undefined);
    this.map.dispose();
  }

  private syncControls(tv: boolean) {
    if (this.tvControls === tv) {
      return;
    }
    this.tvControls = tv;
    this.map.getControls().clear();
    if (!tv) {
      for (const c of defaultControls({ rotate: false, attributionOptions: { collapsible: true } }).getArray()) {
        this.map.addControl(c);
      }
    }
  }

  private removeBasemap() {
    if (!this.basemap) {
      return;
    }
    this.map.removeLayer(this.basemap.layer);
    this.basemap.layer.getSource()?.dispose();
    this.basemap.layer.dispose();
    this.basemap = null;
  }

  private syncBasemap(options: ZoneMapOptions) {
    const key = basemapKey(options.basemap);
    if (this.basemap?.key === key || (!this.basemap && options.basemap.type === 'none')) {
      return;
    }
    this.removeBasemap();
    const layer = createBasemap(options.basemap);
    if (layer) {
      this.map.getLayers().insertAt(0, layer);
      this.basemap = { key, layer };
    }
  }

  private syncLayers(input: ControllerInput) {
    const { options, theme } = input;
    const scale = typeScale(input.size, options.tvMode, input.pixelRatio);
    const env: LayerEnv = {
      theme,
      options,
      type: scale,
      lang: panelLanguage(options.language),
      t: translator(panelLanguage(options.language)),
      urls: aggregatorUrls(options.datasourceUid, this.deps.appSubUrl),
      fetchJson: this.deps.fetchJson,
      names: () => this.catalog.names[panelLanguage(options.language)],
      report: () => undefined,
    };
    LAYER_TYPES.forEach((type, i) => {
      const config = options[type.id];
      const slot = this.slots.get(type.id);
      const key = JSON.stringify({
        config,
        renderer: options.renderer,
        tv: options.tvMode,
        dark: theme.isDark,
        uid: options.datasourceUid,
        lang: options.language,
        type: type.followsTypeScale ? scale.factor : 0,
      });
      if (slot && slot.key === key) {
        return;
      }
      if (slot) {
        this.removeSlot(slot);
        this.slots.delete(type.id);
        this.layerWarnings.delete(type.id);
      }
      if (!config.enabled) {
        return;
      }
      const report = (message: string | null) => {
        if (message) {
          this.layerWarnings.set(type.id, message);
        } else {
          this.layerWarnings.delete(type.id);
        }
        this.publish();
      };
      const handle = type.create(this.map, config, { ...env, report });
      const layer = handle.init();
      handle.setSelected?.(this.selection);
      layer.setZIndex(i + 1);
      this.map.addLayer(layer);
      this.slots.set(type.id, { key, handle, layer, type });
    });
  }

  private removeSlot(slot: Slot) {
    this.map.removeLayer(slot.layer);
    slot.handle.dispose();
  }

  /** Loads zones.geojson through the datasource proxy when the datasource or language changed. */
  private syncAggregatorZones(options: ZoneMapOptions) {
    if (options.zones.geometry !== 'aggregator') {
      return;
    }
    const url = aggregatorUrls(options.datasourceUid, this.deps.appSubUrl).zones({
      zoom: ZONES_ZOOM,
      language: panelLanguage(options.language),
    });
    if (this.aggregatorZones.key === url) {
      return;
    }
    this.aggregatorZones = { key: url, zones: EMPTY_ZONES, error: null, loading: true };
    this.deps.fetchJson(url).then(
      (json) => {
        if (this.aggregatorZones.key !== url) {
          return;
        }
        this.aggregatorZones = { key: url, zones: zonesFromGeoJSON(json), error: null, loading: false };
        this.render();
      },
      (err: unknown) => {
        if (this.aggregatorZones.key !== url) {
          return;
        }
        this.aggregatorZones = {
          key: url,
          zones: EMPTY_ZONES,
          error: `Zones could not be loaded (${errorText(err)})`,
          loading: false,
        };
        this.render();
      }
    );
  }

  /**
   * Loads the catalogue through the datasource proxy when the requests are drawn (their categories, topics... are
   * named from it) and the datasource changed. The legend is published again once it is in.
   */
  private syncCatalog(options: ZoneMapOptions) {
    if (!options.points.enabled) {
      return;
    }
    const url = aggregatorUrls(options.datasourceUid, this.deps.appSubUrl).catalog();
    if (this.catalog.key === url) {
      return;
    }
    this.catalog = { key: url, names: { en: NO_NAMES, ar: NO_NAMES }, error: null };
    const loaded = (names: Record<PanelLanguage, ValueNames>, error: string | null) => {
      if (this.catalog.key !== url || this.disposed) {
        return;
      }
      this.catalog = { key: url, names, error };
      this.publish();
    };
    this.deps.fetchJson(url).then(
      (body) => {
        try {
          loaded({ en: valueNames(body, 'en'), ar: valueNames(body, 'ar') }, null);
        } catch (err) {
          loaded({ en: NO_NAMES, ar: NO_NAMES }, errorText(err));
        }
      },
      (err: unknown) => loaded({ en: NO_NAMES, ar: NO_NAMES }, errorText(err))
    );
  }

  private currentZones(input: ControllerInput): ZoneSet {
    const { options, series } = input;
    if (options.zones.geometry === 'aggregator') {
      return this.aggregatorZones.zones;
    }
    const frame =
      (options.zones.geometryFrame
        ? selectFrames(series, options.zones.geometryFrame)
        : series.filter(hasZoneGeometry))[0] ?? null;
    if (frame !== this.frameZones.frame) {
      this.frameZones = { frame, zones: frame ? zonesFromFrame(frame) : { zones: [], skipped: [] } };
      this.frameZonesMissing = !frame;
    }
    return this.frameZones.zones;
  }

  private render() {
    const input = this.input;
    if (!input || this.disposed) {
      return;
    }
    const { options, theme, series } = input;
    const zones = this.currentZones(input);
    const populations = new Map(zones.zones.map((z) => [z.code, z.population]));
    const display = (field: Field) => getDisplayProcessor({ field, theme });
    const join = options.zones.enabled ? joinZoneValues(series, populations, options.zones, display) : EMPTY_JOIN;
    const paints = paintZones(
      zones.zones.map((z) => z.code),
      join,
      options.zones,
      themeBorderColor(theme.isDark)
    );
    this.data = { series, zones, join, paints, timeRange: input.timeRange, replaceVariables: input.replaceVariables };
    for (const s of this.slots.values()) {
      s.handle.update(this.data);
    }
    this.fit();
    this.publish();
  }

  private publish() {
    const input = this.input;
    if (!input || !this.data) {
      return;
    }
    const zones = this.data.zones;
    const fromFrame = input.options.zones.geometry === 'frame';
    const warnings = [
      skippedWarning(zones.skipped),
      !fromFrame && this.aggregatorZones.error ? this.aggregatorZones.error : null,
      fromFrame && this.frameZonesMissing && !isEmptyData(input.series)
        ? 'No frame with zone geometry (a zone_code and a GeoJSON geometry field)'
        : null,
      ...this.layerWarnings.values(),
      input.options.points.enabled && this.catalog.error
        ? translator(panelLanguage(input.options.language))('zonemap.names-failed', { reason: this.catalog.error })
        : null,
    ].filter((w): w is string => !!w);
    this.deps.onState({
      legend: input.options.showLegend ? this.legend() : null,
      warnings,
      noData: isEmptyData(input.series),
      loadingZones: this.aggregatorZones.loading && input.options.zones.geometry === 'aggregator',
      zones: zones.zones.length,
    });
  }

  /** The layers' slots, bottom to top (the registry's order). */
  private layersBottomUp(): Slot[] {
    return LAYER_TYPES.map((t) => this.slots.get(t.id)).filter((s): s is Slot => !!s);
  }

  /** The body the lowest layer gives (the zones' colours), then the sections of what is drawn over it (points, bins, hot-spot rings). */
  private legend(): LegendModel | null {
    const slots = this.layersBottomUp();
    const body = slots.map((s) => s.handle.legend?.() ?? null).find((l) => l !== null) ?? null;
    const sections = slots
      .map((s) => s.handle.legendSection?.() ?? null)
      .filter((s): s is LegendSection => !!s && s.items.length > 0);
    if (!sections.length) {
      return body;
    }
    return { ...(body ?? { title: '', kind: 'single', items: [] }), sections };
  }

  /** Fits the view when what it should show changed: the zones, the zones with data, or the fit option. */
  private fit() {
    const input = this.input;
    if (!input || !this.data || !this.map.getSize()) {
      return;
    }
    const { view: v, tvMode } = input.options;
    const withData = [...this.data.paints.entries()]
      .filter(([, p]) => p.hasData)
      .map(([c]) => c)
      .join(',');
    const key =
      v.fit === 'fixed'
        ? `fixed:${v.lon}:${v.lat}:${v.zoom}`
        : `${v.fit}:${v.padding}:${this.data.zones.zones.length}:${this.aggregatorZones.key}:${v.fit === 'data' ? withData : ''}`;
    if (key === this.fitKey) {
      return;
    }
    const view = this.map.getView();
    if (v.fit === 'fixed') {
      this.asPanelMove(() => {
        view.setCenter(fromLonLat([v.lon, v.lat]));
        view.setZoom(v.zoom);
      });
      this.fitKey = key;
      this.autoView = true;
      return;
    }
    const extent = this.fitExtent(v.fit);
    if (!extent) {
      return;
    }
    const pad = v.padding * (tvMode ? TV_SCALE.padding : 1);
    this.asPanelMove(() => view.fit(extent, { padding: [pad, pad, pad, pad], maxZoom: FIT_MAX_ZOOM }));
    this.fitKey = key;
    this.autoView = true;
  }

  /** 'data': the first layer, bottom up, whose data covers somewhere; 'zones': the first that draws something. */
  private fitExtent(mode: 'data' | 'zones'): Extent | null {
    for (const { handle } of this.layersBottomUp()) {
      const e = mode === 'data' ? handle.dataExtent?.() : handle.fullExtent?.();
      if (e && !isEmpty(e)) {
        return e;
      }
    }
    return null;
  }

  /**
   * What answers the pointer. Zones win at city zoom (the view the panel chose): a bin over a zone gives way to
   * the zone (its count joins the zone's tooltip), so the zone's name shows and a click drills down. Where the
   * viewer zoomed in, the request or bin under the pointer answers a hover. A click always goes to the zone
   * beneath (drill-down), whatever is drawn over it.
   */
  private hover(pixel: number[], click: boolean) {
    const data = this.data;
    if (!data) {
      return;
    }
    // The topmost answer of each role: the ground (a zone) and what is drawn over it.
    const answers: Record<PointerAnswer['role'], TooltipModel | null> = { ground: null, over: null };
    for (const slot of this.layersBottomUp().reverse()) {
      const pointer = slot.type.pointer;
      if (!pointer || !slot.handle.tooltip || answers[pointer.role]) {
        continue;
      }
      let hit: FeatureLike | undefined;
      this.map.forEachFeatureAtPixel(
        pixel,
        (f) => {
          hit = f;
          return true;
        },
        { layerFilter: (l) => l === slot.layer, hitTolerance: pointer.hitTolerance }
      );
      answers[pointer.role] = hit ? slot.handle.tooltip(hit, data) : null;
    }
    const { ground: zone, over } = answers;
    const found = pickTooltip(
      zone,
      over,
      { click, cityZoom: this.autoView },
      translator(panelLanguage(this.input?.options.language))('zonemap.under-pointer')
    );
    this.setHighlight(found?.zoneCode ?? null);
    this.target.style.cursor = zone ? 'pointer' : '';
    const info = found ? { x: pixel[0], y: pixel[1], model: found } : null;
    if (click) {
      const code = info?.model.zoneCode;
      if (info && code) {
        this.deps.onZoneClick(code, info);
      } else {
        this.deps.onClickElsewhere();
      }
    } else {
      this.deps.onHover(info);
    }
  }

  /** The drill-down selection (the zone the click variable names; null = the whole city). */
  setSelection(code: string | null) {
    for (const { handle } of this.slots.values()) {
      handle.setSelected?.(code);
    }
    this.selection = code;
  }

  private setHighlight(code: string | null) {
    for (const { handle } of this.slots.values()) {
      handle.setHighlight?.(code);
    }
  }
}
