// Warn before a calendar runs out of holidays (issue 11 item 9). A calendar in use must have holidays defined up to
// the end of the first quarter of next year (31 March, in its zone): on 6 December 2026 up to 2027-03-31, and all
// through 2027 up to 2028-03-31, so a year's holidays must be in before the year before it ends. That bound is
// always at least 90 days ahead, so "a holiday defined within the next 60 days" never asks more. Missing
// holidays are a /readyz warning (never a failure: SLA clocks still run, without those days off), the metrics
// s360_calendar_holidays_horizon_days and s360_calendar_holidays_missing, and the alert rule "Holidays running
// out" (view alerting.holiday_horizon, migration 0037, the same rule in SQL). Pure, but for readHolidayHorizon.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import type { ErrorDetail } from '../http/errors.ts';
import { dayOfDate } from '../sla/time-zone.ts';

/** One calendar in use: today and its last holiday ("YYYY-MM-DD" in its zone; null: none defined). */
export type HorizonRow = { calendar: string; today: string; last_holiday: string | null };

/** 31 March of the year after `today`. */
export const requiredUntil = (today: string) => `${Number(today.slice(0, 4)) + 1}-03-31`;

/** Days from today to the last holiday (negative once it is past); null when none is defined. */
export function horizonDays(r: HorizonRow): number | null {
  return r.last_holiday === null ? null : dayOfDate(r.last_holiday) - dayOfDate(r.today);
}

/** Whether holidays are missing: none defined, or the last one before 31 March of next year. */
export const holidaysMissing = (r: HorizonRow) => r.last_holiday === null || r.last_holiday < requiredUntil(r.today);

export function horizonWarnings(rows: readonly HorizonRow[]): ErrorDetail[] {
  return rows.filter(holidaysMissing).map((r) => ({
    path: `calendars.${r.calendar}.holidays`,
    message:
      `calendar "${r.calendar}" has ${r.last_holiday === null ? 'no holiday defined' : `holidays defined up to ${r.last_holiday} only`}; ` +
      `define them up to at least ${requiredUntil(r.today)} (services360 config apply, or holidays import)`,
  }));
}

export async function readHolidayHorizon(pool: pg.Pool, now: Date): Promise<HorizonRow[]> {
  return (await pool.query<HorizonRow>(sql('ops/holiday_horizon'), [now])).rows;
}
