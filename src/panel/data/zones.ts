// The zones a map draws: code, names, population and a checked polygon geometry, read either from the
// aggregator's zones.geojson or from a data frame carrying GeoJSON geometry. Broken geometries are skipped
// and listed, so the panel can say how many it left out.
import type { DataFrame, Field } from '@grafana/data';
import { checkZoneGeometry, type PolygonGeometry } from './geometry.ts';
import { fieldByName } from './fields.ts';

export interface ZoneInfo {
  code: string;
  nameEn: string;
  nameAr: string;
  population: number | null;
  areaKm2: number | null;
}
export interface Zone extends ZoneInfo {
  geometry: PolygonGeometry;
}
export interface SkippedZone {
  code: string | null;
  reason: string;
}
export interface ZoneSet {
  zones: Zone[];
  skipped: SkippedZone[];
}

export const EMPTY_ZONES: ZoneSet = { zones: [], skipped: [] };

const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
      ? Number(v)
      : null;
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Zones from a GeoJSON FeatureCollection with the aggregator's properties (code, name_en, name_ar, population, area_km2). */
export function zonesFromGeoJSON(collection: unknown): ZoneSet {
  const features = (collection as { features?: unknown })?.features;
  if (!Array.isArray(features)) {
    return { zones: [], skipped: [{ code: null, reason: 'not a GeoJSON FeatureCollection' }] };
  }
  const out: ZoneSet = { zones: [], skipped: [] };
  for (const f of features) {
    const p = ((f as { properties?: Record<string, unknown> })?.properties ?? {}) as Record<string, unknown>;
    add(
      out,
      {
        code: str(p.code ?? (f as { id?: unknown })?.id),
        nameEn: str(p.name_en ?? p.name),
        nameAr: str(p.name_ar),
        population: num(p.population),
        areaKm2: num(p.area_km2),
      },
      (f as { geometry?: unknown })?.geometry
    );
  }
  return out;
}

export interface ZoneFrameFields {
  code?: string;
  geometry?: string;
}

/**
 * Zones from a frame: a code field (zone_code, code), a geometry field (geometry, geojson, geom, or the first
 * field whose first value reads as GeoJSON), optional name_en, name_ar and population.
 */
export function zonesFromFrame(frame: DataFrame, names: ZoneFrameFields = {}): ZoneSet {
  const code = fieldByName(frame, names.code) ?? fieldByName(frame, 'zone_code') ?? fieldByName(frame, 'code');
  const geometry =
    fieldByName(frame, names.geometry) ??
    ['geometry', 'geojson', 'geom'].map((n) => fieldByName(frame, n)).find(Boolean) ??
    frame.fields.find(looksLikeGeoJSON);
  if (!code || !geometry) {
    return { zones: [], skipped: [{ code: null, reason: 'the frame has no zone code or geometry field' }] };
  }
  const nameEn = fieldByName(frame, 'name_en') ?? fieldByName(frame, 'zone') ?? fieldByName(frame, 'name');
  const nameAr = fieldByName(frame, 'name_ar');
  const population = fieldByName(frame, 'population');
  const area = fieldByName(frame, 'area_km2');
  const out: ZoneSet = { zones: [], skipped: [] };
  for (let i = 0; i < frame.length; i++) {
    add(
      out,
      {
        code: str(code.values[i]),
        nameEn: str(nameEn?.values[i]),
        nameAr: str(nameAr?.values[i]),
        population: num(population?.values[i]),
        areaKm2: num(area?.values[i]),
      },
      geometry.values[i]
    );
  }
  return out;
}

function add(out: ZoneSet, info: ZoneInfo, geometry: unknown) {
  if (!info.code) {
    out.skipped.push({ code: null, reason: 'zone without a code' });
    return;
  }
  const check = checkZoneGeometry(geometry);
  if (!check.ok) {
    out.skipped.push({ code: info.code, reason: check.reason });
    return;
  }
  out.zones.push({ ...info, nameEn: info.nameEn || info.code, geometry: check.geometry });
}

/** Cheap check (names and the first value only) for a frame that may carry zone geometry. */
export function hasZoneGeometry(frame: DataFrame): boolean {
  return frame.fields.some(
    (f) => ['geometry', 'geojson', 'geom'].includes(f.name.toLowerCase()) || looksLikeGeoJSON(f)
  );
}

function looksLikeGeoJSON(field: Field): boolean {
  const v = field.values.find((x) => x !== null && x !== undefined && x !== '');
  if (typeof v === 'string') {
    return /^\s*\{.*"type"\s*:\s*"(Multi)?Polygon"/s.test(v);
  }
  return !!v && typeof v === 'object' && /^(Multi)?Polygon$/.test(String((v as { type?: unknown }).type));
}

/** A short warning for skipped zones, or null when none was skipped. */
export function skippedWarning(skipped: SkippedZone[]): string | null {
  if (!skipped.length) {
    return null;
  }
  const n = skipped.length;
  const codes = skipped
    .map((s) => s.code)
    .filter(Boolean)
    .slice(0, 5)
    .join(', ');
  return `${n} zone${n === 1 ? '' : 's'} skipped (missing or malformed geometry${codes ? `: ${codes}${n > 5 ? ', …' : ''}` : ''})`;
}
