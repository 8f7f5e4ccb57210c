// The request points layer: its options, and one of its two sources (points/): the aggregator's vector tiles
// (tile-points.ts) or a frame (frame-points.ts), with level of detail either way. Canvas by default; WebGL by the
// panel's renderer option.
import type { PanelOptionsEditorBuilder } from '@grafana/data';
import type OlMap from 'ol/Map.js';
import type { ZoneMapOptions } from '../types.ts';
import type { LayerConfigBase, LayerEnv, MapLayerType } from './types.ts';
import { framePoints } from './points/frame-points.ts';
import { pointsLook } from './points/look.ts';
import { tilePoints } from './points/tile-points.ts';

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
/** The fields of a frame that place the points, in the order the editor shows them. */
const FRAME_FIELDS = [
  { key: 'lonField', name: 'Longitude field', description: 'Empty = lon, lng or longitude' },
  { key: 'latField', name: 'Latitude field', description: 'Empty = lat or latitude' },
  { key: 'geometryField', name: 'Geometry field', description: 'GeoJSON points, when there is no lon/lat' },
] as const;
type NumberOption = { [K in keyof PointsConfig]: PointsConfig[K] extends number ? K : never }[keyof PointsConfig];
type Slider = {
  key: NumberOption;
  name: string;
  settings: { min: number; max: number; step: number };
  frameOnly: boolean;
};
/** The sliders, in the order the editor shows them; `frameOnly`: for points from a frame (the level of detail). */
const SLIDERS: readonly Slider[] = [
  { key: 'pointsMinZoom', name: 'Raw points from zoom', settings: { min: 8, max: 20, step: 1 }, frameOnly: true },
  { key: 'binPixels', name: 'Bin size (px)', settings: { min: 10, max: 120, step: 5 }, frameOnly: true },
  { key: 'pointRadius', name: 'Point radius', settings: { min: 1, max: 12, step: 0.5 }, frameOnly: false },
  { key: 'binMaxRadius', name: 'Largest bin radius', settings: { min: 6, max: 40, step: 1 }, frameOnly: false },
  { key: 'opacity', name: 'Opacity', settings: { min: 0.1, max: 1, step: 0.05 }, frameOnly: false },
];

export const pointsLayer: MapLayerType<PointsConfig> = {
  id: 'points',
  name: 'Request points',
  description: 'Requests as points, binned at city zoom',
  pointer: { role: 'over', hitTolerance: 3 },
  defaultOptions,

  registerOptionsUI(builder: PanelOptionsEditorBuilder<ZoneMapOptions>) {
    const on = (o: ZoneMapOptions) => o.points?.enabled !== false;
    const frame = (o: ZoneMapOptions) => on(o) && o.points?.source === 'frame';
    builder
      .addBooleanSwitch({
        path: 'points.enabled',
        name: 'Show requests',
        category: CATEGORY,
        defaultValue: defaultOptions.enabled,
      })
      .addRadio({
        path: 'points.source',
        name: 'Requests from',
        category: CATEGORY,
        defaultValue: defaultOptions.source,
        showIf: on,
        settings: {
          options: [
            { value: 'tiles', label: 'Aggregator tiles' },
            { value: 'frame', label: 'A frame (lon/lat)' },
          ],
        },
      })
      .addTextInput({
        path: 'points.frame',
        name: 'Frame',
        description: 'refId or name; empty = the first frame with lon/lat',
        category: CATEGORY,
        defaultValue: defaultOptions.frame,
        showIf: frame,
      });
    for (const { key, name, description } of FRAME_FIELDS) {
      builder.addFieldNamePicker({
        path: `points.${key}`,
        name,
        description,
        category: CATEGORY,
        defaultValue: defaultOptions[key],
        showIf: frame,
      });
    }
    builder
      .addTextInput({
        path: 'points.colorBy',
        name: 'Colour by',
        description: 'Field or tile property: category, sla_state, status_class, channel, priority',
        category: CATEGORY,
        defaultValue: defaultOptions.colorBy,
        showIf: on,
      })
      .addTextInput({
        path: 'points.tileQuery',
        name: 'Tile filters',
        description: 'Query string with variables, e.g. zone=$zone&channel=$channel',
        category: CATEGORY,
        defaultValue: defaultOptions.tileQuery,
        showIf: (o) => on(o) && o.points?.source !== 'frame',
      })
      .addNumberInput({
        path: 'points.maxFeatures',
        name: 'Most features in view',
        category: CATEGORY,
        defaultValue: defaultOptions.maxFeatures,
        settings: { min: 100, max: 20000, integer: true },
        showIf: frame,
      });
    for (const { key, name, settings, frameOnly } of SLIDERS) {
      builder.addSliderInput({
        path: `points.${key}`,
        name,
        category: CATEGORY,
        defaultValue: defaultOptions[key],
        settings,
        showIf: frameOnly ? frame : on,
      });
    }
  },

  create(map: OlMap, config: PointsConfig, env: LayerEnv) {
    const look = pointsLook(env.theme, config, env.options.renderer === 'webgl');
    return config.source === 'frame' ? framePoints(map, config, env, look) : tilePoints(map, config, env, look);
  },
};
