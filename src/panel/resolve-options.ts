// Saved options (possibly partial, from an older version or typed by hand) → complete, sane options. Pure.
import { LAYER_TYPES } from './layers/registry.ts';
import { DEFAULT_OPTIONS, type ZoneMapOptions } from './types.ts';

type Loose = Record<string, unknown>;

export function resolveOptions(saved: unknown): ZoneMapOptions {
  const s = (saved && typeof saved === 'object' ? saved : {}) as Loose;
  const merged = mergeDefaults(DEFAULT_OPTIONS, s);
  for (const layer of LAYER_TYPES) {
    merged[layer.id] = mergeDefaults(layer.defaultOptions, (s[layer.id] ?? {}) as Loose);
  }
  // Every key of the defaults is there, with the saved value where one was saved (checked below where it matters).
  const out = merged as Partial<ZoneMapOptions> as ZoneMapOptions;
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

function mergeDefaults(defaults: object, saved: Loose): Loose {
  const out: Loose = {};
  for (const [k, d] of Object.entries(defaults)) {
    const v = saved?.[k];
    if (d && typeof d === 'object' && !Array.isArray(d)) {
      out[k] = mergeDefaults(d as Loose, (v ?? {}) as Loose);
    } else {
      out[k] = v === undefined || v === null || typeof v !== typeof d ? d : v;
    }
  }
  return out;
}

function clamp(v: number, min: number, max: number): number {
  return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min;
}
