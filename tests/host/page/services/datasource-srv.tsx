// getDataSourceSrv() for plugins: instance settings from the boot data (the provisioned datasources, as
// Grafana's frontend settings carry them) and instances built from the plugin's DataSourceClass.
import { DataSourceApi, type DataSourceInstanceSettings, type DataSourceRef, type ScopedVars } from '@grafana/data';
import {
  getTemplateSrv,
  type DataSourceSrv,
  type GetDataSourceListFilters,
  type RuntimeDataSourceRegistration,
} from '@grafana/runtime';

import { importDataSourcePlugin } from '../plugin-importer';

export class HostDataSourceSrv implements DataSourceSrv {
  private instances = new Map<string, Promise<DataSourceApi>>();

  constructor(
    private settings: Record<string, DataSourceInstanceSettings>,
    private defaultName?: string
  ) {}

  getList(filters: GetDataSourceListFilters = {}): DataSourceInstanceSettings[] {
    return Object.values(this.settings).filter((s) => {
      if (filters.metrics && !s.meta.metrics) {
        return false;
      }
      if (filters.annotations && !s.meta.annotations) {
        return false;
      }
      if (filters.alerting && !s.meta.alerting) {
        return false;
      }
      if (filters.pluginId && s.meta.id !== filters.pluginId) {
        return false;
      }
      if (filters.type && !(Array.isArray(filters.type) ? filters.type : [filters.type]).includes(s.type)) {
        return false;
      }
      if (filters.filter && !filters.filter(s)) {
        return false;
      }
      return true;
    });
  }

  getInstanceSettings(
    ref?: DataSourceRef | string | null,
    scopedVars?: ScopedVars
  ): DataSourceInstanceSettings | undefined {
    let key = typeof ref === 'string' ? ref : ref?.uid;
    if (!key) {
      key = this.defaultName;
    }
    if (!key) {
      return undefined;
    }
    if (key.startsWith('$')) {
      key = getTemplateSrv().replace(key, scopedVars);
    }
    return Object.values(this.settings).find((s) => s.uid === key) ?? this.settings[key];
  }

  async get(ref?: DataSourceRef | string | null, scopedVars?: ScopedVars): Promise<DataSourceApi> {
    const settings = this.getInstanceSettings(ref, scopedVars);
    if (!settings) {
      throw new Error(`Datasource ${JSON.stringify(ref)} was not found`);
    }
    if (!this.instances.has(settings.uid)) {
      this.instances.set(
        settings.uid,
        this.load(settings).catch((err) => {
          this.instances.delete(settings.uid);
          throw err;
        })
      );
    }
    return this.instances.get(settings.uid)!;
  }

  async reload(): Promise<void> {
    this.instances.clear();
  }

  registerRuntimeDataSource(entry: RuntimeDataSourceRegistration): void {
    const ds = entry.dataSource;
    this.settings[ds.name] = ds.instanceSettings;
    this.instances.set(ds.uid, Promise.resolve(ds));
  }

  private async load(settings: DataSourceInstanceSettings): Promise<DataSourceApi> {
    const plugin = await importDataSourcePlugin(settings.meta);
    const instance = new plugin.DataSourceClass(settings) as DataSourceApi;
    instance.components = plugin.components;
    instance.meta = settings.meta;
    if (!(instance instanceof DataSourceApi)) {
      Object.assign(instance, { name: settings.name, id: settings.id, uid: settings.uid, type: settings.type });
    }
    return instance;
  }
}
