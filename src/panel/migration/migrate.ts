// Saved panel options brought to the current version, one step at a time, as Grafana panels migrate their options
// (PanelPlugin.setMigrationHandler). The options carry their version (`optionsVersion`); a panel saved before
// versions is version 0. Each step migrates from the version before it; options from a newer version of the plugin
// are left alone (a step back could only lose what that version added). Pure.

/** Panel options as saved in a dashboard: any shape an older (or newer) version wrote. */
export type SavedOptions = Record<string, unknown>;

export interface OptionsStep {
  /** The version it migrates to, from the one before. */
  to: number;
  /** What changed in that version (for the reader of the steps). */
  about: string;
  migrate(options: SavedOptions): SavedOptions;
}

/** The key under which the options carry their version. */
export const VERSION_KEY = 'optionsVersion';

/** The version saved options carry (0: saved before versions). */
export function versionOf(options: unknown): number {
  const v = isObject(options) ? options[VERSION_KEY] : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/** The version the steps lead to. */
export function currentVersion(steps: readonly OptionsStep[]): number {
  return steps.length ? steps[steps.length - 1].to : 0;
}

/**
 * The saved options at the steps' current version: each step above the saved version in turn, the version set after
 * each. Options at the current version come back equal; from a newer version, unchanged.
 */
export function migrateOptions(saved: unknown, steps: readonly OptionsStep[]): SavedOptions {
  const options: SavedOptions = isObject(saved) ? structuredClone(saved) : {};
  const from = versionOf(options);
  if (from > currentVersion(steps)) {
    return options;
  }
  return steps
    .filter((s) => s.to > from)
    .reduce((o, step) => ({ ...step.migrate(o), [VERSION_KEY]: step.to }), options);
}

/**
 * Moves the value at `from` (a dotted path, e.g. 'points.binSize') to `to`, keeping the saved value; nothing to move
 * or a value already at `to` leaves the options as they are but for the old key, which is dropped.
 */
export function renameOption(options: SavedOptions, from: string, to: string): SavedOptions {
  const out = structuredClone(options);
  const [fromParent, fromKey] = parentOf(out, from, false);
  if (!fromParent || !(fromKey in fromParent)) {
    return out;
  }
  const value = fromParent[fromKey];
  delete fromParent[fromKey];
  const [toParent, toKey] = parentOf(out, to, true);
  if (toParent && !(toKey in toParent)) {
    toParent[toKey] = value;
  }
  return out;
}

/** The object holding the last key of a dotted path, made on the way when `create`; null when there is none. */
function parentOf(options: SavedOptions, path: string, create: boolean): [SavedOptions | null, string] {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let at: SavedOptions = options;
  for (const key of keys) {
    if (!isObject(at[key])) {
      if (!create || at[key] !== undefined) {
        return [null, last];
      }
      at[key] = {};
    }
    at = at[key] as SavedOptions;
  }
  return [at, last];
}

function isObject(value: unknown): value is SavedOptions {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
