// The plugins the host serves: every plugin.json under the given roots (dist/ and the fixture builds), each
// served at /public/plugins/<its id>/ from its own folder, as Grafana serves an app's nested plugins.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type ServedPlugin = { id: string; type: string; name: string; dir: string; json: Record<string, any> };

export function scanPlugins(roots: string[]): ServedPlugin[] {
  const found: ServedPlugin[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) {
        continue;
      }
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        walk(p);
      } else if (name === 'plugin.json') {
        const json = JSON.parse(readFileSync(p, 'utf8'));
        if (!json.id || !json.type) {
          continue;
        }
        if (found.some((f) => f.id === json.id)) {
          continue;
        } // the first root wins
        found.push({ id: json.id, type: json.type, name: json.name ?? json.id, dir: dirname(p), json });
      }
    }
  };
  for (const root of roots) {
    if (existsSync(root)) {
      walk(root);
    }
  }
  return found;
}

/** The plugin's meta as Grafana's frontend settings carry it (module and baseUrl under public/plugins/<id>). */
export function pluginMeta(p: ServedPlugin): Record<string, any> {
  const baseUrl = `public/plugins/${p.id}`;
  const info = { ...(p.json.info ?? {}) };
  info.version = info.version ?? '0.0.0';
  const logo = (path?: string) => (path ? `${baseUrl}/${path}` : undefined);
  info.logos = {
    small: logo(info.logos?.small) ?? 'public/img/icn-app.svg',
    large: logo(info.logos?.large) ?? 'public/img/icn-app.svg',
  };
  return {
    ...p.json,
    info,
    module: `${baseUrl}/module.js`,
    baseUrl,
    signature: 'unsigned',
    loadingStrategy: 'fetch',
    angular: { detected: false, hideDeprecation: false },
  };
}

/** Grafana's placeholder meta for a core plugin type the host does not serve (e.g. grafana-postgresql-datasource). */
export function corePluginMeta(type: string): Record<string, any> {
  return {
    id: type,
    type: 'datasource',
    name: type,
    module: `core:plugin/${type}`,
    baseUrl: `public/app/plugins/datasource/${type}`,
    info: { version: '', logos: { small: 'public/img/icn-datasource.svg', large: 'public/img/icn-datasource.svg' } },
    metrics: true,
    annotations: true,
    alerting: true,
    backend: true,
  };
}
