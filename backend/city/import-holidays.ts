// `holidays import FILE.ics --calendar CODE | --all-calendars`: the .ics file's holidays (ics.ts) added to one
// calendar or to every calendar that observes holidays, in one transaction under the configuration lock. A date
// already there keeps its row and takes the file's name (the plan shows it); nothing else is removed. A new date
// without an Arabic SUMMARY (SUMMARY;LANGUAGE=ar) is named in Arabic by its English name, and said so.
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { sql } from '../db/sql.ts';
import { CityFileError } from './check-file.ts';
import { readIcsHolidays } from './ics.ts';
import { holidayKey, type Names } from './model.ts';
import { formatPlan, type Plan, type Step } from './plan.ts';
import { readState } from './read-state.ts';
import { recordFinishedClocks, refreshOpenClocks } from './open-clocks.ts';
import { lookup, present } from '../domain/lookup.ts';

export type HolidayImport = {
  calendar: string | null;
  provisional: boolean;
  dryRun: boolean;
  /** the SLA clocks' evaluation instant (default: now) */ now?: Date;
};
export type HolidayImportResult = {
  plan: Plan;
  applied: boolean;
  arabicFromEnglish: number;
  /** open requests whose SLA clock was evaluated again */ clocks?: number;
};

export async function importHolidays(
  pool: pg.Pool,
  path: string,
  opts: HolidayImport,
  show: (text: string) => void = () => {}
): Promise<HolidayImportResult> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CityFileError(path, [
      { path: '(file)', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` },
    ]);
  }
  return inTransaction(
    pool,
    async (client) => {
      if (!opts.dryRun) {
        await client.query(sql('city/lock'));
      }
      const state = await readState(client);
      if (opts.calendar !== null) {
        const cal = (
          await client.query<{ observes_holidays: boolean; retired: boolean }>(sql('city/calendar_of'), [opts.calendar])
        ).rows[0];
        const why = !cal
          ? 'is not a calendar'
          : cal.retired
            ? 'is retired'
            : !cal.observes_holidays
              ? 'does not observe holidays'
              : null;
        if (why) {
          throw new CityFileError(path, [{ path: '--calendar', message: `"${opts.calendar}" ${why}` }]);
        }
      }
      const read = readIcsHolidays(text, state.city.time_zone);
      if (read.problems.length) {
        throw new CityFileError(
          path,
          read.problems.map((p) => ({ path: `line ${p.line}`, message: p.message }))
        );
      }
      const steps: Step[] = [];
      const seen = new Map<string, number>();
      const problems = [];
      const rows: Array<{ date: string; names: Names }> = [];
      for (const h of read.holidays) {
        const first = seen.get(h.date);
        if (first !== undefined) {
          problems.push({ path: `line ${h.line}`, message: `${h.date} again (an event at line ${first} covers it)` });
          continue;
        }
        seen.set(h.date, h.line);
        const key = holidayKey(opts.calendar, h.date);
        const cur = state.holidays.get(key);
        // Without an Arabic SUMMARY a date already there keeps its Arabic name; a new one takes the English name.
        const names: Names = { en: h.en, ar: h.ar ?? cur?.names.ar ?? h.en };
        rows.push({ date: h.date, names });
        const code = `${h.date} (${opts.calendar ?? 'every calendar'})`;
        if (!cur) {
          steps.push({
            op: '+',
            section: 'holidays',
            code,
            key,
            fields: [],
            note: `${names.en} / ${names.ar}${opts.provisional ? ' (provisional)' : ''}`,
          });
          continue;
        }
        const fields = [];
        for (const l of ['en', 'ar']) {
          if (cur.names[l] !== names[l]) {
            fields.push({ field: `name.${l}`, from: JSON.stringify(cur.names[l]), to: JSON.stringify(names[l]) });
          }
        }
        if (cur.provisional !== opts.provisional) {
          fields.push({ field: 'provisional', from: String(cur.provisional), to: String(opts.provisional) });
        }
        if (fields.length) {
          steps.push({ op: '~', section: 'holidays', code, key, fields });
        }
      }
      if (problems.length) {
        throw new CityFileError(path, problems);
      }
      const plan: Plan = { steps, problems: [] };
      show(formatPlan(plan));
      const arabicFromEnglish = read.holidays.filter(
        (h) => h.ar === null && !state.holidays.has(holidayKey(opts.calendar, h.date))
      ).length;
      if (opts.dryRun || !steps.length) {
        return { plan, applied: false, arabicFromEnglish };
      }
      await recordFinishedClocks(client, plan, opts.now ?? new Date()); // before the new dates reach any calendar
      const byDate = new Map(rows.map((r) => [r.date, r]));
      for (const s of steps) {
        const key = present(s.key, "a holiday step's key");
        const date = key.split('|')[1];
        const r = lookup(byDate, date, 'byDate');
        const others = JSON.stringify(
          Object.fromEntries(
            Object.entries(state.holidays.get(key)?.names ?? {}).filter(([l]) => l !== 'en' && l !== 'ar')
          )
        );
        await client.query(sql('city/upsert_holiday'), [
          opts.calendar,
          date,
          r.names.en,
          r.names.ar,
          others,
          opts.provisional,
        ]);
      }
      // The open clocks the new dates move, in this transaction (closed ones never: open-clocks.ts).
      const clocks = await refreshOpenClocks(client, plan, opts.now ?? new Date());
      return { plan, applied: true, arabicFromEnglish, clocks: clocks.requests };
    },
    opts.dryRun ? 'snapshot-read-only' : 'default'
  );
}
