// `import-population`: population per zone and year from CSV. All or nothing: when any row is bad or names
// an unknown zone, every problem is reported (line and reason) and nothing is written.
import { createReadStream } from 'node:fs';
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';
import { readPopulationCsv, type PopulationColumns, type RowProblem } from './population-csv.ts';
import { writePopulation } from './write-population.ts';
import { lookup } from '../domain/lookup.ts';

export type PopulationImportOptions = { columns: PopulationColumns; synthetic: boolean; delimiter?: string };
export type PopulationImportReport = {
  rows: number;
  zones: number;
  years: [number, number] | null;
  written: boolean;
  /** zones whose current population (latest year) changed */
  zonesUpdated: number;
  problems: RowProblem[];
};

export async function importPopulationFile(
  pool: pg.Pool,
  file: string,
  options: PopulationImportOptions
): Promise<PopulationImportReport> {
  const csv = await readPopulationCsv(createReadStream(file), options.columns, options.delimiter);
  const codes = [...new Set(csv.rows.map((r) => r.code))];
  const { rows: known } = await pool.query<{ id: number; code: string }>(sql('zones/find_zones_by_code'), [codes]);
  const idOf = new Map(known.map((z) => [z.code, z.id]));
  const problems = [...csv.problems];
  for (const r of csv.rows) {
    if (!idOf.has(r.code)) {
      problems.push({ line: r.line, reason: `unknown zone code "${r.code}"` });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  const years = csv.rows.map((r) => r.year);
  const report: PopulationImportReport = {
    rows: csv.rows.length,
    zones: idOf.size,
    years: years.length ? [Math.min(...years), Math.max(...years)] : null,
    written: false,
    zonesUpdated: 0,
    problems,
  };
  if (problems.length || !csv.rows.length) {
    return report;
  }
  report.zonesUpdated = await inTransaction(pool, (client) =>
    writePopulation(
      client,
      csv.rows.map((r) => ({
        zoneId: lookup(idOf, r.code, 'idOf'),
        year: r.year,
        population: r.population,
        synthetic: options.synthetic,
      }))
    )
  );
  report.written = true;
  return report;
}
