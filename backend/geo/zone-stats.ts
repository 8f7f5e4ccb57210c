// One figure per zone for a choropleth join: received, received per 10,000 residents, open, breaches.
import type pg from 'pg';
import { bindNamed } from '../db/named-params.ts';
import { filterParams, withRequestFilters, type RequestFilters } from './request-filters.ts';
import type { TimeRange } from './read-params.ts';

export const ZONE_METRICS = ['received', 'received_per_10k', 'open', 'breaches'] as const;
export type ZoneMetric = (typeof ZONE_METRICS)[number];
export type ZoneStatRow = { zone_code: string; value: number | null; population: number | null };

const QUERY: Record<ZoneMetric, string> = {
  received: 'geo/zone_stats_received',
  received_per_10k: 'geo/zone_stats_received',
  open: 'geo/zone_stats_open',
  breaches: 'geo/zone_stats_breaches',
};

/** Per 10,000 residents; null where the population is unknown or zero. */
export function per10k(count: number, population: number | null): number | null {
  return population ? (count * 10_000) / population : null;
}

export async function zoneStats(
  pool: pg.Pool,
  metric: ZoneMetric,
  range: TimeRange,
  filters: RequestFilters
): Promise<ZoneStatRow[]> {
  const { text, values } = bindNamed(withRequestFilters(QUERY[metric]), {
    from: range.from,
    to: range.to,
    ...filterParams(filters),
  });
  const { rows } = await pool.query<{ zone_code: string; population: number | null; value: number }>(text, values);
  return rows.map((r) => ({
    zone_code: r.zone_code,
    value: metric === 'received_per_10k' ? per10k(r.value, r.population) : r.value,
    population: r.population,
  }));
}
