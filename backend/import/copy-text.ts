// PostgreSQL COPY text format: one line per row, tab-separated, \N for NULL, backslash escapes.
// https://www.postgresql.org/docs/current/sql-copy.html (File Formats, Text Format)

const SPECIAL = /[\\\t\n\r]/;

/** One value of a text COPY line. */
export function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) {
    return '\\N';
  }
  if (typeof v === 'number') {
    return String(v);
  }
  if (!SPECIAL.test(v)) {
    return v;
  }
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
