// The optional base map: none (the default: a wall screen works offline), XYZ tiles, or WMTS in web
// mercator (a REST template with {TileMatrix}/{TileRow}/{TileCol}, or a KVP endpoint).
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import WMTS from 'ol/source/WMTS.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import { get as getProjection } from 'ol/proj.js';
import { getTopLeft, getWidth } from 'ol/extent.js';
import type { BasemapOptions } from '../types.ts';

const MAX_ZOOM = 20;

export function createBasemap(o: BasemapOptions): TileLayer | null {
  if (o.type === 'none' || !o.url.trim()) {
    return null;
  }
  const attributions = o.attribution ? [o.attribution] : undefined;
  if (o.type === 'xyz') {
    return new TileLayer({
      source: new XYZ({ url: o.url.trim(), attributions, crossOrigin: 'anonymous', maxZoom: MAX_ZOOM }),
      opacity: o.opacity,
      properties: { id: 'basemap' },
      zIndex: 0,
    });
  }
  // Web Mercator is one of OpenLayers' built-in projections: always there.
  const mercator = getProjection('EPSG:3857');
  if (!mercator) {
    throw new Error('OpenLayers has no EPSG:3857 projection');
  }
  const extent = mercator.getExtent();
  const size = getWidth(extent) / 256;
  const resolutions = Array.from({ length: MAX_ZOOM + 1 }, (_, z) => size / 2 ** z);
  const matrixIds = resolutions.map((_, z) => String(z));
  const rest = /\{TileMatrix\}/i.test(o.url);
  return new TileLayer({
    source: new WMTS({
      url: o.url.trim(),
      requestEncoding: rest ? 'REST' : 'KVP',
      layer: o.wmtsLayer,
      matrixSet: o.wmtsMatrixSet,
      style: o.wmtsStyle,
      format: o.wmtsFormat,
      projection: 'EPSG:3857',
      tileGrid: new WMTSTileGrid({ origin: getTopLeft(extent), resolutions, matrixIds }),
      attributions,
      crossOrigin: 'anonymous',
      wrapX: true,
    }),
    opacity: o.opacity,
    properties: { id: 'basemap' },
    zIndex: 0,
  });
}

export const basemapKey = (o: BasemapOptions) => JSON.stringify(o.type === 'none' ? { type: 'none' } : o);
