// Finding fields in data frames by name, display name or role, without Grafana's runtime (pure, testable).
import type { DataFrame, Field } from '@grafana/data';

/** The name Grafana shows for a field: config.displayName, the computed display name, else its name. */
export function displayNameOf(field: Field): string {
  return field.config?.displayName ?? field.state?.displayName ?? field.name;
}

/** The field called `name` (by name or display name, case-insensitive); undefined for '' or no match. */
export function fieldByName(frame: DataFrame, name: string | undefined): Field | undefined {
  if (!name) {
    return undefined;
  }
  const lower = name.toLowerCase();
  return (
    frame.fields.find((f) => f.name === name) ??
    frame.fields.find((f) => f.name.toLowerCase() === lower || displayNameOf(f).toLowerCase() === lower)
  );
}

export const isNumberField = (f: Field) => f.type === 'number';

/** The frame with this refId or name; '' means every frame. */
export function selectFrames(series: DataFrame[], which: string | undefined): DataFrame[] {
  if (!which) {
    return series;
  }
  return series.filter((f) => f.refId === which || f.name === which);
}

/** True when no frame holds a single row. */
export function isEmptyData(series: DataFrame[] | undefined): boolean {
  return !series?.length || series.every((f) => f.length === 0 || f.fields.length === 0);
}
