// The drill-down selection: which zone the dashboard variable set by a click names, and the URL update a click,
// a second click, Escape or "whole city" makes. The map keeps its whole-city data (its own query does not filter
// on the variable it sets, the way cross-filtering works in BI tools); the selection only outlines the zone and
// dims the others. Pure.
import { variableName } from './resolve-options.ts';

/** Grafana's value for "All" in the URL and in a variable's current value. */
export const ALL = '$__all';

type VariableLike = { name: string; current?: { value?: unknown } };

/**
 * The one zone code the variable holds, or null (All, several, none, or no such variable). The URL's
 * `var-<name>` comes first (Grafana keeps variables there, and it changes before the variables are updated from
 * it); without it, the variable's current value.
 */
export function selectedZone(
  search: Record<string, unknown>,
  variables: readonly VariableLike[],
  name: string
): string | null {
  const v = variableName(name);
  if (!v) {
    return null;
  }
  const raw = search[`var-${v}`] ?? variables.find((x) => x.name === v)?.current?.value;
  const values = (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw])
    .map(String)
    .filter((x) => x !== '');
  return values.length === 1 && values[0] !== ALL ? values[0] : null;
}

/** The URL update (for locationService.partial) a click on `code` makes: select it, or clear when it was selected. */
export function clickUpdate(name: string, selected: string | null, code: string): Record<string, string> | null {
  const v = variableName(name);
  if (!v) {
    return null;
  }
  return { [`var-${v}`]: selected === code ? ALL : code };
}

/** The URL update that clears the selection (the whole city again). */
export function clearUpdate(name: string): Record<string, string> | null {
  const v = variableName(name);
  return v ? { [`var-${v}`]: ALL } : null;
}

/**
 * Whether a query (a panel target, as JSON) filters on the variable the map's click sets: then a click would
 * blank every other zone. `$zone`, `${zone}`, `${zone:csv}` and `[[zone]]` count; `$zones` does not.
 */
export function filtersOnVariable(targets: unknown, name: string): boolean {
  const v = variableName(name);
  if (!v || !targets) {
    return false;
  }
  const text = JSON.stringify(targets);
  const esc = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\$${esc}(?![\\w])|\\$\\{${esc}(?:[:}])|\\[\\[${esc}(?:[:\\]])`).test(text);
}
