// A mapping's `values` for one field: the file's values → ours. A value is found as written, else trimmed,
// else ignoring case ("Closed", "OPEN" and "closed" are one value). `"*"` says what every value not
// listed becomes: another value ("*": "other"), or none ("*": null: the field stays empty, defaults do
// not apply). A listed value may map to null too. Without "*", a value not listed passes unchanged.
export const OTHER = '*';

/** What a file's value becomes: our value, null for none. */
export type ValueMap = (value: string) => string | null;

export function compileValues(values: Readonly<Record<string, string | null>>): ValueMap {
  const exact = new Map<string, string | null>();
  const loose = new Map<string, string | null>();
  for (const [from, to] of Object.entries(values)) {
    if (from === OTHER) {
      continue;
    }
    exact.set(from, to);
    const key = from.trim().toLowerCase();
    if (!loose.has(key)) {
      loose.set(key, to);
    }
  }
  const hasOther = Object.hasOwn(values, OTHER);
  const other = hasOther ? values[OTHER] : undefined;
  return (value) => {
    const trimmed = value.trim();
    for (const [map, key] of [
      [exact, value],
      [exact, trimmed],
      [loose, trimmed.toLowerCase()],
    ] as const) {
      const mapped = map.get(key);
      if (mapped !== undefined) {
        return mapped;
      }
    }
    return hasOther ? (other ?? null) : value;
  };
}
