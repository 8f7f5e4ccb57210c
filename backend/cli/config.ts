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
import { rebuildAfterZoneChange } from '../city/rezone.ts';

const HELP = `usage: services360 config apply FILE [--dry-run] [--rebuild-time-zone]
                                                   plan, then apply the city file (all or nothing)
       services360 config export [FILE]            write today's configuration (stdout without FILE)
  --rebuild-time-zone  allow a change of city.time_zone on a database that holds requests, and rebuild what
                       depends on it: day and month rollups, tile bins, SLA clocks of calendars in the city's zone
                       (the change and the marks in one transaction; the rebuild after it, resumable: the
                       aggregator's jobs or services360 rollup-history finish it if it is stopped)
  The file's JSON Schema: config/city.schema.json. An example: config/cities/dubai.yaml.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'rebuild-time-zone': { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  const [sub, file, ...rest] = positionals;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (
    rest.length ||
    (sub === 'apply' && !file) ||
    (sub !== 'apply' && sub !== 'export') ||
    (sub === 'export' && (values['dry-run'] || values['rebuild-time-zone']))
  ) {
    console.error(HELP);
    return 2;
  }
  const config = loadConfig();
  // A rebuild is a batch job, not an API call: no per-statement limit.
  const pool = createPool(databaseUrl(), values['rebuild-time-zone'] ? { ...config, statementTimeoutMs: 0 } : config);
  try {
    if (sub === 'export') {
      const text = cityFileText(await exportCity(pool));
      if (file) {
        writeFileSync(file, text);
        console.error(`config: written to ${file}`);
      } else {
        process.stdout.write(text);
      }
      return 0;
    }
    const dryRun = values['dry-run'];
    let rezoned = false;
    const code = await runCityChange(
      dryRun,
      () =>
        applyCityFile(pool, loadCityFile(file), file, {
          dryRun,
          rebuildTimeZone: values['rebuild-time-zone'],
          show: (p) => console.log(formatPlan(p)),
        }),
      (r) => {
        rezoned = r.applied && !!r.plan.rezone;
        if (r.clocks) {
          console.log(
            `${r.clocks} open request(s): SLA clocks evaluated again on the changed calendar(s) (closed ones keep theirs).`
          );
        }
      }
    );
    if (rezoned) {
      console.log('Rebuilding what depends on the time zone…');
      await rebuildAfterZoneChange(pool, new Date(), (line) => console.log(`  ${line}`));
      console.log('Rebuilt.');
    }
    return code;
  } finally {
    await pool.end();
  }
}
