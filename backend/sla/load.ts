// What an evaluation reads besides the request rows: their journeys and the calendars of their policies. Shared by
// refresh.ts and history-sweep.ts.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { CalendarError, compileCalendar, type Calendar, type WeeklyHours } from './calendar.ts';
import type { JourneyStep } from './pauses.ts';

type JourneyRow = { request_id: number | string; to_status: string; occurred_at: Date };
type CalendarRow = { code: string; timezone: string; weekly_hours: WeeklyHours; holidays: string[] };

/** Journey rows (in journey order per request) grouped by request. */
export function groupJourneys(rows: readonly JourneyRow[]): Map<number, JourneyStep[]> {
  const out = new Map<number, JourneyStep[]>();
  for (const r of rows) {
    const id = Number(r.request_id);
    let list = out.get(id);
    if (!list) {
      list = [];
      out.set(id, list);
    }
    list.push({ to_status: r.to_status, occurred_at: r.occurred_at });
  }
  return out;
}

/** The journeys of the requests `ids`. */
export async function loadJourneys(client: pg.ClientBase, ids: number[]): Promise<Map<number, JourneyStep[]>> {
  const { rows } = await client.query<JourneyRow>(sql('sla/load_journeys'), [ids]);
  return groupJourneys(rows);
}

/** The calendars `codes`, compiled; a missing or broken one fails with its code. */
export async function loadCalendars(client: pg.ClientBase, codes: string[]): Promise<Map<string, Calendar>> {
  const { rows } = await client.query<CalendarRow>(sql('sla/load_calendars'), [codes]);
  const out = new Map<string, Calendar>();
  for (const r of rows) {
    try {
      out.set(
        r.code,
        compileCalendar({ code: r.code, timezone: r.timezone, weekly_hours: r.weekly_hours, holidays: r.holidays })
      );
    } catch (err) {
      if (err instanceof CalendarError) {
        throw new CalendarError(`calendar "${r.code}": ${err.message}`);
      }
      throw err;
    }
  }
  for (const code of codes) {
    if (!out.has(code)) {
      throw new CalendarError(`calendar "${code}" not found`);
    }
  }
  return out;
}
