// getTemplateSrv() for plugins: replace() with Grafana's syntaxes ($var, ${var}, ${var:format}, [[var]],
// ${var.field}), formats, multi-value and "All", built-in $__interval/$__from/$__to and scoped variables
// (public/app/features/templating/template_srv.ts and formatRegistry.ts).
import { dateTime, type ScopedVars, type TimeRange, type TypedVariableModel } from '@grafana/data';
import type { TemplateSrv, VariableInterpolation } from '@grafana/runtime';

import { ALL_VALUE, type HostVariable, type VariableStore } from './variables';

const VARIABLE_REGEX = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^}]+))?(?::([^}]+))?}/g;

type Value = string | number | boolean | string[] | null | undefined;
type Formatter = (value: Value, variable: HostVariable | undefined, text?: string) => string;

const asArray = (v: Value): string[] => (Array.isArray(v) ? v.map(String) : [String(v)]);
const regexEscape = (s: string) => s.replace(/[\\^$*+?.()|[\]{}\/]/g, '\\$&');
const luceneEscape = (s: string) => s.replace(/([\!\*\+\-\=<>\s\&\|\(\)\[\]\{\}\^\~\?\:\\/"])/g, '\\$1');

export const formats: Record<string, Formatter> = {
  raw: (v) => (Array.isArray(v) ? v.join(',') : String(v)),
  glob: (v) => (Array.isArray(v) && v.length > 1 ? `{${v.join(',')}}` : asArray(v).join(',')),
  regex: (v) => {
    const a = asArray(v).map(regexEscape);
    return a.length > 1 ? `(${a.join('|')})` : (a[0] ?? '');
  },
  pipe: (v) => asArray(v).join('|'),
  csv: (v) => asArray(v).join(','),
  distributed: (v, variable) => {
    const a = asArray(v);
    return [a[0], ...a.slice(1).map((x) => `${variable?.name}=${x}`)].join(',');
  },
  json: (v) => JSON.stringify(v),
  lucene: (v) => {
    const a = asArray(v);
    return a.length > 1 ? `(${a.map((x) => `"${luceneEscape(x)}"`).join(' OR ')})` : luceneEscape(a[0] ?? '');
  },
  percentencode: (v) => (Array.isArray(v) ? encodeURIComponent(`{${v.join(',')}}`) : encodeURIComponent(String(v))),
  singlequote: (v) =>
    asArray(v)
      .map((x) => `'${x.replace(/'/g, "\\'")}'`)
      .join(','),
  doublequote: (v) =>
    asArray(v)
      .map((x) => `"${x.replace(/"/g, '\\"')}"`)
      .join(','),
  sqlstring: (v) =>
    asArray(v)
      .map((x) => `'${x.replace(/'/g, "''")}'`)
      .join(','),
  queryparam: (v, variable) =>
    asArray(v)
      .map((x) => `var-${encodeURIComponent(variable?.name ?? '')}=${encodeURIComponent(x)}`)
      .join('&'),
  text: (_v, _variable, text) => text ?? '',
  date: (v) => String(v),
};

export class HostTemplateSrv implements TemplateSrv {
  private timeRange?: TimeRange;

  constructor(private readonly variables: VariableStore) {}

  getVariables(): TypedVariableModel[] {
    return this.variables.all();
  }

  updateTimeRange(timeRange: TimeRange) {
    this.timeRange = timeRange;
  }

  containsTemplate(target?: string): boolean {
    if (!target) {
      return false;
    }
    for (const m of target.matchAll(VARIABLE_REGEX)) {
      const name = m[1] || m[2] || m[4];
      if (this.variables.get(name) || name.startsWith('__')) {
        return true;
      }
    }
    return false;
  }

  replace(
    target?: string,
    scopedVars?: ScopedVars,
    format?: string | Function,
    interpolations?: VariableInterpolation[]
  ): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(VARIABLE_REGEX, (match, var1, var2, fmt2, var3, fieldPath, fmt3) => {
      const name = var1 || var2 || var3;
      const fmt = fmt2 || fmt3 || format;
      const scoped = scopedVars?.[name];
      let value: Value;
      let text: string | undefined;
      let variable: HostVariable | undefined;
      if (scoped) {
        const sv = scoped as { value: unknown; text?: unknown };
        value =
          fieldPath && sv.value && typeof sv.value === 'object' ? (sv.value as any)[fieldPath] : (sv.value as Value);
        text = sv.text === undefined ? undefined : String(sv.text);
      } else if (this.builtIn(name) !== undefined) {
        value = this.builtIn(name);
      } else {
        variable = this.variables.get(name);
        if (!variable) {
          interpolations?.push({
            match,
            variableName: name,
            fieldPath,
            format: String(fmt ?? ''),
            value: match,
            found: false,
          });
          return match;
        }
        const current = variable.current.value;
        const isAll = current === ALL_VALUE || (Array.isArray(current) && current[0] === ALL_VALUE);
        if (isAll) {
          text = 'All';
          if (variable.allValue) {
            value = variable.allValue;
          } else {
            value = variable.options.map((o) => o.value).filter((v) => v !== ALL_VALUE);
          }
        } else {
          value = current;
          text = Array.isArray(variable.current.text) ? variable.current.text.join(' + ') : variable.current.text;
        }
        // A custom "All" value is used as it is, except by the text, percentencode and queryparam formats.
        const fmtName = typeof fmt === 'string' ? fmt.split(':')[0] : '';
        if (isAll && variable.allValue && !['text', 'percentencode', 'queryparam'].includes(fmtName)) {
          interpolations?.push({ match, variableName: name, value: variable.allValue, found: true });
          return variable.allValue;
        }
      }
      const out = this.format(value, fmt, variable, text);
      interpolations?.push({
        match,
        variableName: name,
        fieldPath,
        format: typeof fmt === 'string' ? fmt : undefined,
        value: out,
        found: true,
      });
      return out;
    });
  }

  private format(
    value: Value,
    format: string | Function | undefined,
    variable: HostVariable | undefined,
    text?: string
  ): string {
    if (value === null || value === undefined) {
      return '';
    }
    if (typeof format === 'function') {
      return format(value, variable, (v: Value, f: string) => this.format(v, f, variable));
    }
    const [name] = (format ?? 'glob').split(':');
    const formatter = formats[name] ?? formats.glob;
    return formatter(value, variable, text ?? (Array.isArray(value) ? value.join(' + ') : String(value)));
  }

  private builtIn(name: string): string | undefined {
    if (!this.timeRange) {
      return undefined;
    }
    if (name === '__from') {
      return String(this.timeRange.from.valueOf());
    }
    if (name === '__to') {
      return String(this.timeRange.to.valueOf());
    }
    if (name === '__timezone') {
      return 'browser';
    }
    return undefined;
  }
}

export const nowRange = (hours = 6): TimeRange => {
  const to = dateTime();
  const from = dateTime(to.valueOf() - hours * 3600_000);
  return { from, to, raw: { from: `now-${hours}h`, to: 'now' } };
};
