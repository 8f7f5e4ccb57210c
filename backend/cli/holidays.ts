// `services360 holidays import FILE.ics (--calendar CODE | --all-calendars) [--provisional] [--dry-run]`.
import { parseArgs } from 'node:util';
import { databaseUrl, loadConfig } from '../config.ts';
import { createPool } from '../db/pool.ts';
import { runCityChange } from '../city/cli-outcome.ts';
import { importHolidays } from '../city/import-holidays.ts';

const HELP = `usage: services360 holidays import FILE.ics (--calendar CODE | --all-calendars) [--provisional] [--dry-run]
  Adds the file's events (DTSTART/DTEND, SUMMARY; SUMMARY;LANGUAGE=ar for the Arabic name) as holidays of one
  calendar or of every calendar that observes holidays, all or nothing; prints the plan first. Nothing is removed.
  --provisional   mark them provisional (dates computed ahead, not yet announced)`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      calendar: { type: 'string' },
      'all-calendars': { type: 'boolean', default: false },
      provisional: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const [sub, file, ...rest] = positionals;
  if (sub !== 'import' || !file || rest.length || (values.calendar === undefined) === !values['all-calendars']) {
    console.error(HELP);
    return 2;
  }
  const pool = createPool(databaseUrl(), loadConfig());
  try {
    return await runCityChange(
      values['dry-run'],
      () =>
        importHolidays(
          pool,
          file,
          { calendar: values.calendar ?? null, provisional: values.provisional, dryRun: values['dry-run'] },
          (t) => console.log(t)
        ),
      (r) => {
        if (r.arabicFromEnglish) {
          console.log(
            `${r.arabicFromEnglish} holiday date(s) had no Arabic SUMMARY (SUMMARY;LANGUAGE=ar): their English name is used in Arabic too.`
          );
        }
        if (r.clocks) {
          console.log(
            `${r.clocks} open request(s) whose SLA clock spans the new date(s): due times evaluated again (closed ones keep theirs).`
          );
        }
      }
    );
  } finally {
    await pool.end();
  }
}
