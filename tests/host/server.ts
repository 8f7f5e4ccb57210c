// The plugin host's HTTP server: the host page (index.html with Grafana's boot data), the host bundle, the
// plugins at /public/plugins/<id>/, @grafana/ui's icons, fonts, the datasource and plugin settings APIs and the
// datasource proxy, all from dist/ and provisioning/ as Grafana's server would serve them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { bootData, datasourceSettings, indexHtml } from './server/boot-data.ts';
import { planProxy, proxyRequest } from './server/datasource-proxy.ts';
import { substituteFont } from './server/fonts.ts';
import { pluginMeta, scanPlugins, type ServedPlugin } from './server/plugins.ts';
import {
  loadApps,
  loadDatasources,
  type Env,
  type ProvisionedApp,
  type ProvisionedDatasource,
} from './server/provisioning.ts';
import { contentType, resolveInside, sendFile } from './server/static.ts';
import { ROOT_DIR } from './webpack.config.ts';

export type HostServerOptions = {
  /** The built host (ensureHostBuild().dir). */
  bundleDir: string;
  /** Folders searched for plugin.json; default: dist/ and the bundle's fixture plugins. */
  pluginRoots?: string[];
  /** Folders holding datasources/ and plugins/ provisioning; default: provisioning/. */
  provisioning?: string[];
  /** The environment the provisioning files' $VAR references read; default: process.env. */
  env?: Env;
  theme?: 'dark' | 'light';
  host?: string;
  port?: number;
};

export type HostServer = {
  url: string;
  plugins: ServedPlugin[];
  datasources: ProvisionedDatasource[];
  /** Re-reads the plugins and the provisioning (with a new environment when given); reload the page after. */
  reprovision: (env?: Env) => void;
  /** Every proxied request: what the browser asked for and where it went (never the injected headers' values). */
  proxyLog: Array<{ method: string; path: string; target?: string; status?: number }>;
  close: () => Promise<void>;
};

const ICONS_DIR = join(ROOT_DIR, 'node_modules/@grafana/ui/dist/public/img/icons');

