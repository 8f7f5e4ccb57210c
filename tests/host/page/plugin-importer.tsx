// Imports a plugin's module.js through SystemJS and turns its exports into the plugin object, as Grafana's
// importPluginModule / importDataSourcePlugin / importPanelPlugin / importAppPlugin do.
import {
  AppPlugin,
  type DataSourcePlugin,
  type DataSourcePluginMeta,
  type GrafanaPlugin,
  type PanelPlugin,
  type PanelPluginMeta,
  type PluginMeta,
} from '@grafana/data';

import { registerPluginVersion } from './loader-hooks';
import { SystemJS } from './systemjs';

const modules = new Map<string, Promise<any>>();

export function importPluginModule(meta: PluginMeta): Promise<any> {
  const path = meta.module;
  if (!modules.has(path)) {
    if (meta.info?.version) {
      registerPluginVersion(path, meta.info.version);
    }
    modules.set(
      path,
      SystemJS.import(path).catch((e: unknown) => {
        modules.delete(path);
        const error = new Error(`Could not load plugin: ${e}`);
        console.error(error);
        throw error;
      })
    );
  }
  return modules.get(path)!;
}

export async function importDataSourcePlugin(meta: DataSourcePluginMeta): Promise<DataSourcePlugin<any, any, any>> {
  const exports = await importPluginModule(meta);
  if (!exports.plugin) {
    throw new Error('Plugin module is missing DataSourcePlugin or Datasource constructor export');
  }
  const plugin = exports.plugin as DataSourcePlugin<any, any, any>;
  plugin.meta = meta;
  return plugin;
}

export async function importPanelPlugin(meta: PanelPluginMeta): Promise<PanelPlugin> {
  const exports = await importPluginModule(meta);
  const plugin = exports.plugin as PanelPlugin | undefined;
  if (!plugin || typeof (plugin as any).setPanelOptions !== 'function') {
    throw new Error(`${meta.id}: module.js does not export a PanelPlugin as \`plugin\``);
  }
  plugin.meta = meta;
  return plugin;
}

const apps = new Map<string, AppPlugin>();
export async function importAppPlugin(meta: PluginMeta): Promise<AppPlugin> {
  const cached = apps.get(meta.id);
  if (cached) {
    return cached;
  }
  const exports = await importPluginModule(meta);
  const { plugin = new AppPlugin() } = exports as { plugin?: AppPlugin };
  plugin.init(meta);
  plugin.meta = meta;
  plugin.setComponentsFromLegacyExports(exports);
  apps.set(meta.id, plugin);
  return plugin;
}

export type LoadedPlugin = GrafanaPlugin;
