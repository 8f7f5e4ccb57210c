// Calendar arithmetic in a time zone: the city's (city_settings.time_zone, the reference data's time_zone), the
// zone rollup_bucket() reads too (migration 0039), so day and month buckets are local to the city.
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
function parts(t: number, tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(t))) {
    if (p.type !== 'literal') {
      out[p.type] = Number(p.value);
    }
  }
  return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Date.UTC for every year: Date.UTC reads years 0–99 as 1900–1999 (a range may start in year 1). */
function utc(y: number, m: number, d: number, h = 0, min = 0, s = 0): number {
  const x = new Date(0);
  x.setUTCFullYear(y, m, d);
  x.setUTCHours(h, min, s, 0);
  return x.getTime();
}

/** The UTC offset (ms) of tz at instant t. */
export function offsetAt(t: number, tz: string): number {
  const p = parts(t, tz);
  return utc(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/** The instant of a local wall-clock time in tz. */
export function localToUtc(y: number, m: number, d: number, tz: string): number {
  const guess = utc(y, m, d);
  let t = guess - offsetAt(guess, tz);
  t = guess - offsetAt(t, tz);
  return t;
}

export type Unit = 'hour' | 'day' | 'week' | 'month';

/** Start of the unit containing t (weeks start on Monday, local). */
export function floorTo(t: number, unit: Unit, tz: string): number {
  if (unit === 'hour') {
    return Math.floor(t / HOUR) * HOUR;
  }
  const p = parts(t, tz);
  if (unit === 'month') {
    return localToUtc(p.year, p.month - 1, 1, tz);
  }
  const dayStart = localToUtc(p.year, p.month - 1, p.day, tz);
  if (unit === 'day') {
    return dayStart;
  }
  const dow = new Date(utc(p.year, p.month - 1, p.day)).getUTCDay(); // 0 = Sunday
  const back = (dow + 6) % 7;
  return localToUtc(p.year, p.month - 1, p.day - back, tz);
}

export function ceilTo(t: number, unit: Unit, tz: string): number {
  const f = floorTo(t, unit, tz);
  return f === t ? t : nextOf(f, unit, tz);
}

export function nextOf(start: number, unit: Unit, tz: string): number {
  if (unit === 'hour') {
    return start + HOUR;
  }
  const p = parts(start, tz);
  if (unit === 'month') {
    return localToUtc(p.year, p.month, 1, tz);
  }
  return localToUtc(p.year, p.month - 1, p.day + (unit === 'day' ? 1 : 7), tz);
}
