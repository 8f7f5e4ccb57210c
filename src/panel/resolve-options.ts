// Saved options (possibly partial, from an older version or typed by hand) → complete, sane options. Pure.
import { heatmapLayer } from './layers/heatmap.ts';
import { hotspotsLayer } from './layers/hotspots.ts';
import { labelsLayer } from './layers/labels.ts';
import { pointsLayer } from './layers/points.ts';
import { zonesLayer } from './layers/zones.ts';
import { DEFAULT_OPTIONS, type ZoneMapOptions } from './types.ts';

type Loose = Record<string, unknown>;

export function resolveOptions(saved: unknown): ZoneMapOptions {
  const s: Loose = isRecord(saved) ? saved : {};
  // Every key of the defaults, with the saved value where one of the same type was saved (checked below where it
  // matters); each layer's options under its id (types.ts LayersOptions lists them, so none is left out).
  const out: ZoneMapOptions = {
    ...withDefaults(DEFAULT_OPTIONS, s),
    zones: withDefaults(zonesLayer.defaultOptions, s[zonesLayer.id]),
    heatmap: withDefaults(heatmapLayer.defaultOptions, s[heatmapLayer.id]),
    points: withDefaults(pointsLayer.defaultOptions, s[pointsLayer.id]),
    hotspots: withDefaults(hotspotsLayer.defaultOptions, s[hotspotsLayer.id]),
    labels: withDefaults(labelsLayer.defaultOptions, s[labelsLayer.id]),
  };
  out.variableName = variableName(out.variableName);
  out.datasourceUid = String(out.datasourceUid || DEFAULT_OPTIONS.datasourceUid).trim();
  out.points.maxFeatures = clamp(out.points.maxFeatures, 100, 20000);
  out.points.binPixels = clamp(out.points.binPixels, 10, 200);
  out.zones.fillOpacity = clamp(out.zones.fillOpacity, 0, 1);
  out.zones.perCapitaBase = out.zones.perCapitaBase > 0 ? out.zones.perCapitaBase : 10000;
  out.view.zoom = clamp(out.view.zoom, 0, 22);
  return out;
}

/** "$zone", "${zone}", "var-zone" and " zone " all mean the variable zone. */
export function variableName(name: unknown): string {
  return String(name ?? '')
    .trim()
    .replace(/^\$\{?/, '')
    .replace(/\}$/, '')
    .replace(/^var-/, '')
    .trim();
}

function isRecord(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a saved value can stand for a default: present, and of the same type. */
function sameTypeAs<V>(defaultValue: V, v: unknown): v is V {
  return v !== undefined && v !== null && typeof v === typeof defaultValue;
}

/** A copy of `defaults` holding, key by key and object by object, each saved value of the same type. */
function withDefaults<T extends object>(defaults: T, saved: unknown): T {
  const s: Loose = isRecord(saved) ? saved : {};
  const out = { ...defaults };
  for (const key in defaults) {
    const d = defaults[key];
    const v = s[key];
    if (isRecord(d)) {
      out[key] = withDefaults(d, v);
    } else if (sameTypeAs(d, v)) {
      out[key] = v;
    }
  }
  return out;
}

function clamp(v: number, min: number, max: number): number {
  return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min;
}
