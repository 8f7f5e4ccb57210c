// The zooms of the aggregator's request tiles, as its TileJSON document states them (GET /v1/tiles/requests.json,
// from its settings S360_TILE_MAX_ZOOM and S360_TILE_BIN_MAX_ZOOM): the most detailed tile it serves (OpenLayers
// overzooms beyond) and the first zoom whose tiles hold the requests themselves (below it they are binned). Pure.
import { TILE_LAYER } from '../layers/points/kinds.ts';

export interface RequestTileZooms {
  /** The most detailed request tile the panel asks for (TileJSON `maxzoom`). */
  maxZoom: number;
  /** The first zoom of point tiles (the `minzoom` of the tiles' layer `requests`). */
  pointMinZoom: number;
}

/** The aggregator's defaults: what the panel uses while the document loads, or when it cannot be read. */
export const DEFAULT_TILE_ZOOMS: RequestTileZooms = { maxZoom: 16, pointMinZoom: 14 };

/** Web Mercator tile zooms a TileJSON may state (0–30, as the TileJSON 3.0.0 specification allows). */
const MAX_TILEJSON_ZOOM = 30;

/** The zooms a TileJSON document states; each one missing or not a tile zoom is the default. */
export function tileZoomsOf(tileJson: unknown): RequestTileZooms {
  const doc = isObject(tileJson) ? tileJson : {};
  const layers = Array.isArray(doc.vector_layers) ? doc.vector_layers : [];
  const requests = layers.find((l): l is Record<string, unknown> => isObject(l) && l.id === TILE_LAYER.requests);
  return {
    maxZoom: zoomOr(doc.maxzoom, DEFAULT_TILE_ZOOMS.maxZoom),
    pointMinZoom: zoomOr(requests?.minzoom, DEFAULT_TILE_ZOOMS.pointMinZoom),
  };
}

function zoomOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TILEJSON_ZOOM
    ? value
    : fallback;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
