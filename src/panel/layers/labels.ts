// Zone labels at each zone's interior point (never along a line: Arabic must stay joined), in English,
// Arabic or both, optionally with the value; overlapping labels are dropped (declutter), TV mode enlarges.
import type { PanelOptionsEditorBuilder } from '@grafana/data';
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type Geometry from 'ol/geom/Geometry.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style, Text } from 'ol/style.js';
import type { ZoneSet } from '../data/zones.ts';
import { labelFont, zoneLabel, type LabelLanguage } from '../style/labels.ts';
import type { ZoneMapOptions } from '../types.ts';
import type { LayerConfigBase, LayerEnv, MapData, MapLayerType } from './types.ts';

export interface LabelsConfig extends LayerConfigBase {
  language: LabelLanguage;
  /** Add the zone's value under its name. */
  showValue: boolean;
  fontSize: number;
  /** '' = the theme's text colour. */
  color: string;
  /** Labels appear from this zoom on (0 = always; overlapping ones are dropped anyway). */
  minZoom: number;
}

const defaultOptions: LabelsConfig = {
  enabled: true,
  language: 'both',
  showValue: false,
  fontSize: 12,
  color: '',
  minZoom: 0,
};
const CATEGORY = ['Labels'];

export const labelsLayer: MapLayerType<LabelsConfig> = {
  id: 'labels',
  name: 'Labels',
  description: 'Zone names (English, Arabic) and values',
  followsTypeScale: true,
  defaultOptions,

  registerOptionsUI(builder: PanelOptionsEditorBuilder<ZoneMapOptions>) {
    builder
      .addBooleanSwitch({
        path: 'labels.enabled',
        name: 'Show labels',
        category: CATEGORY,
        defaultValue: defaultOptions.enabled,
      })
      .addRadio({
        path: 'labels.language',
        name: 'Language',
        category: CATEGORY,
        defaultValue: defaultOptions.language,
        settings: {
          options: [
            { value: 'en', label: 'English' },
            { value: 'ar', label: 'العربية' },
            { value: 'both', label: 'Both' },
          ],
        },
        showIf: (o) => o.labels?.enabled !== false,
      })
      .addBooleanSwitch({
        path: 'labels.showValue',
        name: 'Show value',
        category: CATEGORY,
        defaultValue: defaultOptions.showValue,
        showIf: (o) => o.labels?.enabled !== false,
      })
      .addSliderInput({
        path: 'labels.fontSize',
        name: 'Font size',
        category: CATEGORY,
        defaultValue: defaultOptions.fontSize,
        settings: { min: 8, max: 32, step: 1 },
        showIf: (o) => o.labels?.enabled !== false,
      })
      .addColorPicker({
        path: 'labels.color',
        name: 'Colour',
        description: 'Empty = the theme text colour',
        category: CATEGORY,
        defaultValue: defaultOptions.color,
        showIf: (o) => o.labels?.enabled !== false,
      })
      .addSliderInput({
        path: 'labels.minZoom',
        name: 'From zoom',
        category: CATEGORY,
        defaultValue: defaultOptions.minZoom,
        settings: { min: 0, max: 18, step: 1 },
        showIf: (o) => o.labels?.enabled !== false,
      });
  },

  create(_map, config: LabelsConfig, env: LayerEnv) {
    const source = new VectorSource<Feature<Point>>();
    const layer = new VectorLayer({
      source,
      declutter: true,
      minZoom: config.minZoom > 0 ? config.minZoom : undefined,
      properties: { id: 'labels' },
      updateWhileAnimating: false,
      updateWhileInteracting: false,
    });
    const size = env.type.label(config.fontSize);
    const fill = new Fill({ color: config.color || env.theme.colors.text.primary });
    const halo = new Stroke({
      color: env.theme.isDark ? 'rgba(0, 0, 0, 0.75)' : 'rgba(255, 255, 255, 0.85)',
      width: Math.max(3, size / 4),
    });
    const font = labelFont(size);
    const format = new GeoJSON();
    let zones: ZoneSet | null = null;
    const styles = new Map<string, Style>();

    // Decluttering keeps the label of the higher zIndex: the zones ranked by value (the busiest first, never a 0
    // ahead of them), ties by area.
    layer.setStyle((feature) => {
      const text = feature.get('label') as string;
      const rank = feature.get('rank') as number;
      const key = `${rank}|${text}`;
      let s = styles.get(key);
      if (!s) {
        const label = new Text({
          text,
          font,
          fill,
          stroke: halo,
          textAlign: 'center',
          textBaseline: 'middle',
          placement: 'point',
          overflow: true,
        });
        s = new Style({ text: label, zIndex: rank });
        styles.set(key, s);
      }
      return s;
    });

    return {
      init: () => layer,
      update(data: MapData) {
        if (data.zones !== zones) {
          zones = data.zones;
          source.clear(true);
          source.addFeatures(
            zones.zones.map((z) => {
              const g = format.readGeometry(z.geometry, { featureProjection: 'EPSG:3857' }) as Geometry;
              const f = new Feature<Point>({ geometry: labelPoint(g) });
              f.setProperties({ code: z.code, nameEn: z.nameEn, nameAr: z.nameAr, area: areaOf(g) }, true);
              return f;
            })
          );
        }
        const ranks = labelRanks(
          source.getFeatures().map((f) => ({
            code: f.get('code') as string,
            value: data.join.byCode.get(f.get('code'))?.value ?? null,
            area: f.get('area') as number,
          }))
        );
        for (const f of source.getFeatures()) {
          f.set('rank', ranks.get(f.get('code')) ?? 0, true);
          const paint = data.paints.get(f.get('code'));
          const valueText = config.showValue ? (paint?.text ?? '') : '';
          f.set(
            'label',
            zoneLabel({ nameEn: f.get('nameEn'), nameAr: f.get('nameAr') }, config.language, valueText, env.lang),
            true
          );
        }
        styles.clear();
        layer.changed();
      },
      dispose() {
        layer.setSource(null);
        source.clear(true);
        source.dispose();
        layer.dispose();
        styles.clear();
      },
    };
  },
};

/**
 * The label priority of each zone (higher wins a collision): by value, highest first, zones without a value
 * last; equal values by area, larger first. Pure.
 */
export function labelRanks(zones: Array<{ code: string; value: number | null; area: number }>): Map<string, number> {
  const sorted = [...zones].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || b.area - a.area || a.code.localeCompare(b.code)
  );
  return new Map(sorted.map((z, i) => [z.code, sorted.length - i]));
}

function areaOf(g: Geometry): number {
  return g instanceof Polygon || g instanceof MultiPolygon ? g.getArea() : 0;
}

/** A point inside the zone: the interior point of its largest polygon. */
function labelPoint(g: Geometry): Point {
  if (g instanceof Polygon) {
    return new Point(g.getInteriorPoint().getCoordinates().slice(0, 2));
  }
  if (g instanceof MultiPolygon) {
    const largest = g.getPolygons().reduce((a, b) => (b.getArea() > a.getArea() ? b : a));
    return new Point(largest.getInteriorPoint().getCoordinates().slice(0, 2));
  }
  return new Point([0, 0]);
}
