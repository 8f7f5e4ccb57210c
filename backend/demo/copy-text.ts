// PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes in text.
export const NULL = '\\N';
const SPECIAL = /[\\\t\n\r]/;

export function copyText(value: string): string {
  if (!SPECIAL.test(value)) {
    return value;
  }
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefix = new Map<number, string>();

/**
 * A UTC instant as PostgreSQL timestamptz text ("2026-11-29 06:00:00+00"). Whole seconds take a fast path
 * (the demo writes tens of millions of them); anything else goes through toISOString.
 */
export function copyTime(ms: number): string {
  if (ms % 1000 !== 0) {
    return new Date(ms).toISOString();
  }
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = `${new Date(day * DAY_MS).toISOString().slice(0, 10)} `;
    dayPrefix.set(day, prefix);
  }
  const s = (ms - day * DAY_MS) / 1000;
  return `${prefix}${TWO_DIGITS[Math.floor(s / 3600)]}:${TWO_DIGITS[Math.floor(s / 60) % 60]}:${TWO_DIGITS[s % 60]}+00`;
}
