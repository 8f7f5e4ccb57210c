// Test support: a template service that interpolates the way Grafana's does for the cases the datasource
// relies on: $name, ${name}, ${name:format}, [[name]]; formats json, csv, text, raw, pipe and glob (default);
// multi-value variables; "All" (all option values, or the custom all value rendered raw; "All" in text format);
// scoped variables ({text, value}) taking precedence; format functions called as fn(value, variable).
import type { ScopedVars } from '@grafana/data';

export interface TestVariable {
  name: string;
  /** Selected value(s); `$__all` for All. */
  current: string | string[];
  /** Values of the options (without All). */
  options?: string[];
  /** Display texts by value (text format). */
  texts?: Record<string, string>;
  allValue?: string;
  multi?: boolean;
}

const ALL = '$__all';
const REGEX = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?::([^}]+))?\}/g;

export class TestTemplateSrv {
  constructor(private readonly variables: TestVariable[] = []) {}

  getVariables() {
    return this.variables.map((v) => ({ name: v.name, type: 'query', current: { value: v.current } }));
  }

  replace(target?: string, scopedVars?: ScopedVars, format?: string | Function): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(REGEX, (match, var1, var2, fmt2, var3, fmt3) => {
      const name: string = var1 || var2 || var3;
      const fmt: string | Function | undefined = fmt2 || fmt3 || format;
      const scoped = scopedVars?.[name];
      if (scoped) {
        return this.format(scoped.value, fmt, { name }, String(scoped.text ?? scoped.value));
      }
      const variable = this.variables.find((v) => v.name === name);
      if (!variable) {
        return match;
      }
      const isAll = variable.current === ALL || (Array.isArray(variable.current) && variable.current.includes(ALL));
      if (isAll) {
        if (fmt === 'text') {
          return 'All';
        }
        if (variable.allValue !== undefined) {
          return variable.allValue;
        } // Grafana renders a custom all value raw
        return this.format(variable.options ?? [], fmt, variable, 'All');
      }
      const values = variable.current;
      const text = (Array.isArray(values) ? values : [values]).map((v) => variable.texts?.[v] ?? v).join(' + ');
      return this.format(values, fmt, variable, text);
    });
  }

  private format(value: unknown, fmt: string | Function | undefined, variable: { name: string }, text: string): string {
    if (typeof fmt === 'function') {
      return fmt(value, variable);
    }
    const list = Array.isArray(value) ? value.map(String) : [String(value)];
    switch (fmt) {
      case 'json':
        return JSON.stringify(value);
      case 'csv':
        return list.join(',');
      case 'pipe':
        return list.join('|');
      case 'text':
        return text;
      case 'raw':
        return Array.isArray(value) ? list.join(',') : String(value);
      default: // glob
        return Array.isArray(value) && value.length > 1 ? `{${list.join(',')}}` : (list[0] ?? '');
    }
  }
}