export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const pluginRoots = options.pluginRoots ?? [join(ROOT_DIR, 'dist'), join(options.bundleDir, 'fixtures')];
  const provisioningDirs = options.provisioning ?? [join(ROOT_DIR, 'provisioning')];
  let env: Env = options.env ?? process.env;
  let plugins: ServedPlugin[] = [];
  let datasources: ProvisionedDatasource[] = [];
  let apps: ProvisionedApp[] = [];
  const proxyLog: HostServer['proxyLog'] = [];

  const load = () => {
    plugins = scanPlugins(pluginRoots);
    datasources = loadDatasources(provisioningDirs, env);
    apps = loadApps(provisioningDirs, env);
  };
  load();

  const json = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
    });
    res.end(text);
  };
  const notFound = (res: ServerResponse) => json(res, 404, { message: 'Not found' });

  const pluginSettings = (p: ServedPlugin) => {
    const app = apps.find((a) => a.type === p.id);
    return {
      ...pluginMeta(p),
      enabled: p.type !== 'app' || (!!app && !app.disabled),
      pinned: false,
      jsonData: app?.jsonData ?? {},
      secureJsonFields: Object.fromEntries(
        Object.entries(app?.secureJsonData ?? {})
          .filter(([, v]) => v !== '')
          .map(([k]) => [k, true])
      ),
      defaultNavUrl: p.type === 'app' ? `/a/${p.id}` : undefined,
      latestVersion: '',
      hasUpdate: false,
      state: '',
    };
  };

  const handle = (req: IncomingMessage, res: ServerResponse, baseUrl: string) => {
    const url = new URL(req.url ?? '/', baseUrl);
    const path = url.pathname;
    const method = req.method ?? 'GET';

    const proxy = path.match(/^\/api\/datasources\/proxy\/uid\/([^/]+)(\/.*)?$/);
    if (proxy) {
      const ds = datasources.find((d) => d.uid === decodeURIComponent(proxy[1]));
      if (!ds) {
        return json(res, 404, { message: 'Data source not found' });
      }
      const plan = planProxy(
        ds,
        plugins.find((p) => p.id === ds.type),
        proxy[2] ?? '',
        method
      );
      const entry: HostServer['proxyLog'][number] = { method, path: path + url.search };
      proxyLog.push(entry);
      if ('error' in plan && plan.error) {
        entry.status = plan.error.status;
        return json(res, plan.error.status, { message: plan.error.message });
      }
      entry.target = plan.target;
      res.on('finish', () => (entry.status = res.statusCode));
      return proxyRequest(
        req,
        res,
        plan as { target: string; headers: Record<string, string> },
        url.searchParams.toString()
      );
    }

    if (method !== 'GET' && method !== 'HEAD') {
      return json(res, 405, { message: 'Method not allowed' });
    }

    if (path === '/api/health') {
      return json(res, 200, { database: 'ok', version: '13.2.3' });
    }
    if (path === '/api/datasources') {
      return json(res, 200, datasources.map(datasourceSettings));
    }
    const dsByUid = path.match(/^\/api\/datasources\/uid\/([^/]+)$/);
    if (dsByUid) {
      const i = datasources.findIndex((d) => d.uid === decodeURIComponent(dsByUid[1]));
      return i < 0
        ? json(res, 404, { message: 'Data source not found' })
        : json(res, 200, datasourceSettings(datasources[i], i));
    }
    if (path === '/api/plugins') {
      return json(res, 200, plugins.map(pluginSettings));
    }
    const pluginById = path.match(/^\/api\/plugins\/([^/]+)\/settings$/);
    if (pluginById) {
      const p = plugins.find((x) => x.id === decodeURIComponent(pluginById[1]));
      return p ? json(res, 200, pluginSettings(p)) : json(res, 404, { message: 'Plugin not found' });
    }
    if (path.startsWith('/api/')) {
      return notFound(res);
    }

    const pluginFile = path.match(/^\/public\/plugins\/([^/]+)\/(.+)$/);
    if (pluginFile) {
      const p = plugins.find((x) => x.id === decodeURIComponent(pluginFile[1]));
      const file = p && resolveInside(p.dir, pluginFile[2]);
      return file ? sendFile(res, file) : notFound(res);
    }
    if (path.startsWith('/public/build/img/icons/')) {
      const file = resolveInside(ICONS_DIR, path.slice('/public/build/img/icons/'.length));
      return file ? sendFile(res, file) : notFound(res);
    }
    if (path.startsWith('/public/fonts/')) {
      const file = substituteFont(path.slice('/public/fonts/'.length));
      return file ? sendFile(res, file, contentType(file)) : notFound(res);
    }
    if (path.startsWith('/host/')) {
      const file = resolveInside(join(options.bundleDir, 'host'), path.slice('/host/'.length));
      return file ? sendFile(res, file) : notFound(res);
    }
    if (path === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (path.startsWith('/public/')) {
      return notFound(res);
    }

    // Any other page path (/, /d/..., /a/<app>/...) is the host page, as Grafana's routes all serve index.html.
    const theme = (url.searchParams.get('theme') as 'dark' | 'light' | null) ?? options.theme ?? 'dark';
    const html = indexHtml(bootData({ plugins, datasources, theme, appUrl: `${baseUrl}/` }), theme);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  server.on('request', (req, res) => {
    try {
      handle(req, res, url);
    } catch (err) {
      console.error('host server error', err);
      if (!res.headersSent) {
        json(res, 500, { message: 'Host server error' });
      } else {
        res.destroy();
      }
    }
  });

  return {
    url,
    get plugins() {
      return plugins;
    },
    get datasources() {
      return datasources;
    },
    reprovision(newEnv?: Env) {
      if (newEnv) {
        env = newEnv;
      }
      load();
    },
    proxyLog,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
