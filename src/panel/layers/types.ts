// The layer registry's contract, after Grafana's geomap panel: each layer type is one file exporting its
// id, name, default options, options UI and create(map, options, env) → a handle with init(), update(data)
// and dispose(). The panel builds its options UI from registerOptionsUI once (panel options are static),
// and creates, updates and disposes the layers as the options and data change.
import type { DataFrame, GrafanaTheme2, InterpolateFunction, PanelOptionsEditorBuilder } from '@grafana/data';
import type BaseLayer from 'ol/layer/Base.js';
import type OlMap from 'ol/Map.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { AggregatorUrls } from '../aggregator/urls.ts';
import type { JoinResult } from '../data/join.ts';
import type { ZoneSet } from '../data/zones.ts';
import type { ZonePaint } from '../style/choropleth.ts';
import type { LegendModel, LegendSection } from '../style/legend.ts';
import type { LayersOptions, ZoneMapOptions } from '../types.ts';
import type { TypeScale } from '../style/type-scale.ts';
import type { PanelLanguage, Translate } from '../i18n.ts';
import type { ValueNames } from '../data/value-names.ts';

export type LayerId = keyof LayersOptions;

/** What every layer's options have. */
export interface LayerConfigBase {
  enabled: boolean;
}

/** What a layer is given at creation: it is recreated when any of it changes. */
export interface LayerEnv {
  theme: GrafanaTheme2;
  options: ZoneMapOptions;
  /** Type sizes for the panel's size, TV mode and pixel ratio (labels and hot-spot topics). */
  type: TypeScale;
  /** The panel's language and its strings. */
  lang: PanelLanguage;
  t: Translate;
  /** The names of categories, topics, channels... in the panel's language, from the aggregator's catalogue (none
   *  until it has loaded: read it when drawing, not at creation). */
  names(): ValueNames;
  urls: AggregatorUrls;
  /** GET JSON through Grafana (the datasource proxy adds the token). */
  fetchJson(url: string): Promise<unknown>;
  /** Reports a layer's trouble (a failed fetch) to the panel's warning line; null clears it. */
  report(message: string | null): void;
}

/** What every update gets. */
export interface MapData {
  series: DataFrame[];
  zones: ZoneSet;
  join: JoinResult;
  paints: Map<string, ZonePaint>;
  timeRange: { from: number; to: number };
  replaceVariables: InterpolateFunction;
}

export interface TooltipRow {
  label: string;
  value: string;
  /** Stable name for tests and styling: value, raw, population... */
  key?: string;
  dir?: 'ltr' | 'rtl';
  lang?: string;
}
export interface TooltipModel {
  title: string;
  titleAr?: string;
  rows: TooltipRow[];
  /** For a zone: its code (a click sets the variable) and its value's data links. */
  zoneCode?: string;
  /** A feature standing for many requests (a bin): over a zone at city zoom, the zone answers instead. */
  aggregate?: boolean;
  links?: Array<{ title: string; href: string; target?: string }>;
}

export interface LayerHandle {
  init(): BaseLayer;
  update(data: MapData): void;
  /** Called after the view moved (level of detail). */
  viewChanged?(): void;
  /** The tooltip for a feature of this layer under the pointer. */
  tooltip?(feature: FeatureLike, data: MapData): TooltipModel | null;
  /** The legend's body (the zones' colours); the first layer that gives one leads, the others add sections. */
  legend?(): LegendModel | null;
  /** What this layer's symbols mean, for the legend (points, bins, hot spots). */
  legendSection?(): LegendSection | null;
  /** The extent (map projection) this layer's data covers, for "fit to data". */
  dataExtent?(): number[] | null;
  /** The extent (map projection) of everything it draws, for the "All zones" view (the zones layer). */
  fullExtent?(): number[] | null;
  /** Outline one zone under the pointer (null: none); a layer drawing zones does. */
  setHighlight?(code: string | null): void;
  /** The drill-down selection: outline this zone and dim the others (null: the whole city); a layer drawing zones does. */
  setSelected?(code: string | null): void;
  dispose(): void;
}

/**
 * How a layer's features answer the pointer. 'ground': the areas beneath everything, which a click drills into
 * (the zones); 'over': what is drawn over them (requests, bins, hot spots), which answers a hover where the viewer
 * zoomed in (map/pick-tooltip.ts). The topmost layer of each role that has a feature under the pointer answers.
 */
export interface PointerAnswer {
  role: 'ground' | 'over';
  /** Pixels around the pointer within which a feature is still under it. */
  hitTolerance: number;
}

export interface MapLayerType<C extends LayerConfigBase> {
  id: LayerId;
  name: string;
  description: string;
  defaultOptions: C;
  /** Its features answer the pointer (through the handle's tooltip); absent: they do not. */
  pointer?: PointerAnswer;
  /** Its type sizes follow the panel's type scale (labels, hot-spot topics): recreated when the scale changes. */
  followsTypeScale?: boolean;
  /** Adds this layer's options to the panel editor under `<id>.` (e.g. `zones.valueField`) in its own category. */
  registerOptionsUI(builder: PanelOptionsEditorBuilder<ZoneMapOptions>): void;
  create(map: OlMap, options: C, env: LayerEnv): LayerHandle;
}
