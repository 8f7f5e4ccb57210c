// Finding request points in a frame: lon/lat number fields (lon, lng, longitude / lat, latitude) or a
// GeoJSON Point geometry field, plus the field that colours them. Pure.
import type { DataFrame, Field } from '@grafana/data';
import { fieldByName, isNumberField, selectFrames } from './fields.ts';

export interface PointColumns {
  frame: DataFrame;
  lon: ArrayLike<unknown>;
  lat: ArrayLike<unknown>;
  colorField: Field | null;
}

export interface PointFieldNames {
  frame: string;
  lon: string;
  lat: string;
  geometry: string;
  colorBy: string;
}

const LON = ['lon', 'lng', 'longitude', 'x'];
const LAT = ['lat', 'latitude', 'y'];

/** The first frame (or the chosen one) that holds point locations; null when none does. */
export function findPointColumns(series: DataFrame[], names: PointFieldNames): PointColumns | null {
  for (const frame of selectFrames(series, names.frame)) {
    const colorField = fieldByName(frame, names.colorBy) ?? null;
    const lon = names.lon
      ? fieldByName(frame, names.lon)
      : LON.map((n) => fieldByName(frame, n)).find((f) => f && isNumberField(f));
    const lat = names.lat
      ? fieldByName(frame, names.lat)
      : LAT.map((n) => fieldByName(frame, n)).find((f) => f && isNumberField(f));
    if (lon && lat) {
      return { frame, lon: lon.values, lat: lat.values, colorField };
    }
    const geometry = names.geometry
      ? fieldByName(frame, names.geometry)
      : ['geometry', 'geojson', 'location', 'geom'].map((n) => fieldByName(frame, n)).find(Boolean);
    if (geometry) {
      const lons: Array<number | null> = [],
        lats: Array<number | null> = [];
      for (const v of geometry.values) {
        const p = readPoint(v);
        lons.push(p?.[0] ?? null);
        lats.push(p?.[1] ?? null);
      }
      if (lons.some((x) => x !== null)) {
        return { frame, lon: lons, lat: lats, colorField };
      }
    }
  }
  return null;
}

/** [lon, lat] of a GeoJSON Point (object, Feature or JSON text); null otherwise. */
export function readPoint(value: unknown): [number, number] | null {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (v && typeof v === 'object' && (v as { type?: string }).type === 'Feature') {
    v = (v as { geometry?: unknown }).geometry;
  }
  const g = v as { type?: string; coordinates?: unknown };
  if (g?.type !== 'Point' || !Array.isArray(g.coordinates)) {
    return null;
  }
  const [lon, lat] = g.coordinates as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : null;
}
