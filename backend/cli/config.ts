// `services360 config apply FILE [--dry-run]` and `services360 config export [FILE]`: the city's configuration as
// a file (backend/city). apply prints the plan first, then applies it in one transaction; export writes today's
// configuration (to stdout without FILE).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { applyCityFile } from '../city/apply.ts';
import { runCityChange } from '../city/cli-outcome.ts';
import { cityFileText, exportCity } from '../city/export.ts';
import { loadCityFile } from '../city/load-file.ts';
import { formatPlan } from '../city/plan.ts';

const HELP = `usage: services360 config apply FILE [--dry-run]   plan, then apply the city file (all or nothing)
       services360 config export [FILE]            write today's configuration (stdout without FILE)
  The file's JSON Schema: config/city.schema.json. An example: config/cities/dubai.yaml.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean' } } });
  const [sub, file, ...rest] = positionals;
  if (values.help) { console.log(HELP); return 0; }
  if (rest.length || (sub === 'apply' && !file) || (sub !== 'apply' && sub !== 'export') || (sub === 'export' && values['dry-run'])) { console.error(HELP); return 2; }
  const pool = createPool(databaseUrl(), loadConfig());
  try {
    if (sub === 'export') {
      const text = cityFileText(await exportCity(pool));
      if (file) { writeFileSync(file, text); console.error(`config: written to ${file}`); } else process.stdout.write(text);
      return 0;
    }
    const dryRun = values['dry-run']!;
    return await runCityChange(dryRun, () => applyCityFile(pool, loadCityFile(file), file, { dryRun, show: (p) => console.log(formatPlan(p)) }));
  } finally {
    await pool.end();
  }
}
