// The geo and recurrence routes: zones GeoJSON, zone statistics, request vector tiles, recurring topics
// and hot spots.
import type { Config } from '../config.ts';
import { MAX_TILE_ZOOM, tileOf } from '../geo/tile-coords.ts';
import { ZONE_METRICS } from '../geo/zone-stats.ts';
import { BEARER, FILTER_PARAM_REFS } from './components.ts';
import { errors, int, json, nullable, num, obj, param, ref, str, type Json, type Paths } from './kit.ts';

const header = (description: string, schema: Json = { type: 'string' }): Json => ({ description, schema });

export function geoPaths(config: Config): Paths {
  const sample = tileOf(55.2, 25.2, 12);
  const tileParam = (name: 'z' | 'x' | 'y', description: string, example: number): Json => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'integer', minimum: 0 },
    example,
  });
  const limit: Json = {
    name: 'limit',
    in: 'query',
    required: false,
    description: 'most hot spots returned, largest first',
    schema: { type: 'integer', minimum: 1, maximum: config.hotspotMaxRows, default: config.hotspotMaxRows },
  };
  const hotspotRange =
    'Without from/to: the current hot spots (refreshed by the recurrence job); with `to` alone: ' +
    `the ${config.hotspotWindowDays} days ending there; with both: that window.`;
  return {
    '/v1/zones.geojson': {
      get: {
        tags: ['geo'],
        operationId: 'zonesGeojson',
        summary: 'The zones as GeoJSON, simplified for a zoom level',
        security: BEARER,
        description: 'Scope `read`. Cached; strong ETag (304 on If-None-Match); gzip when accepted.',
        parameters: [
          {
            name: 'zoom',
            in: 'query',
            required: false,
            schema: { type: 'number', minimum: 0, maximum: MAX_TILE_ZOOM, default: 10 },
          },
          param('language'),
          {
            name: 'kind',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['all', 'community', 'public_site'], default: 'all' },
          },
          { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
        ],
        responses: {
          200: {
            description:
              'A FeatureCollection; properties code, name_en, name_ar, name, kind, parent_code, population, population_year, population_synthetic, area_km2',
            headers: { ETag: header('strong entity tag'), 'X-Zoom-Level': header('the simplification level used') },
            content: { 'application/geo+json': { schema: ref('FeatureCollection') } },
          },
          304: { description: 'Not modified (If-None-Match matched)' },
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/v1/zones/stats': {
      get: {
        tags: ['geo'],
        operationId: 'zoneStats',
        summary: 'One value per zone, for a choropleth join by zone code',
        security: BEARER,
        description: `Scope \`read\`. Range default: the last ${config.tileDefaultDays} days.`,
        parameters: [
          param('from'),
          param('to'),
          {
            name: 'metric',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: [...ZONE_METRICS], default: 'received' },
          },
          ...FILTER_PARAM_REFS,
        ],
        responses: {
          200: json(
            'Per zone',
            obj({
              metric: { type: 'string', enum: [...ZONE_METRICS] },
              from: str(),
              to: str(),
              rows: {
                type: 'array',
                items: obj({ zone_code: str(), value: nullable(num()), population: nullable(int()) }),
              },
            })
          ),
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/v1/tiles/requests.json': {
      get: {
        tags: ['geo'],
        operationId: 'requestTileJson',
        summary: "The request tiles' TileJSON 3.0.0 document: their zooms and layers",
        security: BEARER,
        description:
          `Scope \`read\`. \`maxzoom\`: the most detailed tile a map should ask for (S360_TILE_MAX_ZOOM, ${config.tileMaxZoom}); ` +
          `layer \`requests\` from zoom ${config.tileBinMaxZoom + 1} (S360_TILE_BIN_MAX_ZOOM + 1). \`tiles\` is relative to the document.`,
        responses: {
          200: json(
            'The TileJSON document',
            obj({
              tilejson: str(undefined, { const: '3.0.0' }),
              name: str(),
              description: str(),
              tiles: { type: 'array', items: str() },
              scheme: str(undefined, { const: 'xyz' }),
              minzoom: int(),
              maxzoom: int(),
              vector_layers: {
                type: 'array',
                items: obj({
                  id: str('requests | bins'),
                  description: str(),
                  minzoom: int(),
                  maxzoom: int(),
                  fields: { type: 'object', additionalProperties: { enum: ['Number', 'String'] } },
                }),
              },
            })
          ),
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/v1/tiles/requests/{z}/{x}/{y}.mvt': {
      parameters: [
        tileParam('z', `zoom, 0–${MAX_TILE_ZOOM}`, sample.z),
        tileParam('x', 'column, below 2^z', sample.x),
        tileParam('y', 'row, below 2^z', sample.y),
      ],
      get: {
        tags: ['geo'],
        operationId: 'requestTile',
        summary: 'Requests as a Mapbox vector tile',
        security: BEARER,
        description:
          `Scope \`read\`. Layer \`requests\` (points) above zoom ${config.tileBinMaxZoom}, layer \`bins\` (with \`count\`) at or below; ` +
          `at most ${config.maxTileFeatures} features a tile. Range default: the last ${config.tileDefaultDays} days. ` +
          `A point tile (up to zoom 18) over more than 35 days, without filters, holding more than ` +
          `${Math.min(config.tileCellsAbove, config.maxTileFeatures)} ` +
          'requests comes as layer `bins`: its exact zoom-18 cells with `count` (X-Tile-Layer says which).',
        parameters: [param('from'), param('to'), ...FILTER_PARAM_REFS],
        responses: {
          200: {
            description: 'The tile',
            headers: {
              'X-Tile-Layer': header('requests | bins'),
              'X-Tile-Capped': header('present when the feature cap was hit: the cap'),
            },
            content: {
              'application/vnd.mapbox-vector-tile': {
                schema: { type: 'string', contentMediaType: 'application/vnd.mapbox-vector-tile' },
              },
            },
          },
          204: { description: 'No request in this tile' },
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/v1/recurrence/topics': {
      get: {
        tags: ['recurrence'],
        operationId: 'recurringTopics',
        summary: 'Topics by volume with their change against the previous equal period',
        security: BEARER,
        description: `Scope \`read\`. Range default: the last ${config.hotspotWindowDays} days.`,
        parameters: [
          param('from'),
          param('to'),
          {
            name: 'topN',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: config.recurrenceMaxTopN, default: 10 },
          },
          param('language'),
          ...FILTER_PARAM_REFS,
        ],
        responses: {
          200: json(
            'The topics',
            obj({
              from: str(),
              to: str(),
              previous_from: str(),
              previous_to: str(),
              topics: { type: 'array', items: ref('TopicTrend') },
            })
          ),
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/v1/recurrence/hotspots': {
      get: {
        tags: ['recurrence'],
        operationId: 'hotspots',
        summary: 'Spatial hot spots (same topic, close in space and time) as rows',
        security: BEARER,
        description: `Scope \`read\`. ${hotspotRange}`,
        parameters: [
          param('from'),
          param('to'),
          param('language'),
          {
            name: 'format',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['table'], default: 'table' },
          },
          limit,
          ...FILTER_PARAM_REFS,
        ],
        responses: {
          200: json(
            'The hot spots',
            obj({
              source: { type: 'string', enum: ['table', 'live'] },
              from: str(),
              to: str(),
              computed_at: nullable(str()),
              rows: { type: 'array', items: ref('Hotspot') },
            })
          ),
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/v1/recurrence/hotspots.geojson': {
      get: {
        tags: ['recurrence'],
        operationId: 'hotspotsGeojson',
        summary: 'Hot spots as a GeoJSON FeatureCollection',
        security: BEARER,
        description: `Scope \`read\`. ${hotspotRange}`,
        parameters: [
          param('from'),
          param('to'),
          param('language'),
          {
            name: 'geometry',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['centroid', 'hull'], default: 'centroid' },
          },
          limit,
          ...FILTER_PARAM_REFS,
        ],
        responses: {
          200: {
            description: 'Features with the hot spot as properties',
            headers: { 'X-Hotspots-Source': header('table | live') },
            content: { 'application/geo+json': { schema: ref('FeatureCollection') } },
          },
          ...errors(400, 401, 403, 503),
        },
      },
    },
  };
}
