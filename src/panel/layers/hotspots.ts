// Recurrence hot spots: places where the same topic keeps coming back, from the aggregator's
// recurrence/hotspots.geojson (through the datasource) or from a frame (the `hotspots` metric: lon, lat,
// count, topic). Drawn as rings sized by count with the topic beside them.
import type { DataFrame, PanelOptionsEditorBuilder } from '@grafana/data';
import Feature, { type FeatureLike } from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type Geometry from 'ol/geom/Geometry.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { fromLonLat } from 'ol/proj.js';
import { fieldByName } from '../data/fields.ts';
import { findPointColumns } from '../data/points.ts';
import { binRadius } from '../lod/binning.ts';
import { withAlpha } from '../style/colors.ts';
import { isolateRtl, labelFont } from '../style/labels.ts';
import { humanize } from '../style/palette.ts';
import type { ZoneMapOptions } from '../types.ts';
import { LOCALES } from '../i18n.ts';
import type { LayerConfigBase, LayerEnv, MapData, MapLayerType, TooltipModel } from './types.ts';

export interface HotspotsConfig extends LayerConfigBase {
  source: 'aggregator' | 'frame';
  frame: string;
  /** Filters sent with the request (variables allowed), e.g. department=$department. */
  query: string;
  color: string;
  minRadius: number;
  maxRadius: number;
  showLabels: boolean;
  /** Topics are written beside the largest hot spots only (more would overlap). */
  maxLabels: number;
}

const defaultOptions: HotspotsConfig = {
  enabled: true,
  source: 'aggregator',
  frame: '',
  query: '',
  color: 'red',
  minRadius: 7,
  maxRadius: 22,
  showLabels: true,
  maxLabels: 5,
};
const CATEGORY = ['Hot spots'];

