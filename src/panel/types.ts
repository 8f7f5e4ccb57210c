// The panel's options, declared once, with their defaults beside them. Each layer declares its own
// options and defaults in its file under layers/ (see layers/registry.ts); they are nested here by layer id.
import type { ZonesConfig } from './layers/zones.ts';
import type { PointsConfig } from './layers/points.ts';
import type { HeatmapConfig } from './layers/heatmap.ts';
import type { HotspotsConfig } from './layers/hotspots.ts';
import type { LabelsConfig } from './layers/labels.ts';
import { OPTIONS_VERSION } from './migration/handler.ts';

export type Renderer = 'canvas' | 'webgl';
export type BasemapType = 'none' | 'xyz' | 'wmts';
export type FitMode = 'data' | 'zones' | 'fixed';
export type Language = 'en' | 'ar';

export interface BasemapOptions {
  type: BasemapType;
  /** XYZ: https://tiles.example/{z}/{x}/{y}.png; WMTS: a REST template with {TileMatrix}/{TileRow}/{TileCol}, or the KVP endpoint. */
  url: string;
  attribution: string;
  opacity: number;
  /** WMTS (KVP) layer, tile matrix set, style and format. */
  wmtsLayer: string;
  wmtsMatrixSet: string;
  wmtsStyle: string;
  wmtsFormat: string;
}

export interface ViewOptions {
  /** 'data': the zones with data (else all zones, else the points); 'zones': all zones; 'fixed': lon/lat/zoom. */
  fit: FitMode;
  lon: number;
  lat: number;
  zoom: number;
  /** Padding around the fitted extent, in pixels. */
  padding: number;
}

export interface LayersOptions {
  zones: ZonesConfig;
  points: PointsConfig;
  heatmap: HeatmapConfig;
  hotspots: HotspotsConfig;
  labels: LabelsConfig;
}

export interface ZoneMapOptions extends LayersOptions {
  /** The version of the options' shape (migration/steps.ts); a panel saved before versions has none (0). */
  optionsVersion: number;
  /** The Services 360 datasource whose proxy route reaches the aggregator (zones, tiles, hot spots). */
  datasourceUid: string;
  /** Language of the panel's strings and of the names the aggregator returns: en, ar, or a dashboard variable
   *  holding one (`$language`), resolved when the panel renders. */
  language: Language | string;
  /** Dashboard variable set by a click on a zone ('' = none). */
  variableName: string;
  /** Wall screen: large labels and legend, no controls, refit on resize. */
  tvMode: boolean;
  /** Renderer of the request points and heat map: canvas (any machine) or WebGL (pays off with a GPU). */
  renderer: Renderer;
  showLegend: boolean;
  view: ViewOptions;
  basemap: BasemapOptions;
}

export type PanelLevelOptions = Omit<ZoneMapOptions, keyof LayersOptions>;

export const DEFAULT_OPTIONS: PanelLevelOptions = {
  optionsVersion: OPTIONS_VERSION,
  datasourceUid: 'services360-requests',
  language: 'en',
  variableName: 'zone',
  tvMode: false,
  renderer: 'canvas',
  showLegend: true,
  view: { fit: 'data', lon: 55.27, lat: 25.2, zoom: 10, padding: 16 },
  basemap: {
    type: 'none',
    url: '',
    attribution: '',
    opacity: 1,
    wmtsLayer: '',
    wmtsMatrixSet: 'GoogleMapsCompatible',
    wmtsStyle: 'default',
    wmtsFormat: 'image/png',
  },
};

/** Sizes that change in TV mode (type sizes: style/type-scale.ts). */
export const TV_SCALE = { padding: 2 };
