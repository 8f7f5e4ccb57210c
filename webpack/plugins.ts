// The plugins this repository builds: the app at src/ and the plugins nested in it. Each is built to its own
// folder under dist/ by its own webpack configuration (publicPath, uniqueName and copied files per plugin).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export type PluginJson = { id: string; type: 'app' | 'datasource' | 'panel'; name: string };

export type PluginSource = {
  /** Folder holding plugin.json and module.ts(x), relative to the repository root. */
  dir: string;
  /** Where the build writes it, relative to the repository root. */
  out: string;
  /** Sub-folders that belong to nested plugins (kept out of this plugin's copied files). */
  nested: string[];
  entry: string;
  json: PluginJson;
};

/** The app and the nested plugins, in build order. Nested folders without plugin.json or module.ts are skipped. */
export const PLUGIN_FOLDERS: Array<{ dir: string; out: string; nested: string[] }> = [
  { dir: 'src', out: 'dist', nested: ['datasource', 'panel'] },
  { dir: 'src/datasource', out: 'dist/datasource', nested: [] },
  { dir: 'src/panel', out: 'dist/panel', nested: [] },
];

export function findPlugins(root: string): PluginSource[] {
  const found: PluginSource[] = [];
  for (const folder of PLUGIN_FOLDERS) {
    const jsonPath = join(root, folder.dir, 'plugin.json');
    if (!existsSync(jsonPath)) {
      if (folder.dir === 'src') {
        throw new Error('src/plugin.json is missing: the app plugin cannot be built');
      }
      console.warn(`[build] ${folder.dir}/plugin.json not found: ${folder.dir} is not built`);
      continue;
    }
    const entry = ['module.ts', 'module.tsx'].map((f) => join(root, folder.dir, f)).find((p) => existsSync(p));
    if (!entry) {
      if (folder.dir === 'src') {
        throw new Error('src/module.ts is missing: the app plugin cannot be built');
      }
      console.warn(`[build] ${relative(root, jsonPath)} has no module.ts(x) beside it: ${folder.dir} is not built`);
      continue;
    }
    const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as PluginJson;
    found.push({ ...folder, entry, json });
  }
  return found;
}

/** `%VERSION%` and `%TODAY%` in plugin.json and README.md, as create-plugin stamps them. */
export function stamp(text: string, version: string, today: string): string {
  return text.replace(/%VERSION%/g, version).replace(/%TODAY%/g, today);
}

/** The build date: SOURCE_DATE_EPOCH (seconds) when set, so a rebuild of the same commit is byte-identical. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
