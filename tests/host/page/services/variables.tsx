// Dashboard template variables as Grafana keeps them: each with current {text, value}, options, multi and
// includeAll; values follow the URL's `var-<name>` parameters (so a panel that calls
// locationService.partial({'var-zone': '332'}) changes the variable, as in a dashboard).
import type { TypedVariableModel } from '@grafana/data';
import { locationService } from '@grafana/runtime';

export const ALL_VALUE = '$__all';

export type VariableOption = { text: string; value: string; selected?: boolean };
export type HostVariable = {
  name: string;
  type: string;
  label?: string;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string | null;
  current: { text: string | string[]; value: string | string[] };
  options: VariableOption[];
  [key: string]: unknown;
};

export class VariableStore {
  private list: HostVariable[] = [];
  private listeners = new Set<() => void>();

  constructor() {
    locationService.getHistory().listen(() => this.syncFromUrl());
  }

  /** Replaces the variables with a dashboard's `templating.list` (and then applies the URL's values). */
  load(list: Array<Partial<HostVariable> & { name: string }>) {
    this.list = list.map(
      (v) =>
        ({
          type: 'custom',
          options: [],
          ...v,
          current: v.current ?? { text: '', value: '' },
        }) as HostVariable
    );
    this.syncFromUrl(false);
    this.emit();
  }

  all(): TypedVariableModel[] {
    return this.list as unknown as TypedVariableModel[];
  }

  get(name: string): HostVariable | undefined {
    return this.list.find((v) => v.name === name);
  }

  /** The current value of each variable by name. */
  values(): Record<string, string | string[]> {
    return Object.fromEntries(this.list.map((v) => [v.name, v.current.value]));
  }

  /** Sets a variable the way a dashboard does: through the URL. */
  set(name: string, value: string | string[]) {
    locationService.partial({ [`var-${name}`]: value }, true);
  }

  /** Sets values without touching the URL (when a test renders a panel with given variables). */
  setSilently(values: Record<string, string | string[]>) {
    for (const [name, value] of Object.entries(values)) {
      this.apply(name, value, true);
    }
    this.emit();
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private syncFromUrl(notify = true) {
    const params = new URLSearchParams(locationService.getLocation().search);
    let changed = false;
    for (const v of this.list) {
      const values = params.getAll(`var-${v.name}`);
      if (!values.length) {
        continue;
      }
      const value = v.multi || values.length > 1 ? values : values[0];
      if (JSON.stringify(value) !== JSON.stringify(v.current.value)) {
        this.apply(v.name, value, false);
        changed = true;
      }
    }
    if (changed && notify) {
      this.emit();
    }
  }

  private apply(name: string, value: string | string[], createIfMissing: boolean) {
    let v = this.get(name);
    if (!v) {
      if (!createIfMissing) {
        return;
      }
      v = { name, type: 'custom', options: [], multi: Array.isArray(value), current: { text: '', value: '' } };
      this.list.push(v);
    }
    const values = Array.isArray(value) ? value : [value];
    const texts = values.map((x) => (x === ALL_VALUE ? 'All' : (v!.options.find((o) => o.value === x)?.text ?? x)));
    v.current = Array.isArray(value) ? { value: values, text: texts } : { value: values[0], text: texts[0] };
    v.options = v.options.map((o) => ({ ...o, selected: values.includes(o.value) }));
  }

  private emit() {
    for (const fn of this.listeners) {
      fn();
    }
  }
}
