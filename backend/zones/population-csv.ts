// Reads population figures from CSV: one row per zone and year. Checks every row and names each bad one
// by its line; reading never stops at the first problem, so the operator sees them all at once.
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';

export type PopulationColumns = { code: string; population: string; year: string };
export const DEFAULT_POPULATION_COLUMNS: PopulationColumns = {
  code: 'zone_code',
  population: 'population',
  year: 'year',
};

export type PopulationRow = { line: number; code: string; population: number; year: number };
export type RowProblem = { line: number; reason: string };
export type PopulationCsv = { rows: PopulationRow[]; problems: RowProblem[] };

export class PopulationCsvError extends Error {}

export const YEAR_RANGE = { min: 1900, max: 2100 } as const;
const MAX_POPULATION = 2_147_483_647;

/** Checks one record's fields; returns the row or the reason it is bad. */
export function checkPopulationRecord(
  code: string | undefined,
  population: string | undefined,
  year: string | undefined
): { code: string; population: number; year: number } | string {
  if (!code) {
    return 'zone code is empty';
  }
  if (population === undefined || population === '') {
    return 'population is empty';
  }
  if (!/^\d+$/.test(population) || Number(population) > MAX_POPULATION) {
    return `population "${population}" is not a whole number ≥ 0`;
  }
  if (year === undefined || year === '') {
    return 'year is empty';
  }
  const y = Number(year);
  if (!/^\d{4}$/.test(year) || y < YEAR_RANGE.min || y > YEAR_RANGE.max) {
    return `year "${year}" is not a year between ${YEAR_RANGE.min} and ${YEAR_RANGE.max}`;
  }
  return { code, population: Number(population), year: y };
}

export async function readPopulationCsv(
  input: Readable,
  columns: PopulationColumns = DEFAULT_POPULATION_COLUMNS,
  delimiter = ','
): Promise<PopulationCsv> {
  const parser = input.pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      delimiter,
      info: true,
    })
  );
  const out: PopulationCsv = { rows: [], problems: [] };
  const firstLine = new Map<string, number>();
  let index: { code: number; population: number; year: number } | null = null;
  let width = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!index) {
        const header = record.map((h) => h.toLowerCase());
        const find = (name: string) => header.indexOf(name.toLowerCase());
        const found = { code: find(columns.code), population: find(columns.population), year: find(columns.year) };
        index = found;
        const missing = (Object.keys(found) as Array<keyof PopulationColumns>)
          .filter((k) => found[k] < 0)
          .map((k) => `"${columns[k]}"`);
        if (missing.length) {
          throw new PopulationCsvError(
            `line ${line}: the header has no column ${missing.join(', ')} (it has: ${record.join(', ')}); ` +
              `name them with --code-column, --population-column, --year-column`
          );
        }
        width = record.length;
        continue;
      }
      if (record.length !== width) {
        out.problems.push({ line, reason: `has ${record.length} fields, the header has ${width}` });
        continue;
      }
      const checked = checkPopulationRecord(record[index.code], record[index.population], record[index.year]);
      if (typeof checked === 'string') {
        out.problems.push({ line, reason: checked });
        continue;
      }
      const key = `${checked.code}\u0000${checked.year}`;
      const seen = firstLine.get(key);
      if (seen !== undefined) {
        out.problems.push({ line, reason: `zone "${checked.code}", year ${checked.year} repeats line ${seen}` });
        continue;
      }
      firstLine.set(key, line);
      out.rows.push({ line, ...checked });
    }
  } catch (err) {
    if (err instanceof PopulationCsvError) {
      throw err;
    }
    const e = err as Error & { lines?: number };
    throw new PopulationCsvError(`${e.lines ? `line ${e.lines}: ` : ''}the file is not readable CSV: ${e.message}`);
  }
  if (!index) {
    throw new PopulationCsvError('the file is empty (no header row)');
  }
  return out;
}
