// Browser side of the map benchmark (bundled by bench/map.ts): the panel's map controller with its layers
// (zones choropleth, labels, request points with level of detail, canvas) against the naive baseline: the
// same zones and every request as its own feature on OpenLayers' plain canvas vector layer.
import { createTheme, FieldType, createDataFrame, getDisplayProcessor, type DataFrame } from '@grafana/data';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle as CircleStyle, Fill, Stroke, Style } from 'ol/style.js';
import { fromLonLat } from 'ol/proj.js';
import { ZoneMapController } from '../src/panel/map/ZoneMapController.ts';
import { resolveOptions } from '../src/panel/resolve-options.ts';
import { syntheticRequests, syntheticZones } from './map-data.ts';

type Step = { pan?: [number, number]; zoom?: number };
type Result = { firstRenderMs: number; frames: number[]; featuresInView: number[] };

const theme = createTheme();
let zones: ReturnType<typeof syntheticZones>;
let requests: ReturnType<typeof syntheticRequests>;
let pointsFrame: DataFrame;
let valuesFrame: DataFrame;

function prepare(n: number) {
  zones = syntheticZones(1);
  requests = syntheticRequests(n, 2);
  pointsFrame = createDataFrame({
    refId: 'P',
    fields: [
      { name: 'lon', type: FieldType.number, values: Array.from(requests.lon) },
      { name: 'lat', type: FieldType.number, values: Array.from(requests.lat) },
      { name: 'category', type: FieldType.string, values: requests.category },
    ],
  });
  const codes = zones.features.map((f) => f.properties.code);
  valuesFrame = createDataFrame({
    refId: 'A',
    fields: [
      { name: 'zone_code', type: FieldType.string, values: codes },
      {
        name: 'received',
        type: FieldType.number,
        values: codes.map((_, i) => (i * 37) % 400),
        config: { unit: 'short', color: { mode: 'continuous-YlRd' } },
      },
    ],
  });
  for (const f of valuesFrame.fields) {
    f.display = getDisplayProcessor({ field: f, theme });
  }
  return { zones: zones.features.length, requests: n };
}

function target(): HTMLDivElement {
  document.body.innerHTML = '';
  const el = document.createElement('div');
  el.style.cssText = 'position:absolute;left:0;top:0;width:1280px;height:800px;background:#111217';
  document.body.appendChild(el);
  return el;
}

const nextRender = (map: OlMap) => new Promise<void>((resolve) => map.once('rendercomplete', () => resolve()));

/** Runs the scripted pans and zooms; each step is timed until the map has drawn what the view needs. */
function script(
  map: OlMap,
  steps: Step[],
  countFeatures: () => number,
  afterRender: () => void
): Pick<Result, 'frames' | 'featuresInView'> {
  const frames: number[] = [],
    featuresInView: number[] = [];
  const view = map.getView();
  for (const s of steps) {
    const t0 = performance.now();
    if (s.pan) {
      const c = map.getPixelFromCoordinate(view.getCenter()!);
      view.setCenter(map.getCoordinateFromPixel([c[0] + s.pan[0], c[1] + s.pan[1]]));
    }
    if (s.zoom) {
      view.setZoom(view.getZoom()! + s.zoom);
    }
    map.renderSync();
    afterRender();
    frames.push(performance.now() - t0);
    featuresInView.push(countFeatures());
  }
  return { frames, featuresInView };
}

async function runPanel(steps: Step[]): Promise<Result> {
  const el = target();
  const options = resolveOptions({
    points: { source: 'frame' },
    hotspots: { enabled: false },
    labels: { language: 'both' },
  });
  const t0 = performance.now();
  const controller = new ZoneMapController(el, {
    fetchJson: async () => zones,
    appSubUrl: '',
    onState: () => undefined,
    onHover: () => undefined,
    onZoneClick: () => undefined,
    onClickElsewhere: () => undefined,
  });
  const done = new Promise<void>((resolve) => {
    const check = () => {
      const z = controller.map.getAllLayers().find((l) => l.get('id') === 'zones') as VectorLayer | undefined;
      if ((z?.getSource()?.getFeatures().length ?? 0) > 0) {
        resolve();
      } else {
        controller.map.once('rendercomplete', check);
      }
    };
    controller.map.once('rendercomplete', check);
  });
  controller.update({
    series: [valuesFrame, pointsFrame],
    options,
    theme,
    timeRange: { from: 0, to: 1 },
    replaceVariables: (s: string) => s,
    size: { width: el.clientWidth, height: el.clientHeight },
    pixelRatio: window.devicePixelRatio || 1,
  });
  await done;
  const firstRenderMs = performance.now() - t0;
  const points = controller.map.getAllLayers().find((l) => l.get('id') === 'points') as VectorLayer;
  // moveend (after a render) lets the layers pick their level of detail; a second render draws it.
  const run = script(
    controller.map,
    steps,
    () => points.getSource()!.getFeatures().length,
    () => {
      controller.map.renderSync();
    }
  );
  controller.dispose();
  return { firstRenderMs, ...run };
}

async function runBaseline(steps: Step[]): Promise<Result> {
  const el = target();
  const t0 = performance.now();
  const format = new GeoJSON();
  const zoneSource = new VectorSource({ features: format.readFeatures(zones, { featureProjection: 'EPSG:3857' }) });
  const zoneStyle = new Style({
    fill: new Fill({ color: 'rgba(240, 160, 80, 0.8)' }),
    stroke: new Stroke({ color: 'rgba(255,255,255,0.45)', width: 1 }),
  });
  const colors = ['#7EB26D', '#EAB839', '#6ED0E0', '#EF843C', '#E24D42', '#1F78C1'];
  const styles = colors.map(
    (c) =>
      new Style({
        image: new CircleStyle({
          radius: 4,
          fill: new Fill({ color: c }),
          stroke: new Stroke({ color: 'rgba(0,0,0,0.6)', width: 0.75 }),
        }),
      })
  );
  const cats = ['inquiry', 'report', 'observation', 'complaint', 'service_request', 'suggestion'];
  const features: Array<Feature<Point>> = new Array(requests.lon.length);
  for (let i = 0; i < features.length; i++) {
    const f = new Feature<Point>(new Point(fromLonLat([requests.lon[i], requests.lat[i]])));
    f.set('category', requests.category[i], true);
    features[i] = f;
  }
  const pointSource = new VectorSource({ features });
  const map = new OlMap({
    target: el,
    controls: [],
    layers: [
      new VectorLayer({ source: zoneSource, style: zoneStyle }),
      new VectorLayer({ source: pointSource, style: (f) => styles[cats.indexOf(f.get('category'))] }),
    ],
    view: new View({ center: fromLonLat([55.27, 25.2]), zoom: 10 }),
  });
  map.getView().fit(zoneSource.getExtent()!, { padding: [16, 16, 16, 16] });
  await nextRender(map);
  const firstRenderMs = performance.now() - t0;
  const run = script(
    map,
    steps,
    () => pointSource.getFeaturesInExtent(map.getView().calculateExtent(map.getSize())).length,
    () => undefined
  );
  map.setTarget(undefined);
  map.dispose();
  return { firstRenderMs, ...run };
}

Object.assign(window, { __bench: { prepare, runPanel, runBaseline } });
