// Heat map of the requests in a frame (lon/lat or GeoJSON points). The points are first binned in small
// cells weighted by count (so 100,000 requests stay a few thousand weighted points). OpenLayers' heat map
// draws with WebGL whatever the renderer option: on a machine without a GPU it runs in software, so it is
// off by default.
import type { DataFrame, PanelOptionsEditorBuilder } from '@grafana/data';
import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import Point from 'ol/geom/Point.js';
import Heatmap from 'ol/layer/Heatmap.js';
import VectorSource from 'ol/source/Vector.js';
import { findPointColumns } from '../data/points.ts';
import { binPoints, type Bin } from '../lod/binning.ts';
import { binsForView, cellSizeFor } from '../lod/detail.ts';
import { bufferExtent, EMPTY_POINTS, pointSet, type Extent, type PointSet } from '../lod/points.ts';
import type { ZoneMapOptions } from '../types.ts';
import type { LayerConfigBase, LayerEnv, MapData, MapLayerType } from './types.ts';

export interface HeatmapConfig extends LayerConfigBase {
  frame: string;
  radius: number;
  blur: number;
  opacity: number;
  /** Most weighted points drawn for a view. */
  maxFeatures: number;
}

const defaultOptions: HeatmapConfig = {
  enabled: false,
  frame: '',
  radius: 12,
  blur: 18,
  opacity: 0.8,
  maxFeatures: 5000,
};
const CATEGORY = ['Heat map'];
const CELL_PIXELS = 6;

export const heatmapLayer: MapLayerType<HeatmapConfig> = {
  id: 'heatmap',
  name: 'Heat map',
  description: 'Density of the requests in a frame',
  defaultOptions,

  registerOptionsUI(builder: PanelOptionsEditorBuilder<ZoneMapOptions>) {
    const on = (o: ZoneMapOptions) => !!o.heatmap?.enabled;
    builder
      .addBooleanSwitch({
        path: 'heatmap.enabled',
        name: 'Show heat map',
        description: 'Of the requests in a frame (lon/lat); drawn with WebGL',
        category: CATEGORY,
        defaultValue: defaultOptions.enabled,
      })
      .addTextInput({
        path: 'heatmap.frame',
        name: 'Frame',
        description: 'refId or name; empty = the first frame with lon/lat',
        category: CATEGORY,
        defaultValue: defaultOptions.frame,
        showIf: on,
      })
      .addSliderInput({
        path: 'heatmap.radius',
        name: 'Radius',
        category: CATEGORY,
        defaultValue: defaultOptions.radius,
        settings: { min: 2, max: 50, step: 1 },
        showIf: on,
      })
      .addSliderInput({
        path: 'heatmap.blur',
        name: 'Blur',
        category: CATEGORY,
        defaultValue: defaultOptions.blur,
        settings: { min: 1, max: 50, step: 1 },
        showIf: on,
      })
      .addSliderInput({
        path: 'heatmap.opacity',
        name: 'Opacity',
        category: CATEGORY,
        defaultValue: defaultOptions.opacity,
        settings: { min: 0.1, max: 1, step: 0.05 },
        showIf: on,
      });
  },

  create(map: OlMap, config: HeatmapConfig, env: LayerEnv) {
    const source = new VectorSource<Feature<Point>>();
    const layer = new Heatmap({
      source,
      radius: config.radius,
      blur: config.blur,
      opacity: config.opacity,
      weight: 'weight',
      properties: { id: 'heatmap' },
      gradient: ['blue', 'green', 'yellow', 'orange', 'red'].map((c) => env.theme.visualization.getColorByName(c)),
    });
    let frame: DataFrame | null = null;
    let points: PointSet = EMPTY_POINTS;
    let cache = new Map<number, Bin[]>();
    let shown = '';
    const binsAt = (cell: number) => {
      let bins = cache.get(cell);
      if (!bins) {
        bins = binPoints(points, cell, 0);
        cache.set(cell, bins);
      }
      return bins;
    };

    const refresh = () => {
      const size = map.getSize(),
        resolution = map.getView().getResolution();
      if (!size || !resolution || !points.n) {
        source.clear(true);
        shown = '';
        return;
      }
      const extent = bufferExtent(map.getView().calculateExtent(size) as Extent, 0.5);
      const { bins, cellSize } = binsForView(
        binsAt,
        { cellSize: cellSizeFor(resolution, CELL_PIXELS), extent },
        config.maxFeatures
      );
      const key = `${cellSize}:${bins.length}:${bins[0]?.x}`;
      if (key === shown) {
        return;
      }
      shown = key;
      const max = bins.reduce((m, b) => Math.max(m, b.count), 1);
      source.clear(true);
      source.addFeatures(
        bins.map((b) => {
          const f = new Feature<Point>(new Point([b.x, b.y]));
          f.set('weight', Math.sqrt(b.count / max), true);
          return f;
        })
      );
    };

    return {
      init: () => layer,
      update(data: MapData) {
        const cols = findPointColumns(data.series, {
          frame: config.frame,
          lon: '',
          lat: '',
          geometry: '',
          colorBy: '',
        });
        if (cols?.frame !== frame || !frame) {
          frame = cols?.frame ?? null;
          points = cols ? pointSet(cols.lon, cols.lat, () => 0) : EMPTY_POINTS;
          cache = new Map();
          shown = '';
        }
        refresh();
      },
      viewChanged: refresh,
      dispose() {
        layer.setSource(null);
        source.clear(true);
        source.dispose();
        layer.dispose();
        cache.clear();
      },
    };
  },
};
