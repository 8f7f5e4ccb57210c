// Writes population figures and copies each zone's latest year onto the zone (zones.population,
// population_year, population_synthetic). Runs inside the caller's transaction.
import type pg from 'pg';
import { sql } from '../db/sql.ts';

export type PopulationFigure = { zoneId: number; year: number; population: number; synthetic: boolean };

/** Upserts the figures; returns how many zones' current population changed. */
export async function writePopulation(client: pg.ClientBase, figures: PopulationFigure[]): Promise<number> {
  if (!figures.length) {
    return 0;
  }
  await client.query(sql('zones/upsert_population'), [
    figures.map((f) => f.zoneId),
    figures.map((f) => f.year),
    figures.map((f) => f.population),
    figures.map((f) => f.synthetic),
  ]);
  const zoneIds = [...new Set(figures.map((f) => f.zoneId))];
  const { rowCount } = await client.query(sql('zones/refresh_population'), [zoneIds]);
  return rowCount ?? 0;
}
