// Zones choropleth: every zone filled by its joined value through Grafana's field config (thresholds, colour
// schemes, value mappings), zones without data hatched, the hovered zone outlined. Always on canvas: ~320
// polygons are cheap there, and WebGL polygons on a GPU-less machine are not.
import type { PanelOptionsEditorBuilder } from '@grafana/data';
import Feature, { type FeatureLike } from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type Geometry from 'ol/geom/Geometry.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style } from 'ol/style.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import type { MissingValues, Reducer } from '../data/join.ts';
import type { ZoneSet } from '../data/zones.ts';
import { choroplethLegend, type LegendModel } from '../style/legend.ts';
import { formatDisplay, type ZonePaint } from '../style/choropleth.ts';
import { displayNameOf } from '../data/fields.ts';
import { withAlpha } from '../style/colors.ts';
import { LOCALES } from '../i18n.ts';
import type { ZoneMapOptions } from '../types.ts';
import type { LayerConfigBase, LayerEnv, MapData, MapLayerType, TooltipModel, TooltipRow } from './types.ts';

export interface ZonesConfig extends LayerConfigBase {
  /** Where the polygons come from: the aggregator's zones.geojson, or a frame with GeoJSON geometry. */
  geometry: 'aggregator' | 'frame';
  /** The frame (refId or name) holding geometries when geometry = 'frame'. */
  geometryFrame: string;
  /** The frame (refId or name) holding values; '' = the first that fits. */
  frame: string;
  /** Field or label with the zone code; '' = zone_code, code or zone. */
  codeField: string;
  /** Number field to map; '' = the first number field. */
  valueField: string;
  reducer: Reducer;
  perCapita: boolean;
  perCapitaBase: number;
  /** Zones absent from the value frame: zero (counts), no data, or auto (zero when the field counts requests). */
  missing: MissingValues;
  fillOpacity: number;
  noDataColor: string;
  /** '' = from the theme. */
  borderColor: string;
  borderWidth: number;
}

const defaultOptions: ZonesConfig = {
  enabled: true,
  geometry: 'aggregator',
  geometryFrame: '',
  frame: '',
  codeField: '',
  valueField: '',
  reducer: 'last',
  perCapita: false,
  perCapitaBase: 10000,
  missing: 'auto',
  fillOpacity: 0.8,
  noDataColor: '#8e8e8e',
  borderColor: '',
  borderWidth: 1,
};

const CATEGORY = ['Zones (choropleth)'];
const HIGHLIGHT_WIDTH = 3;
const SELECTED_WIDTH = 4;
/** How much of its colour a zone keeps while another is selected. */
const DIMMED = 0.3;

