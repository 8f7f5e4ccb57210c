// The request points from the aggregator's vector tiles: the server bins at low zoom (layer `bins`) and caps
// each tile; a point tile holding too many requests in a long range comes as bins too (exact counts in small
// cells), drawn alike, its tooltip saying so. The tiles' zooms are the aggregator's (its TileJSON document),
// the defaults until that is in.
import type { FeatureLike } from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import MVT from 'ol/format/MVT.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import WebGLVectorTileLayer from 'ol/layer/WebGLVectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import { DEFAULT_TILE_ZOOMS, tileZoomsOf, type RequestTileZooms } from '../../aggregator/tile-zooms.ts';
import { translator, type Translate } from '../../i18n.ts';
import { tilePointsStyle } from '../../style/points.ts';
import type { LayerEnv, LayerHandle, MapData, TooltipModel } from '../types.ts';
import type { PointsConfig } from '../points.ts';
import { TILE_LAYER } from './kinds.ts';
import { pointsLegend } from './legend.ts';
import type { PointsLook } from './look.ts';
import { journeyNamesOf, requestTooltip } from './request-tooltip.ts';

/**
 * The tooltip of a bin from the aggregator's tiles. In a binned tile a bin is what the zoom shows; in a
 * point tile it is a tile that held too many requests in the range to show each one (a long range in a
 * busy area: the aggregator then sends the tile's exact counts in small cells), so the tooltip says how to
 * see them one by one. `tileZoom`: the zoom of the tiles drawn (512-px tiles: the view's zoom − 1).
 */
export function tileBinTooltip(
  count: number,
  tileZoom: number | undefined,
  t: Translate = translator('en'),
  zooms: RequestTileZooms = DEFAULT_TILE_ZOOMS
): TooltipModel {
  const cells = tileZoom !== undefined && tileZoom >= zooms.pointMinZoom;
  return {
    title: t('zonemap.requests', { count }),
    aggregate: true,
    rows: cells ? [{ label: t('zonemap.each-request'), value: t('zonemap.shorter-range'), key: 'cells' }] : [],
  };
}

export function tilePoints(map: OlMap, config: PointsConfig, env: LayerEnv, look: PointsLook): LayerHandle {
  const palette = look.palette(config.colorBy, []);
  const style = tilePointsStyle(palette, look.style) as never;
  const journey = journeyNamesOf(env);
  let url = '';
  let zooms = DEFAULT_TILE_ZOOMS;
  let disposed = false;
  const tileSource = (maxZoom: number) =>
    new VectorTileSource({ format: new MVT(), url: url || undefined, maxZoom, overlaps: false });
  let source = tileSource(zooms.maxZoom);
  // Canvas: circles marked "never decluttered", else OpenLayers' hit detection on a vector-tile layer without
  // decluttering (10.11) skips every point symbol and a hover falls through to the zone underneath.
  const layer = look.webgl
    ? new WebGLVectorTileLayer({ source: source as never, style, properties: { id: 'points' } })
    : new VectorTileLayer({
        source,
        style: { ...(style as object), 'circle-declutter-mode': 'none' } as never,
        renderMode: 'hybrid',
        properties: { id: 'points' },
      });
  const dropSource = (old: VectorTileSource) => {
    old.clear();
    old.dispose();
  };

  // The served zooms: a different most detailed zoom needs a source with that tile grid.
  env.fetchJson(env.urls.requestTileJson()).then(
    (json) => {
      if (disposed) {
        return;
      }
      zooms = tileZoomsOf(json);
      if (source.getTileGrid()?.getMaxZoom() === zooms.maxZoom) {
        return;
      }
      const old = source;
      source = tileSource(zooms.maxZoom);
      layer.setSource(source as never);
      dropSource(old);
    },
    () => undefined
  );

  /** The zoom of the tiles the view draws (as the renderer picks them). */
  const tileZoom = () => {
    const resolution = map.getView().getResolution();
    return resolution === undefined
      ? undefined
      : source.getTileGrid()?.getZForResolution(resolution, source.zDirection);
  };
  return {
    init: () => layer,
    update(data: MapData) {
      const next = env.urls.requestTiles({ ...data.timeRange, query: data.replaceVariables(config.tileQuery ?? '') });
      if (next !== url) {
        url = next;
        source.setUrl(url);
      }
    },
    tooltip(feature: FeatureLike): TooltipModel | null {
      if (feature.get('layer') === TILE_LAYER.bins) {
        return tileBinTooltip(Number(feature.get('count')), tileZoom(), env.t, zooms);
      }
      return requestTooltip((name) => feature.get(name), env.t, env.names(), journey);
    },
    legendSection: () => pointsLegend(palette, look.style, env.t, env.names()),
    dispose() {
      disposed = true;
      layer.setSource(null);
      dropSource(source);
      layer.dispose();
    },
  };
}
