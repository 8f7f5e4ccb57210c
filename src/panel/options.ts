// The panel editor: panel-level options here, then each layer type adds its own (layers/*.ts).
import type { PanelOptionsEditorBuilder } from '@grafana/data';
import { LAYER_TYPES } from './layers/registry.ts';
import { DEFAULT_OPTIONS, type ZoneMapOptions } from './types.ts';

const MAP = ['Map'];
const VIEW = ['View'];
const BASEMAP = ['Base map'];

export function buildPanelOptions(builder: PanelOptionsEditorBuilder<ZoneMapOptions>) {
  const d = DEFAULT_OPTIONS;
  builder
    .addTextInput({
      path: 'datasourceUid',
      name: 'Services 360 datasource uid',
      description: 'Zones, tiles and hot spots are read through this datasource',
      category: MAP,
      defaultValue: d.datasourceUid,
    })
    .addTextInput({
      path: 'language',
      name: 'Language',
      description: "en, ar or a variable such as $language: the panel's text and the names from the aggregator",
      category: MAP,
      defaultValue: d.language,
    })
    .addTextInput({
      path: 'variableName',
      name: 'Variable set by a click',
      description: 'Dashboard variable that gets the clicked zone code (empty = none)',
      category: MAP,
      defaultValue: d.variableName,
    })
    .addBooleanSwitch({
      path: 'tvMode',
      name: 'TV mode',
      description: 'Large labels and legend, no controls, refit on resize',
      category: MAP,
      defaultValue: d.tvMode,
    })
    .addRadio({
      path: 'renderer',
      name: 'Points renderer',
      description: 'WebGL pays off with a GPU; without one, canvas is faster',
      category: MAP,
      defaultValue: d.renderer,
      settings: {
        options: [
          { value: 'canvas', label: 'Canvas' },
          { value: 'webgl', label: 'WebGL' },
        ],
      },
    })
    .addBooleanSwitch({ path: 'showLegend', name: 'Legend', category: MAP, defaultValue: d.showLegend })
    .addRadio({
      path: 'view.fit',
      name: 'Initial view',
      category: VIEW,
      defaultValue: d.view.fit,
      settings: {
        options: [
          { value: 'data', label: 'Fit to data' },
          { value: 'zones', label: 'All zones' },
          { value: 'fixed', label: 'Fixed' },
        ],
      },
    })
    .addNumberInput({
      path: 'view.lon',
      name: 'Longitude',
      category: VIEW,
      defaultValue: d.view.lon,
      showIf: (o) => o.view?.fit === 'fixed',
    })
    .addNumberInput({
      path: 'view.lat',
      name: 'Latitude',
      category: VIEW,
      defaultValue: d.view.lat,
      showIf: (o) => o.view?.fit === 'fixed',
    })
    .addSliderInput({
      path: 'view.zoom',
      name: 'Zoom',
      category: VIEW,
      defaultValue: d.view.zoom,
      settings: { min: 1, max: 20, step: 0.5 },
      showIf: (o) => o.view?.fit === 'fixed',
    })
    .addNumberInput({
      path: 'view.padding',
      name: 'Padding (px)',
      category: VIEW,
      defaultValue: d.view.padding,
      settings: { min: 0, max: 200, integer: true },
      showIf: (o) => o.view?.fit !== 'fixed',
    })
    .addRadio({
      path: 'basemap.type',
      name: 'Base map',
      description: 'None works offline on a wall screen',
      category: BASEMAP,
      defaultValue: d.basemap.type,
      settings: {
        options: [
          { value: 'none', label: 'None' },
          { value: 'xyz', label: 'XYZ tiles' },
          { value: 'wmts', label: 'WMTS' },
        ],
      },
    })
    .addTextInput({
      path: 'basemap.url',
      name: 'URL',
      description:
        'XYZ: https://…/{z}/{x}/{y}.png. WMTS: a REST template with {TileMatrix}/{TileRow}/{TileCol}, or the service endpoint',
      category: BASEMAP,
      defaultValue: d.basemap.url,
      showIf: (o) => o.basemap?.type !== 'none',
    })
    .addTextInput({
      path: 'basemap.attribution',
      name: 'Attribution',
      category: BASEMAP,
      defaultValue: d.basemap.attribution,
      showIf: (o) => o.basemap?.type !== 'none',
    })
    .addSliderInput({
      path: 'basemap.opacity',
      name: 'Opacity',
      category: BASEMAP,
      defaultValue: d.basemap.opacity,
      settings: { min: 0.1, max: 1, step: 0.05 },
      showIf: (o) => o.basemap?.type !== 'none',
    })
    .addTextInput({
      path: 'basemap.wmtsLayer',
      name: 'WMTS layer',
      category: BASEMAP,
      defaultValue: d.basemap.wmtsLayer,
      showIf: (o) => o.basemap?.type === 'wmts',
    })
    .addTextInput({
      path: 'basemap.wmtsMatrixSet',
      name: 'WMTS tile matrix set (web mercator)',
      category: BASEMAP,
      defaultValue: d.basemap.wmtsMatrixSet,
      showIf: (o) => o.basemap?.type === 'wmts',
    })
    .addTextInput({
      path: 'basemap.wmtsStyle',
      name: 'WMTS style',
      category: BASEMAP,
      defaultValue: d.basemap.wmtsStyle,
      showIf: (o) => o.basemap?.type === 'wmts',
    })
    .addTextInput({
      path: 'basemap.wmtsFormat',
      name: 'WMTS format',
      category: BASEMAP,
      defaultValue: d.basemap.wmtsFormat,
      showIf: (o) => o.basemap?.type === 'wmts',
    });
  for (const layer of LAYER_TYPES) {
    layer.registerOptionsUI(builder);
  }
  return builder;
}