export const hotspotsLayer: MapLayerType<HotspotsConfig> = {
  id: 'hotspots',
  name: 'Hot spots',
  description: 'Recurring topics at the same place',
  pointer: { role: 'over', hitTolerance: 3 },
  followsTypeScale: true,
  defaultOptions,

  registerOptionsUI(builder: PanelOptionsEditorBuilder<ZoneMapOptions>) {
    const on = (o: ZoneMapOptions) => o.hotspots?.enabled !== false;
    builder
      .addBooleanSwitch({
        path: 'hotspots.enabled',
        name: 'Show hot spots',
        category: CATEGORY,
        defaultValue: defaultOptions.enabled,
      })
      .addRadio({
        path: 'hotspots.source',
        name: 'Hot spots from',
        category: CATEGORY,
        defaultValue: defaultOptions.source,
        showIf: on,
        settings: {
          options: [
            { value: 'aggregator', label: 'Aggregator (recurrence)' },
            { value: 'frame', label: 'A frame (lon/lat, count)' },
          ],
        },
      })
      .addTextInput({
        path: 'hotspots.frame',
        name: 'Frame',
        description: 'refId or name',
        category: CATEGORY,
        defaultValue: defaultOptions.frame,
        showIf: (o) => on(o) && o.hotspots?.source === 'frame',
      })
      .addTextInput({
        path: 'hotspots.query',
        name: 'Filters',
        description: 'Query string with variables, e.g. department=$department',
        category: CATEGORY,
        defaultValue: defaultOptions.query,
        showIf: (o) => on(o) && o.hotspots?.source !== 'frame',
      })
      .addColorPicker({
        path: 'hotspots.color',
        name: 'Colour',
        category: CATEGORY,
        defaultValue: defaultOptions.color,
        showIf: on,
      })
      .addSliderInput({
        path: 'hotspots.maxRadius',
        name: 'Largest radius',
        category: CATEGORY,
        defaultValue: defaultOptions.maxRadius,
        settings: { min: 8, max: 48, step: 1 },
        showIf: on,
      })
      .addBooleanSwitch({
        path: 'hotspots.showLabels',
        name: 'Show topics',
        category: CATEGORY,
        defaultValue: defaultOptions.showLabels,
        showIf: on,
      })
      .addNumberInput({
        path: 'hotspots.maxLabels',
        name: 'Topics written',
        description: 'Beside the largest hot spots only',
        category: CATEGORY,
        defaultValue: defaultOptions.maxLabels,
        settings: { min: 0, max: 50, integer: true },
        showIf: (o) => on(o) && o.hotspots?.showLabels !== false,
      });
  },

  create(_map, config: HotspotsConfig, env: LayerEnv) {
    const source = new VectorSource<Feature<Geometry>>();
    // Topics decluttered (the larger hot spot keeps its label, by zIndex); the rings themselves always drawn.
    const layer = new VectorLayer({ source, properties: { id: 'hotspots' }, declutter: true });
    const color = env.theme.visualization.getColorByName(config.color);
    const size = env.type.label(11);
    const format = new GeoJSON();
    let url = '';
    let frame: DataFrame | null = null;
    let disposed = false;
    let maxCount = 1;

    layer.setStyle((feature) => {
      const count = Number(feature.get('count') ?? 1);
      const label = config.showLabels && feature.get('labelled') ? labelOf(feature) : '';
      const isPoint = feature.getGeometry()?.getType() === 'Point';
      const r = binRadius(Math.max(1, count), maxCount, config.minRadius, config.maxRadius);
      return new Style({
        image: isPoint
          ? new CircleStyle({
              declutterMode: 'none',
              radius: r,
              fill: new Fill({ color: withAlpha(color, 0.25) }),
              stroke: new Stroke({ color, width: 2.5 }),
            })
          : undefined,
        fill: isPoint ? undefined : new Fill({ color: withAlpha(color, 0.2) }),
        stroke: isPoint ? undefined : new Stroke({ color, width: 2, lineDash: [6, 4] }),
        text: label
          ? new Text({
              text: label,
              font: labelFont(size),
              offsetY: isPoint ? r + size * 0.9 : 0,
              fill: new Fill({ color }),
              stroke: new Stroke({ color: env.theme.isDark ? 'rgba(0,0,0,0.8)' : 'rgba(255,255,255,0.9)', width: 3 }),
            })
          : undefined,
        zIndex: count,
      });
    });

    const setFeatures = (features: Array<Feature<Geometry>>) => {
      maxCount = features.reduce((m, f) => Math.max(m, Number(f.get('count') ?? 1) || 1), 1);
      const ranked = [...features].sort((a, b) => Number(b.get('count') ?? 0) - Number(a.get('count') ?? 0));
      ranked.forEach((f, i) => f.set('labelled', i < config.maxLabels, true));
      source.clear(true);
      source.addFeatures(features);
    };

    return {
      init: () => layer,
      update(data: MapData) {
        if (config.source === 'frame') {
          const cols = findPointColumns(data.series, {
            frame: config.frame,
            lon: '',
            lat: '',
            geometry: '',
            colorBy: '',
          });
          if (cols?.frame === frame) {
            return;
          }
          frame = cols?.frame ?? null;
          if (!cols) {
            setFeatures([]);
            return;
          }
          const count = fieldByName(cols.frame, 'count'),
            topic = fieldByName(cols.frame, 'topic'),
            zone = fieldByName(cols.frame, 'zone');
          const features: Array<Feature<Geometry>> = [];
          for (let i = 0; i < cols.frame.length; i++) {
            const lon = cols.lon[i],
              lat = cols.lat[i];
            if (typeof lon !== 'number' || typeof lat !== 'number') {
              continue;
            }
            const f = new Feature<Geometry>(new Point(fromLonLat([lon, lat])));
            f.setProperties(
              {
                kind: 'hotspot',
                count: count?.values[i] ?? 1,
                topic: topic?.values[i] ?? '',
                zone: zone?.values[i] ?? '',
              },
              true
            );
            features.push(f);
          }
          setFeatures(features);
          return;
        }
        const next = env.urls.hotspots({
          ...data.timeRange,
          language: env.lang,
          query: data.replaceVariables(config.query ?? ''),
        });
        if (next === url) {
          return;
        }
        url = next;
        env.fetchJson(next).then(
          (json) => {
            if (disposed || url !== next) {
              return;
            }
            const features = format.readFeatures(json, { featureProjection: 'EPSG:3857' }) as Array<Feature<Geometry>>;
            for (const f of features) {
              f.set('kind', 'hotspot', true);
            }
            setFeatures(features);
            env.report(null);
          },
          (err: unknown) => {
            if (disposed || url !== next) {
              return;
            }
            setFeatures([]);
            env.report(`Hot spots could not be loaded (${errorText(err)})`);
          }
        );
      },
      tooltip(f: FeatureLike): TooltipModel | null {
        const t = env.t;
        const rows = [
          {
            label: t('zonemap.reports'),
            value: new Intl.NumberFormat(LOCALES[env.lang]).format(Number(f.get('count') ?? 0)),
          },
        ];
        const zone = f.get('zone_name') ?? f.get('zone');
        if (zone) {
          rows.push({ label: t('zonemap.zone'), value: String(zone) });
        }
        const first = f.get('first_at'),
          lastAt = f.get('last_at');
        if (first && lastAt) {
          rows.push({
            label: t('zonemap.between'),
            value: t('zonemap.between-dates', { from: String(first).slice(0, 10), to: String(lastAt).slice(0, 10) }),
          });
        }
        return { title: t('zonemap.hotspot', { topic: labelOf(f) || t('zonemap.recurring-topic') }), rows };
      },
      dataExtent: () => (source.getFeatures().length ? source.getExtent() : null),
      legendSection: () => ({
        title: '',
        items: [{ color, label: env.t('zonemap.legend-hotspot'), shape: 'ring' as const }],
      }),
      dispose() {
        disposed = true;
        layer.setSource(null);
        source.clear(true);
        source.dispose();
        layer.dispose();
      },
    };
  },
};

function labelOf(f: FeatureLike): string {
  const raw = f.get('topic_name') ?? f.get('topic') ?? f.get('name') ?? '';
  const text = String(raw);
  return isolateRtl(/^[a-z0-9_.]+$/.test(text) ? humanize(text.split('.').pop() ?? text) : text);
}

export function errorText(err: unknown): string {
  const e = err as { status?: number; statusText?: string; data?: { error?: string }; message?: string };
  if (e?.status) {
    return `${e.status}${e.data?.error ? `: ${e.data.error}` : e.statusText ? ` ${e.statusText}` : ''}`;
  }
  return e?.message ?? 'unknown error';
}
