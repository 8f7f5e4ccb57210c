// PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes in text.
export const NULL = '\\N';
const SPECIAL = /[\\\t\n\r]/;

export function copyText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A UTC instant in ISO form (PostgreSQL reads it as timestamptz). */
export function copyTime(ms: number): string {
  return new Date(ms).toISOString();
}
