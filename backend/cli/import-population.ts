import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { importPopulationFile } from '../zones/import-population.ts';
import { DEFAULT_POPULATION_COLUMNS } from '../zones/population-csv.ts';

const HELP = `usage: services360 import-population FILE.csv [options]
  One row per zone and year; the latest year becomes the zone's current population.
  All or nothing: any bad row or unknown zone code is reported (line and reason) and nothing is written.
  --code-column NAME        column holding the zone code   (default: ${DEFAULT_POPULATION_COLUMNS.code})
  --population-column NAME  column holding the population  (default: ${DEFAULT_POPULATION_COLUMNS.population})
  --year-column NAME        column holding the year        (default: ${DEFAULT_POPULATION_COLUMNS.year})
  --delimiter C             field separator                (default: ,)
  --synthetic               mark the figures as synthetic (made up, not official)`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'code-column': { type: 'string', default: DEFAULT_POPULATION_COLUMNS.code },
      'population-column': { type: 'string', default: DEFAULT_POPULATION_COLUMNS.population },
      'year-column': { type: 'string', default: DEFAULT_POPULATION_COLUMNS.year },
      delimiter: { type: 'string', default: ',' },
      synthetic: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(HELP);
    return values.help ? 0 : 2;
  }
  if (values.delimiter.length !== 1) {
    console.error('--delimiter must be one character');
    return 2;
  }
  const config = loadConfig();
  // A batch load, not an API call: no per-statement limit (a loaded 2-core machine once took over 30 s to prepare the zones).
  const pool = createPool(databaseUrl(), { ...config, statementTimeoutMs: 0 });
  try {
    const report = await importPopulationFile(pool, positionals[0], {
      columns: { code: values['code-column'], population: values['population-column'], year: values['year-column'] },
      synthetic: values.synthetic,
      delimiter: values.delimiter,
    });
    for (const p of report.problems) {
      console.error(`  line ${p.line}: ${p.reason}`);
    }
    if (report.problems.length) {
      console.error(`population: ${report.problems.length} problem(s); nothing written`);
      return 1;
    }
    if (!report.rows || !report.years) {
      console.error('population: the file holds no rows; nothing written');
      return 1;
    }
    const [first, last] = report.years;
    const years = first === last ? `${first}` : `${first}–${last}`;
    console.log(
      `population: ${report.rows} figures for ${report.zones} zones (${years})${values.synthetic ? ', marked synthetic' : ''}; ` +
        `${report.zonesUpdated} zones' current population changed`
    );
    return 0;
  } finally {
    await pool.end();
  }
}
