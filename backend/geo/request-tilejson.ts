// The request tiles' TileJSON 3.0.0 document (GET /v1/tiles/requests.json), as martin and pg_tileserv describe
// their layers: the zooms a map should ask for and the tiles' two layers with their zooms and properties, from the
// settings (tileMaxZoom, tileBinMaxZoom), so a map reads them instead of copying them. Pure.
import type { Config } from '../config.ts';

export type TileJsonSettings = Pick<Config, 'tileBinMaxZoom' | 'tileMaxZoom'>;

type VectorLayer = {
  id: string;
  description: string;
  minzoom: number;
  maxzoom: number;
  fields: Record<string, 'Number' | 'String'>;
};

export type RequestTileJson = {
  tilejson: '3.0.0';
  name: string;
  description: string;
  /** Relative to the document (it is also reached through proxies, such as Grafana's datasource proxy). */
  tiles: string[];
  scheme: 'xyz';
  minzoom: number;
  maxzoom: number;
  vector_layers: VectorLayer[];
};

/** The properties of a feature of the layer `requests` (sql/geo/tile_points_encode.sql): codes only, no personal data. */
const REQUEST_FIELDS = {
  id: 'Number',
  category: 'String',
  channel: 'String',
  topic: 'String',
  status: 'String',
  stage: 'String',
  sla_state: 'String',
} as const;

export function requestTileJson(s: TileJsonSettings): RequestTileJson {
  return {
    tilejson: '3.0.0',
    name: 'Services 360 requests',
    description: 'Customer requests in the time range (from, to) and filters given with each tile',
    tiles: ['requests/{z}/{x}/{y}.mvt'],
    scheme: 'xyz',
    minzoom: 0,
    maxzoom: s.tileMaxZoom,
    vector_layers: [
      {
        id: 'requests',
        description: 'One point a request',
        minzoom: s.tileBinMaxZoom + 1,
        maxzoom: s.tileMaxZoom,
        fields: { ...REQUEST_FIELDS },
      },
      {
        id: 'bins',
        minzoom: 0,
        maxzoom: s.tileMaxZoom,
        fields: { count: 'Number' },
        description: `Requests counted in bins up to zoom ${s.tileBinMaxZoom}; above, a busy point tile over a long range as its exact zoom-18 cells`,
      },
    ],
  };
}
