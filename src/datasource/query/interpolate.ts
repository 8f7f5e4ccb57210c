// Template variables in a query, resolved with Grafana's template service (passed in, so this stays pure).
// A filter value that is exactly one variable becomes that variable's values (multi-value → several codes);
// "All" becomes the API's `all`. Detection of "All" uses the `text` format (Grafana renders "All" there, with or
// without a custom all value) and the values come from the `json` format, so codes with commas or spaces survive.
// A variable the dashboard does not define (a panel cloned elsewhere, a library panel) stays unresolved: a filter
// value still of the form `$name`, `${name}` or `[[name]]` after interpolation means "all" for that dimension (the
// aggregator would refuse it with a 400 such as `unknown zone "$zone"`).
import type { ScopedVars } from '@grafana/data';
import { ALL_VALUE } from '../vocabulary.ts';

/** The part of Grafana's TemplateSrv used here. */
export interface TemplateReplacer {
  replace(target?: string, scopedVars?: ScopedVars, format?: string | Function): string;
}

const ALL_TEXT = 'All';
// $name, ${name}, ${name:format}, [[name]], [[name:format]] — the whole string, nothing around it.
const SINGLE_VARIABLE = /^(?:\$(\w+)|\$\{(\w+)(?::[\w:-]+)?\}|\[\[(\w+)(?::[\w:-]+)?\]\])$/;

export function variableName(text: string): string | undefined {
  const m = SINGLE_VARIABLE.exec(text.trim());
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Filter values after interpolation; `[]` when nothing remains. `all` anywhere means every value. */
export function interpolateValues(
  values: readonly string[] | undefined,
  scopedVars: ScopedVars | undefined,
  tpl: TemplateReplacer
): string[] {
  const out: string[] = [];
  for (const raw of values ?? []) {
    if (typeof raw !== 'string' || raw.trim() === '') {
      continue;
    }
    const name = variableName(raw);
    if (name === undefined) {
      // A literal code, or text with variables inside it: interpolate as a plain string.
      out.push(raw.includes('$') || raw.includes('[[') ? tpl.replace(raw, scopedVars) : raw);
      continue;
    }
    const asText = tpl.replace(`\${${name}:text}`, scopedVars);
    if (asText === ALL_TEXT) {
      out.push(ALL_VALUE);
      continue;
    }
    const asJson = tpl.replace(`\${${name}:json}`, scopedVars);
    if (asJson === `\${${name}:json}`) {
      out.push(ALL_VALUE); // a variable this dashboard does not define: every value, as if it were at All
      continue;
    }
    out.push(...parseJsonValues(asJson));
  }
  // Anything still a lone variable after interpolation (nested or unresolved) narrows nothing.
  const unique = [...new Set(out.filter((v) => v !== '').map((v) => (isUnresolved(v) ? ALL_VALUE : v)))];
  return unique.some((v) => v === ALL_VALUE || v === '$__all') ? [ALL_VALUE] : unique;
}

/** True when text is still a lone template variable (`$name`, `${name}`, `[[name]]`), i.e. nothing resolved it. */
export function isUnresolved(text: string | undefined): boolean {
  return text !== undefined && variableName(text) !== undefined;
}

/** One value (metric, language, interval, top N): the variable's first value when it has several. */
export function interpolateScalar(
  value: string | undefined,
  scopedVars: ScopedVars | undefined,
  tpl: TemplateReplacer
): string | undefined {
  if (value === undefined || value === '') {
    return value;
  }
  if (!value.includes('$') && !value.includes('[[')) {
    return value;
  }
  const name = variableName(value);
  if (name !== undefined && !name.startsWith('__')) {
    const asJson = tpl.replace(`\${${name}:json}`, scopedVars);
    if (asJson !== `\${${name}:json}`) {
      return parseJsonValues(asJson)[0] ?? '';
    }
  }
  return tpl.replace(value, scopedVars);
}

function parseJsonValues(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    if (Array.isArray(v)) {
      return v.map((x) => String(x));
    }
    if (v === null || v === undefined) {
      return [];
    }
    return [String(v)];
  } catch {
    return [json]; // a custom all value (rendered raw by Grafana), or any non-JSON rendering
  }
}
