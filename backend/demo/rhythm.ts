// When requests arrive: the period in the city's days (its configured zone, daylight saving included: a day is
// local midnight to local midnight, 23 or 25 hours when the clocks change), each day's share (weekly rhythm
// with a Saturday–Sunday weekend, public holidays, slow growth, a mild season, the odd rain storm), and the
// local time of day (peaks late morning and in the evening).
import { Prng, Weighted, apportion } from './prng.ts';
import { localDate, localDay, localToInstant, offsetAt } from '../sla/time-zone.ts';

export { localDate };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** By JavaScript day number (0 = Sunday). The UAE weekend is Saturday and Sunday; Friday is a half day. */
export const DAY_OF_WEEK_FACTOR: readonly number[] = [0.62, 1.0, 1.02, 1.0, 0.96, 0.82, 0.58];
export const HOLIDAY_FACTOR = 0.55;
export const ANNUAL_VOLUME_GROWTH = 0.08;
export const STORM_CHANCE = 0.03; // per day, November to March
export const STORM_FACTOR = 1.6;

/** Relative arrivals per local hour, working days: a late-morning peak and an evening one. */
export const HOURLY_WORKDAY: readonly number[] = [
  0.22, 0.14, 0.09, 0.07, 0.07, 0.12, 0.3, 0.62, 0.95, 1.15, 1.3, 1.32, 1.15, 1.0, 0.9, 0.85, 0.9, 1.0, 1.1, 1.22, 1.18,
  0.95, 0.68, 0.42,
];
/** Weekends start later and keep the evening peak. */
export const HOURLY_WEEKEND: readonly number[] = [
  0.3, 0.2, 0.12, 0.08, 0.07, 0.08, 0.15, 0.3, 0.55, 0.8, 1.0, 1.1, 1.12, 1.05, 0.95, 0.9, 0.95, 1.05, 1.15, 1.25, 1.2,
  1.0, 0.75, 0.5,
];

export type Day = {
  index: number;
  /** local midnight, as UTC milliseconds */
  startMs: number;
  /** the instants local hours 0…24 of the day begin (hourStarts[24]: the next local midnight) */
  hourStarts: number[];
  /** end of the part of the day inside the period (exclusive) */
  endMs: number;
  dow: number;
  localDate: string;
  holiday: boolean;
  storm: boolean;
  weekend: boolean;
  weight: number;
};

/** Local midnight (in `zone`) of the day `months` calendar months before the local date of `endMs`. */
export function periodStart(endMs: number, months: number, zone: string): number {
  const local = new Date(endMs + offsetAt(zone, endMs));
  return localToInstant(zone, Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - months, local.getUTCDate()));
}

/** Where each local hour of the day starting at `dayStartMs` begins (an hour the clocks skip has no length). */
function hourStartsOf(dayStartMs: number, zone: string): number[] {
  const midnight = localDay(zone, dayStartMs) * DAY_MS;
  return Array.from({ length: 25 }, (_, h) => localToInstant(zone, midnight + h * HOUR_MS));
}

function hourlyShare(profile: readonly number[], fromMs: number, toMs: number, hourStarts: readonly number[]): number {
  const total = profile.reduce((a, b) => a + b, 0);
  let share = 0;
  for (let h = 0; h < 24; h++) {
    const overlap = Math.max(0, Math.min(toMs, hourStarts[h + 1]) - Math.max(fromMs, hourStarts[h]));
    share += (profile[h] * overlap) / HOUR_MS;
  }
  return share / total;
}

/** The days from `startMs` (a local midnight in `zone`) to `endMs`. */
export function planDays(
  startMs: number,
  endMs: number,
  holidays: ReadonlySet<string>,
  prng: Prng,
  zone: string
): Day[] {
  const days: Day[] = [];
  for (let s = startMs, i = 0; s < endMs; i++) {
    const hourStarts = hourStartsOf(s, zone);
    const date = localDate(s, zone);
    const dow = new Date(s + offsetAt(zone, s)).getUTCDay();
    const month = Number(date.slice(5, 7));
    const holiday = holidays.has(date);
    const storm = (month >= 11 || month <= 3) && prng.chance(STORM_CHANCE);
    const weekend = dow === 0 || dow === 6;
    const years = (s - startMs) / (365.25 * DAY_MS);
    const dayOfYear =
      (Date.UTC(Number(date.slice(0, 4)), month - 1, Number(date.slice(8, 10))) -
        Date.UTC(Number(date.slice(0, 4)), 0, 1)) /
      DAY_MS;
    const season = 1 + 0.08 * Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365);
    const end = Math.min(endMs, hourStarts[24]);
    const covered = hourlyShare(weekend ? HOURLY_WEEKEND : HOURLY_WORKDAY, s, end, hourStarts);
    const weight =
      DAY_OF_WEEK_FACTOR[dow] *
      (holiday ? HOLIDAY_FACTOR : 1) *
      (storm ? STORM_FACTOR : 1) *
      Math.exp(ANNUAL_VOLUME_GROWTH * years) *
      season *
      prng.logNormal(1, 0.07) *
      covered;
    days.push({ index: i, startMs: s, hourStarts, endMs: end, dow, localDate: date, holiday, storm, weekend, weight });
    s = hourStarts[24];
  }
  return days;
}

/** Requests per day, summing exactly to `total`. */
export function dailyCounts(days: Day[], total: number): number[] {
  return apportion(
    total,
    days.map((d) => d.weight)
  );
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WORKDAY_HOURS = new Weighted(HOURS, HOURLY_WORKDAY);
const WEEKEND_HOURS = new Weighted(HOURS, HOURLY_WEEKEND);

/** A random arrival time within the day (whole seconds), following the hourly profile. */
export function arrivalTime(day: Day, prng: Prng): number {
  const table = day.weekend ? WEEKEND_HOURS : WORKDAY_HOURS;
  for (;;) {
    const hour = table.index(prng);
    const t = day.hourStarts[hour] + Math.floor(prng.float() * 3600) * 1000;
    if (t < day.endMs) {
      return t;
    }
    // the period's last day ends early: draw again (only the hours before its end can be drawn)
    if (day.endMs - day.startMs < HOUR_MS && t >= day.endMs) {
      return day.startMs + Math.floor(prng.float() * ((day.endMs - day.startMs) / 1000)) * 1000;
    }
  }
}