export const zonesLayer: MapLayerType<ZonesConfig> = {
  id: 'zones',
  name: 'Zones',
  description: 'Zones coloured by a value joined on the zone code',
  pointer: { role: 'ground', hitTolerance: 0 },
  defaultOptions,

  registerOptionsUI(builder: PanelOptionsEditorBuilder<ZoneMapOptions>) {
    builder
      .addBooleanSwitch({
        path: 'zones.enabled',
        name: 'Show zones',
        category: CATEGORY,
        defaultValue: defaultOptions.enabled,
      })
      .addRadio({
        path: 'zones.geometry',
        name: 'Zone shapes from',
        category: CATEGORY,
        defaultValue: defaultOptions.geometry,
        settings: {
          options: [
            { value: 'aggregator', label: 'Aggregator (zones.geojson)' },
            { value: 'frame', label: 'A frame with GeoJSON' },
          ],
        },
      })
      .addTextInput({
        path: 'zones.geometryFrame',
        name: 'Geometry frame',
        description: 'refId or name of the frame with zone_code and geometry (GeoJSON)',
        category: CATEGORY,
        defaultValue: defaultOptions.geometryFrame,
        showIf: (o) => o.zones?.geometry === 'frame',
      })
      .addTextInput({
        path: 'zones.frame',
        name: 'Value frame',
        description: 'refId or name; empty = the first frame with a zone code and a number',
        category: CATEGORY,
        defaultValue: defaultOptions.frame,
      })
      .addTextInput({
        path: 'zones.codeField',
        name: 'Zone code field',
        description: 'Field or label with the zone code; empty = zone_code, code or zone',
        category: CATEGORY,
        defaultValue: defaultOptions.codeField,
      })
      .addFieldNamePicker({
        path: 'zones.valueField',
        name: 'Value field',
        description: 'Empty = the first number field',
        category: CATEGORY,
        defaultValue: defaultOptions.valueField,
        settings: { filter: (f) => f.type === 'number', noFieldsMessage: 'No number fields' },
      })
      .addSelect({
        path: 'zones.reducer',
        name: 'Several values per zone',
        description: 'Time series and repeated rows become one value',
        category: CATEGORY,
        defaultValue: defaultOptions.reducer,
        settings: {
          options: [
            { value: 'last', label: 'Last' },
            { value: 'sum', label: 'Total' },
            { value: 'mean', label: 'Mean' },
            { value: 'max', label: 'Max' },
            { value: 'min', label: 'Min' },
          ],
        },
      })
      .addBooleanSwitch({
        path: 'zones.perCapita',
        name: 'Per capita',
        description: 'Divide by the zone population',
        category: CATEGORY,
        defaultValue: defaultOptions.perCapita,
      })
      .addNumberInput({
        path: 'zones.perCapitaBase',
        name: 'Per how many residents',
        category: CATEGORY,
        defaultValue: defaultOptions.perCapitaBase,
        settings: { min: 1, integer: true },
        showIf: (o) => !!o.zones?.perCapita,
      })
      .addRadio({
        path: 'zones.missing',
        name: 'Zones without a row',
        description: 'Auto: zero when the value counts requests, else no data',
        category: CATEGORY,
        defaultValue: defaultOptions.missing,
        settings: {
          options: [
            { value: 'auto', label: 'Auto' },
            { value: 'zero', label: 'Zero' },
            { value: 'noData', label: 'No data' },
          ],
        },
      })
      .addSliderInput({
        path: 'zones.fillOpacity',
        name: 'Fill opacity',
        category: CATEGORY,
        defaultValue: defaultOptions.fillOpacity,
        settings: { min: 0, max: 1, step: 0.05 },
      })
      .addColorPicker({
        path: 'zones.noDataColor',
        name: 'No data colour',
        description: 'Hatching of zones without data',
        category: CATEGORY,
        defaultValue: defaultOptions.noDataColor,
      })
      .addColorPicker({
        path: 'zones.borderColor',
        name: 'Border colour',
        description: 'Empty = from the theme',
        category: CATEGORY,
        defaultValue: defaultOptions.borderColor,
      })
      .addSliderInput({
        path: 'zones.borderWidth',
        name: 'Border width',
        category: CATEGORY,
        defaultValue: defaultOptions.borderWidth,
        settings: { min: 0, max: 5, step: 0.5 },
      });
  },

  create(_map, config: ZonesConfig, env: LayerEnv) {
    const source = new VectorSource<Feature<Geometry>>();
    const layer = new VectorLayer({
      source,
      properties: { id: 'zones' },
      updateWhileAnimating: true,
      updateWhileInteracting: true,
    });
    const format = new GeoJSON();
    const styles = new Map<string, Style>();
    let zones: ZoneSet | null = null;
    let paints = new Map<string, ZonePaint>();
    let highlight: string | null = null;
    let selected: string | null = null;
    let last: MapData | null = null;

    /** 'hover': outlined; 'selected': outlined wider, on top; 'dimmed': another zone is selected. */
    const styleOf = (paint: ZonePaint | undefined, state: 'plain' | 'hover' | 'selected' | 'dimmed'): Style => {
      const p = paint ?? {
        fill: 'rgba(0,0,0,0)',
        stroke: config.noDataColor,
        strokeWidth: 1,
        lineDash: null,
        hatch: false,
      };
      const key = `${p.fill}|${p.stroke}|${p.strokeWidth}|${p.lineDash}|${p.hatch}|${state}`;
      let s = styles.get(key);
      if (!s) {
        const fill = state === 'dimmed' ? withAlpha(p.fill, DIMMED) : p.fill;
        const outlined = state === 'hover' || state === 'selected';
        s = new Style({
          fill: new Fill({ color: p.hatch ? hatchPattern(fill) : fill }),
          stroke: new Stroke({
            color: outlined
              ? env.theme.colors.text.primary
              : state === 'dimmed'
                ? withAlpha(p.stroke, DIMMED * 2)
                : p.stroke,
            width: state === 'selected' ? SELECTED_WIDTH : outlined ? HIGHLIGHT_WIDTH : p.strokeWidth,
            lineDash: outlined ? undefined : (p.lineDash ?? undefined),
          }),
          zIndex: state === 'selected' ? 2 : state === 'hover' ? 1 : 0,
        });
        styles.set(key, s);
      }
      return s;
    };
    layer.setStyle((feature) => {
      const code = feature.get('code') as string;
      const state = code === selected ? 'selected' : code === highlight ? 'hover' : selected ? 'dimmed' : 'plain';
      return styleOf(paints.get(code), state);
    });

    return {
      init: () => layer,
      update(data: MapData) {
        last = data;
        if (data.zones !== zones) {
          zones = data.zones;
          const features = zones.zones.map((z) => {
            const f = new Feature<Geometry>({
              geometry: format.readGeometry(z.geometry, { featureProjection: 'EPSG:3857' }) as Geometry,
            });
            f.setId(z.code);
            f.setProperties({ code: z.code, kind: 'zone' }, true);
            return f;
          });
          source.clear(true);
          source.addFeatures(features);
        }
        paints = data.paints;
        layer.changed();
      },
      tooltip(feature: FeatureLike, data: MapData): TooltipModel | null {
        const code = feature.get('code') as string | undefined;
        const zone = code ? data.zones.zones.find((z) => z.code === code) : undefined;
        if (!zone) {
          return null;
        }
        const value = data.join.byCode.get(zone.code);
        const rows: TooltipRow[] = [];
        const field = data.join.field;
        if (field && data.join.display) {
          const shown =
            value && value.value !== null ? formatDisplay(data.join.display(value.value)) : env.t('zonemap.no-data');
          rows.push({ key: 'value', label: displayNameOf(field), value: shown });
          if (config.perCapita && value?.raw !== null && value?.raw !== undefined) {
            const rawDisplay = value.field.display;
            rows.push({
              key: 'raw',
              label: displayNameOf(value.field),
              value: rawDisplay ? formatDisplay(rawDisplay(value.raw)) : String(value.raw),
            });
          }
        }
        const population =
          zone.population === null
            ? env.t('zonemap.unknown')
            : new Intl.NumberFormat(LOCALES[env.lang]).format(zone.population);
        rows.push({ key: 'population', label: env.t('zonemap.population'), value: population });
        const valueLinks = value?.filled ? [] : (value?.field.getLinks?.({ valueRowIndex: value.rowIndex }) ?? []);
        const links = valueLinks.map((l) => ({ title: l.title, href: l.href, target: l.target }));
        return { title: zone.nameEn, titleAr: zone.nameAr || undefined, rows, zoneCode: zone.code, links };
      },
      legend(): LegendModel | null {
        if (!last) {
          return null;
        }
        const noData = [...last.paints.values()].filter((p) => !p.hasData).length;
        // Nothing to explain when no zone has a value: the panel says No data.
        if (noData === last.paints.size) {
          return null;
        }
        const colorOf = (c: string) => env.theme.visualization.getColorByName(c);
        return choroplethLegend(
          last.join.field,
          last.join.display,
          colorOf,
          config.noDataColor,
          noData,
          env.t('zonemap.no-data')
        );
      },
      dataExtent() {
        const painted = last;
        if (!painted) {
          return null;
        }
        const withData = source.getFeatures().filter((f) => painted.paints.get(f.get('code'))?.hasData);
        const extent = createEmpty();
        for (const f of withData.length ? withData : source.getFeatures()) {
          const g = f.getGeometry();
          if (g) {
            extend(extent, g.getExtent());
          }
        }
        return isEmpty(extent) ? null : extent;
      },
      fullExtent: () => (source.getFeatures().length ? source.getExtent() : null),
      setHighlight(code: string | null) {
        if (code === highlight) {
          return;
        }
        highlight = code;
        layer.changed();
      },
      setSelected(code: string | null) {
        if (code === selected) {
          return;
        }
        selected = code;
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

const hatches = new Map<string, CanvasPattern | string>();

/** Diagonal hatching in the colour (zones without data); the colour itself where no canvas exists. */
function hatchPattern(color: string): CanvasPattern | string {
  let p = hatches.get(color);
  if (p) {
    return p;
  }
  const canvas = typeof document !== 'undefined' ? document.createElement('canvas') : null;
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) {
    return color;
  }
  canvas.width = canvas.height = 8;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  p = ctx.createPattern(canvas, 'repeat') ?? color;
  hatches.set(color, p);
  return p;
}
