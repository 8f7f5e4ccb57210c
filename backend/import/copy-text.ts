// PostgreSQL COPY text format: one line per row, tab-separated, \N for NULL, backslash escapes.
// https://www.postgresql.org/docs/current/sql-copy.html (File Formats, Text Format)

const SPECIAL = /[\\\t\n\r]/;

/** One value of a text COPY line. */
export function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  if (!SPECIAL.test(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * An array value (`{a,b,NULL}`) of simple elements: codes, numbers and ISO times. Elements holding
 * anything an array literal would need to quote are refused: they never come from a file.
 */
export function copyArray(items: readonly (string | number | null)[]): string {
  return `{${items.map((x) => {
    if (x === null) return 'NULL';
    const s = String(x);
    if (!/^[A-Za-z0-9_.:+-]+$/.test(s) || /^null$/i.test(s)) throw new Error(`array element "${s}" needs quoting`);
    return s;
  }).join(',')}}`;
}

export function copyLine(values: string[]): string {
  return `${values.join('\t')}\n`;
}
