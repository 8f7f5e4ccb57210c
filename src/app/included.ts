// The plugins this app nests (their plugin.json files sit in src/datasource and src/panel) and the provisioned
// datasource the status page checks. Kept in one place; tests check them against the plugin.json files.
export const INCLUDED_PLUGINS = [
  { type: 'datasource', id: 'services360-requests-datasource', name: 'Services 360 requests' },
  { type: 'panel', id: 'services360-zonemap-panel', name: 'Services 360 zone map' },
] as const;

/** The datasource provisioned by provisioning/datasources/services360.yaml (scope read). */
export const PROVISIONED_DATASOURCE_UID = 'services360-requests';

export type IncludedPlugin = (typeof INCLUDED_PLUGINS)[number];

export interface InstalledRow {
  type: 'datasource' | 'panel';
  id: string;
  name: string;
  installed: boolean;
  /** Datasources of this type (names), for type datasource. */
  instances: string[];
}

/** What the status page lists: each nested plugin, whether Grafana knows it, and the datasources using it. Pure. */
export function installedRows(
  panels: Record<string, unknown>,
  datasources: Array<{ name: string; type: string }>,
  pluginKnown: (id: string) => boolean = () => false
): InstalledRow[] {
  return INCLUDED_PLUGINS.map((p) => {
    if (p.type === 'panel') {
      return { type: p.type, id: p.id, name: p.name, installed: p.id in panels, instances: [] };
    }
    const instances = datasources
      .filter((d) => d.type === p.id)
      .map((d) => d.name)
      .sort();
    return { type: p.type, id: p.id, name: p.name, installed: instances.length > 0 || pluginKnown(p.id), instances };
  });
}
