// The request points from a frame (lon/lat or GeoJSON points): binned density at city zoom, raw points only when
// zoomed in and few enough are in view (lod/detail.ts), so the layer never holds more than `maxFeatures` features.
import type { DataFrame } from '@grafana/data';
import Feature, { type FeatureLike } from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import WebGLVectorLayer from 'ol/layer/WebGLVector.js';
import VectorSource from 'ol/source/Vector.js';
import { fieldByName } from '../../data/fields.ts';
import { findPointColumns } from '../../data/points.ts';
import { NO_NAMES, type ValueNames } from '../../data/value-names.ts';
import type { Translate } from '../../i18n.ts';
import { binPoints, binRadius, type Bin } from '../../lod/binning.ts';
import { binsForView, chooseDetail } from '../../lod/detail.ts';
import { EMPTY_POINTS, indicesInExtent, pointSet, type Extent, type PointSet } from '../../lod/points.ts';
import { humanize, type CategoryPalette } from '../../style/palette.ts';
import { framePointsStyle } from '../../style/points.ts';
import type { LayerEnv, LayerHandle, MapData, TooltipModel } from '../types.ts';
import type { PointsConfig } from '../points.ts';
import { FRAME_FEATURE_KIND } from './kinds.ts';
import { pointsLegend } from './legend.ts';
import type { PointsLook } from './look.ts';
import {
  REQUEST_TOOLTIP_FIELDS,
  journeyNamesOf,
  requestTooltip,
  valueName,
  type JourneyNames,
} from './request-tooltip.ts';

export function framePoints(map: OlMap, config: PointsConfig, env: LayerEnv, look: PointsLook): LayerHandle {
  const source = new VectorSource<Feature<Point>>();
  let palette: CategoryPalette = look.palette(config.colorBy, []);
  const journey = journeyNamesOf(env);
  const makeLayer = () => {
    const style = framePointsStyle(palette, look.style) as never;
    if (look.webgl) {
      return new WebGLVectorLayer({ source, style, properties: { id: 'points' } });
    }
    return new VectorLayer({
      source,
      style,
      properties: { id: 'points' },
      updateWhileAnimating: true,
      updateWhileInteracting: true,
    });
  };
  const layer = makeLayer();
  let frame: DataFrame | null = null;
  let points: PointSet = EMPTY_POINTS;
  let colorValues: ArrayLike<unknown> = [];
  let binCache = new Map<number, Bin[]>();
  let shown = '';

  const binsAt = (cell: number) => {
    let bins = binCache.get(cell);
    if (!bins) {
      bins = binPoints(points, cell, palette.values.length);
      binCache.set(cell, bins);
    }
    return bins;
  };

  /** Replaces the features with what the view needs (points or bins); skips work when nothing changed. */
  const refresh = () => {
    const size = map.getSize();
    const view = map.getView();
    const resolution = view.getResolution();
    if (!size || !resolution || !points.n) {
      if (shown) {
        source.clear(true);
        shown = '';
      }
      return;
    }
    const extent = view.calculateExtent(size) as Extent;
    const limits = {
      maxFeatures: config.maxFeatures,
      pointsMinZoom: config.pointsMinZoom,
      binPixels: config.binPixels,
    };
    const detail = chooseDetail(points, extent, resolution, limits);
    const features: Array<Feature<Point>> = [];
    let key: string;
    if (detail.mode === 'points') {
      const idx = indicesInExtent(points, detail.extent);
      key = `p:${idx.length}:${idx[0]}:${idx[idx.length - 1]}`;
      if (key === shown) {
        return;
      }
      for (const i of idx) {
        features.push(
          feature(points.x[i], points.y[i], {
            kind: FRAME_FEATURE_KIND.request,
            cls: points.cls[i],
            row: points.row[i],
          })
        );
      }
    } else {
      const { bins, cellSize } = binsForView(binsAt, detail, config.maxFeatures);
      key = `b:${cellSize}:${bins.length}:${bins[0]?.x}:${bins[bins.length - 1]?.x}`;
      if (key === shown) {
        return;
      }
      const max = bins.reduce((m, b) => Math.max(m, b.count), 1);
      for (const b of bins) {
        const r = binRadius(b.count, max, config.binMinRadius, config.binMaxRadius);
        features.push(feature(b.x, b.y, { kind: FRAME_FEATURE_KIND.bin, cls: b.cls, count: b.count, r }));
      }
    }
    shown = key;
    source.clear(true);
    source.addFeatures(features);
  };

  return {
    init: () => layer,
    update(data: MapData) {
      const cols = findPointColumns(data.series, {
        frame: config.frame,
        lon: config.lonField,
        lat: config.latField,
        geometry: config.geometryField,
        colorBy: config.colorBy,
      });
      if (cols?.frame === frame && frame) {
        refresh();
        return;
      }
      frame = cols?.frame ?? null;
      colorValues = cols?.colorField?.values ?? [];
      const next = look.palette(config.colorBy, Array.from(colorValues));
      if (next.values.join('\u0000') !== palette.values.join('\u0000')) {
        palette = next;
        layer.setStyle(framePointsStyle(palette, look.style) as never);
      }
      points = cols ? pointSet(cols.lon, cols.lat, (row) => palette.classOf(colorValues[row])) : EMPTY_POINTS;
      binCache = new Map();
      shown = '';
      refresh();
    },
    viewChanged: refresh,
    tooltip(f: FeatureLike): TooltipModel | null {
      if (f.get('kind') === FRAME_FEATURE_KIND.bin) {
        const mostly = palette.values[Number(f.get('cls'))];
        const rows = mostly
          ? [{ label: env.t('zonemap.mostly'), value: valueName(env.names(), config.colorBy, mostly) }]
          : [];
        return { title: env.t('zonemap.requests', { count: Number(f.get('count')) }), aggregate: true, rows };
      }
      return framePointTooltip(frame, Number(f.get('row')), config.colorBy, env.t, env.names(), journey);
    },
    dataExtent: () => (points.extent ? [...points.extent] : null),
    legendSection: () => pointsLegend(palette, look.style, env.t, env.names()),
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
export function framePointTooltip(
  frame: DataFrame | null,
  row: number,
  colorBy: string,
  t: Translate,
  names: ValueNames = NO_NAMES,
  journey?: JourneyNames
): TooltipModel {
  const at = (name: string) => (frame ? fieldByName(frame, name)?.values[row] : undefined);
  const tooltip = requestTooltip(at, t, names, journey);
  const shown = (REQUEST_TOOLTIP_FIELDS as readonly string[]).includes(colorBy);
  const value = at(colorBy);
  if (colorBy && !shown && value !== undefined && value !== null && value !== '') {
    tooltip.rows.push({
      key: 'color',
      label: names.property(colorBy) ?? humanize(colorBy),
      value: valueName(names, colorBy, String(value)),
    });
  }
  return tooltip;
}

function feature(x: number, y: number, props: Record<string, number>): Feature<Point> {
  const f = new Feature<Point>(new Point([x, y]));
  f.setProperties(props, true);
  return f;
}
