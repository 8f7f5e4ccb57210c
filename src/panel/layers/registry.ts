// The layer types, bottom to top: zones, heat map, request points, hot spots, labels.
import type { LayerConfigBase, LayerId, MapLayerType } from './types.ts';
import { zonesLayer } from './zones.ts';
import { heatmapLayer } from './heatmap.ts';
import { pointsLayer } from './points.ts';
import { hotspotsLayer } from './hotspots.ts';
import { labelsLayer } from './labels.ts';

export const LAYER_TYPES: Array<MapLayerType<LayerConfigBase>> = [
  zonesLayer,
  heatmapLayer,
  pointsLayer,
  hotspotsLayer,
  labelsLayer,
];

export function layerType(id: LayerId): MapLayerType<LayerConfigBase> {
  const t = LAYER_TYPES.find((l) => l.id === id);
  if (!t) {
    throw new Error(`unknown layer type ${id}`);
  }
  return t;
}
