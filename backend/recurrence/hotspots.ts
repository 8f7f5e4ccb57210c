// Hot spots: same-topic reports close in space (DBSCAN, eps metres, at least minPoints) within a time
// window (windowDays ending at `to`). refreshHotspots() materialises the current window for fast reads;
// findHotspots() reads that table when the asked window is the refreshed one (within a tolerance) and
// the filters are ones the table can apply (topic, department, zone of the hot spot), else computes live.
import type pg from 'pg';
import { loadConfig, type Config } from '../config.ts';
import { inTransaction } from '../db/transaction.ts';
import { bindNamed } from '../db/named-params.ts';
import { sql, sqlTemplate } from '../db/sql.ts';
import { filterParams, NO_FILTERS, withRequestFilters, type RequestFilters } from '../geo/request-filters.ts';
import type { Language, TimeRange } from '../geo/read-params.ts';

export type HotspotSettings = Pick<
  Config,
  | 'hotspotEpsMetres'
  | 'hotspotMinPoints'
  | 'hotspotWindowDays'
  | 'hotspotSrid'
  | 'hotspotTableToleranceMs'
  | 'hotspotMaxRows'
>;

export type Hotspot = {
  topic_code: string;
  topic: string;
  department_code: string;
  zone_code: string | null;
  zone: string | null;
  count: number;
  first_at: string;
  last_at: string;
  lon: number;
  lat: number;
  radius_m: number;
  centroid: { type: 'Point'; coordinates: [number, number] };
  hull: { type: string; coordinates: unknown };
  request_ids: number[];
};

export type HotspotAnswer = {
  source: 'table' | 'live';
  window: TimeRange;
  computed_at: string | null;
  hotspots: Hotspot[];
};

const DAY_MS = 86_400_000;
/** A statement over the clusters (its {hotspot_clusters} slot: recurrence/hotspot_clusters.sql with the filters). */
const overClusters = (name: string) =>
  sqlTemplate(name, { hotspot_clusters: withRequestFilters('recurrence/hotspot_clusters') });

/** The window of a refresh at `now`: windowDays ending at now. */
export function hotspotWindow(now: Date, windowDays: number): TimeRange {
  return { from: new Date(now.getTime() - windowDays * DAY_MS), to: now };
}

function clusterParams(window: TimeRange, filters: RequestFilters, s: HotspotSettings): Record<string, unknown> {
  // The zone filter applies to the hot spot (its zone), not to the reports: a cluster across a border stays whole.
  return {
    from: window.from,
    to: window.to,
    ...filterParams({ ...filters, zoneIds: null }),
    eps_m: s.hotspotEpsMetres,
    min_points: s.hotspotMinPoints,
    srid: s.hotspotSrid,
  };
}

type Row = {
  topic_code: string;
  topic_name_en: string;
  topic_name_ar: string;
  department_code: string;
  zone_code: string | null;
  zone_name_en: string | null;
  zone_name_ar: string | null;
  count: number;
  first_at: Date;
  last_at: Date;
  lon: number;
  lat: number;
  radius_m: number;
  centroid_geojson: string;
  hull_geojson: string;
  request_ids: number[];
};

function toHotspot(r: Row, language: Language): Hotspot {
  return {
    topic_code: r.topic_code,
    topic: language === 'ar' ? r.topic_name_ar : r.topic_name_en,
    department_code: r.department_code,
    zone_code: r.zone_code,
    zone: r.zone_code === null ? null : language === 'ar' ? r.zone_name_ar : r.zone_name_en,
    count: r.count,
    first_at: r.first_at.toISOString(),
    last_at: r.last_at.toISOString(),
    lon: Math.round(r.lon * 1e6) / 1e6,
    lat: Math.round(r.lat * 1e6) / 1e6,
    radius_m: Math.round(r.radius_m * 10) / 10,
    centroid: JSON.parse(r.centroid_geojson),
    hull: JSON.parse(r.hull_geojson),
    request_ids: r.request_ids.map(Number),
  };
}

