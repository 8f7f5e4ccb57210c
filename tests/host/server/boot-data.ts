// What Grafana's index.html carries: window.grafanaBootData (settings with the datasources' instance settings,
// the panels and the apps; the user) and, for the host, window.__hostBoot (the served plugins).
import { corePluginMeta, pluginMeta, type ServedPlugin } from './plugins.ts';
import type { ProvisionedDatasource } from './provisioning.ts';

export const GRAFANA_VERSION = '13.2.3';

export function proxyUrl(uid: string) {
  return `/api/datasources/proxy/uid/${uid}`;
}

export function instanceSettings(ds: ProvisionedDatasource, index: number, plugins: ServedPlugin[]) {
  const plugin = plugins.find((p) => p.id === ds.type);
  return {
    id: index + 1,
    uid: ds.uid,
    type: ds.type,
    name: ds.name,
    meta: plugin ? pluginMeta(plugin) : corePluginMeta(ds.type),
    url: proxyUrl(ds.uid),
    access: ds.access ?? 'proxy',
    isDefault: !!ds.isDefault,
    readOnly: true,
    jsonData: ds.jsonData,
    database: ds.database,
    rawRef: { uid: ds.uid, type: ds.type },
  };
}

/** The datasource as GET /api/datasources/uid/<uid> returns it: secrets never, only which ones are set. */
export function datasourceSettings(ds: ProvisionedDatasource, index: number) {
  return {
    id: index + 1,
    uid: ds.uid,
    orgId: ds.orgId ?? 1,
    name: ds.name,
    type: ds.type,
    typeName: ds.type,
    typeLogoUrl: '',
    access: ds.access ?? 'proxy',
    url: ds.url ?? '',
    user: ds.user ?? '',
    database: ds.database ?? '',
    basicAuth: !!ds.basicAuth,
    basicAuthUser: '',
    withCredentials: false,
    isDefault: !!ds.isDefault,
    jsonData: ds.jsonData,
    secureJsonFields: Object.fromEntries(
      Object.entries(ds.secureJsonData)
        .filter(([, v]) => v !== '')
        .map(([k]) => [k, true])
    ),
    version: 1,
    readOnly: true,
  };
}

export function bootData(opts: {
  plugins: ServedPlugin[];
  datasources: ProvisionedDatasource[];
  theme: 'dark' | 'light';
  appUrl: string;
}) {
  const { plugins, datasources } = opts;
  const datasourcesByName = Object.fromEntries(datasources.map((ds, i) => [ds.name, instanceSettings(ds, i, plugins)]));
  const panels = Object.fromEntries(
    plugins
      .filter((p) => p.type === 'panel')
      .map((p) => {
        const meta = pluginMeta(p);
        return [p.id, { ...meta, sort: 100, hideFromList: false, skipDataQuery: !!p.json.skipDataQuery }];
      })
  );
  const apps = Object.fromEntries(
    plugins
      .filter((p) => p.type === 'app')
      .map((p) => {
        const meta = pluginMeta(p);
        return [
          p.id,
          {
            id: p.id,
            path: meta.module,
            version: meta.info.version,
            preload: !!p.json.preload,
            angular: meta.angular,
            loadingStrategy: 'fetch',
            extensions: {
              addedLinks: [],
              addedComponents: [],
              exposedComponents: [],
              extensionPoints: [],
              addedFunctions: [],
            },
            dependencies: p.json.dependencies ?? {},
          },
        ];
      })
  );
  const defaultDs = datasources.find((d) => d.isDefault) ?? datasources[0];
  return {
    grafanaBootData: {
      assets: { dark: '', light: '' },
      navTree: [],
      user: {
        id: 1,
        uid: 'admin',
        login: 'admin',
        name: 'admin',
        email: 'admin@localhost',
        isSignedIn: true,
        isGrafanaAdmin: true,
        orgId: 1,
        orgName: 'Main Org.',
        orgRole: 'Admin',
        theme: opts.theme,
        lightTheme: opts.theme === 'light',
        timezone: 'browser',
        weekStart: '',
        locale: 'en-US',
        language: 'en-US',
        permissions: {},
      },
      settings: {
        datasources: datasourcesByName,
        defaultDatasource: defaultDs?.name ?? '',
        panels,
        apps,
        appUrl: opts.appUrl,
        appSubUrl: '',
        buildInfo: {
          version: GRAFANA_VERSION,
          commit: 'host',
          env: 'production',
          edition: 'Open Source',
          hideVersion: false,
        },
        featureToggles: {},
        minRefreshInterval: '5s',
        unifiedAlertingEnabled: true,
      },
    },
    __hostBoot: {
      defaultDatasource: defaultDs?.uid,
      plugins: plugins.map((p) => {
        const meta = pluginMeta(p);
        return { id: p.id, type: p.type, name: p.name, module: meta.module, version: meta.info.version, meta };
      }),
    },
  };
}

const escapeScript = (json: string) => json.replace(/</g, '\\u003c');

export function indexHtml(data: ReturnType<typeof bootData>, theme: 'dark' | 'light') {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<base href="/">
<title>Services 360 plugin host</title>
<link rel="icon" href="data:,">
<script>
window.__grafana_public_path__ = '/public/';
window.grafanaBootData = ${escapeScript(JSON.stringify(data.grafanaBootData))};
window.__hostBoot = ${escapeScript(JSON.stringify(data.__hostBoot))};
</script>
<script src="/host/main.js" defer></script>
</head>
<body class="theme-${theme}">
<div id="host-root"></div>
<div id="host-chrome"></div>
</body>
</html>
`;
}