/** Computes and stores the hot spots of the window ending at `now`, replacing the previous run. */
export async function refreshHotspots(
  pool: pg.Pool,
  now: Date = new Date(),
  settings: HotspotSettings = loadConfig()
): Promise<{ runId: number; hotspots: number; durationMs: number; window: TimeRange }> {
  const window = hotspotWindow(now, settings.hotspotWindowDays);
  const started = Date.now();
  return inTransaction(pool, async (client) => {
    const q = bindNamed(overClusters('recurrence/hotspots_refresh'), clusterParams(window, NO_FILTERS, settings));
    const { rows } = await client.query<{ run_id: number; hotspots: number }>(q.text, q.values);
    const durationMs = Date.now() - started;
    await client.query(sql('recurrence/hotspots_finish_run'), [rows[0].run_id, rows[0].hotspots, durationMs]);
    return { runId: rows[0].run_id, hotspots: rows[0].hotspots, durationMs, window };
  });
}

/** Hot spots computed now for any window and filters. */
export async function computeHotspots(
  db: pg.Pool | pg.PoolClient,
  window: TimeRange,
  filters: RequestFilters,
  settings: HotspotSettings,
  language: Language = 'en',
  limit?: number
): Promise<Hotspot[]> {
  const { text, values } = bindNamed(overClusters('recurrence/hotspots_live'), {
    ...clusterParams(window, filters, settings),
    hotspot_zone_ids: filters.zoneIds,
    max_rows: limit ?? settings.hotspotMaxRows,
  });
  const { rows } = await db.query<Row>(text, values);
  return rows.map((r) => toHotspot(r, language));
}

type Run = {
  id: number;
  window_from: Date;
  window_to: Date;
  eps_m: number;
  min_points: number;
  srid: number;
  computed_at: Date;
};

/** Filters the stored table can apply: those on the hot spot's topic, department and zone. */
export function tableCanFilter(f: RequestFilters): boolean {
  return (
    f.channels === null &&
    f.categories === null &&
    f.advisorIds === null &&
    f.statuses === null &&
    f.priorities === null
  );
}

/** Whether a run answers for `window` (undefined: "the current hot spots") with today's settings. */
export function runAnswers(run: Run, window: TimeRange | undefined, s: HotspotSettings): boolean {
  if (run.eps_m !== s.hotspotEpsMetres || run.min_points !== s.hotspotMinPoints || run.srid !== s.hotspotSrid) {
    return false;
  }
  if (!window) {
    return true;
  }
  return (
    Math.abs(run.window_from.getTime() - window.from.getTime()) <= s.hotspotTableToleranceMs &&
    Math.abs(run.window_to.getTime() - window.to.getTime()) <= s.hotspotTableToleranceMs
  );
}

/**
 * The hot spots for `window` (undefined: the current ones) and filters: from the refreshed table when it
 * answers, else computed live (the window then defaults to windowDays ending now).
 */
export async function findHotspots(
  db: pg.Pool | pg.PoolClient,
  p: { window?: TimeRange; filters?: RequestFilters; language?: Language; limit?: number },
  settings: HotspotSettings
): Promise<HotspotAnswer> {
  const filters = p.filters ?? NO_FILTERS;
  const language = p.language ?? 'en';
  const limit = Math.min(p.limit ?? settings.hotspotMaxRows, settings.hotspotMaxRows);
  if (tableCanFilter(filters)) {
    const { rows: runs } = await db.query<Run>(sql('recurrence/hotspots_latest_run'));
    const run = runs[0];
    if (run && runAnswers(run, p.window, settings)) {
      const { rows } = await db.query<Row>(sql('recurrence/hotspots_stored'), [
        run.id,
        filters.topics,
        filters.departments,
        filters.zoneIds,
        limit,
      ]);
      return {
        source: 'table',
        window: { from: run.window_from, to: run.window_to },
        computed_at: run.computed_at.toISOString(),
        hotspots: rows.map((r) => toHotspot(r, language)),
      };
    }
  }
  const window = p.window ?? hotspotWindow(new Date(), settings.hotspotWindowDays);
  return {
    source: 'live',
    window,
    computed_at: null,
    hotspots: await computeHotspots(db, window, filters, settings, language, limit),
  };
}
