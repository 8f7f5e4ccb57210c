// The datasource proxy Grafana's backend serves at /api/datasources/proxy/uid/<uid>/<route path>/...: the
// plugin.json route whose path prefixes the request gives the target URL and the headers, templated from the
// provisioned jsonData and secureJsonData ({{ .JsonData.x }}, {{ .SecureJsonData.x }}). The browser never
// sees a secret. Upstream failures answer as Grafana's proxy does: 502 (no body) or 504 on a timeout.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';

import type { ServedPlugin } from './plugins.ts';
import type { ProvisionedDatasource } from './provisioning.ts';

export type PluginRoute = {
  path: string;
  method?: string;
  url?: string;
  headers?: Array<{ name: string; content: string }>;
  reqRole?: string;
};

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
];
export const PROXY_TIMEOUT_MS = 30_000;

/** Go-template references to the datasource's settings: {{ .JsonData.x }}, {{ .SecureJsonData.x }}, {{ .URL }}. */
export function interpolateRoute(template: string, ds: ProvisionedDatasource): string {
  return template.replace(
    /\{\{\s*\.(JsonData|SecureJsonData|URL)(?:\.([A-Za-z0-9_]+))?\s*\}\}/g,
    (_m, scope: string, key?: string) => {
      if (scope === 'URL') {
        return ds.url ?? '';
      }
      const source = scope === 'JsonData' ? ds.jsonData : ds.secureJsonData;
      const value = key ? source[key] : undefined;
      return value === undefined || value === null ? '' : String(value);
    }
  );
}

export function matchRoute(routes: PluginRoute[], proxyPath: string, method: string): PluginRoute | undefined {
  const trimmed = proxyPath.replace(/^\/+/, '');
  return routes
    .filter((r) => !r.method || r.method === '*' || r.method.toUpperCase() === method.toUpperCase())
    .filter((r) => {
      const p = r.path.replace(/^\/+/, '');
      return trimmed === p || trimmed.startsWith(p.endsWith('/') ? p : `${p}/`) || p === '';
    })
    .sort((a, b) => b.path.length - a.path.length)[0];
}

function joinUrl(base: string, rest: string): string {
  if (!rest) {
    return base;
  }
  return `${base.replace(/\/+$/, '')}/${rest.replace(/^\/+/, '')}`;
}

/** Where a proxied request goes and with which extra headers, or an error to answer with. */
export function planProxy(
  ds: ProvisionedDatasource,
  plugin: ServedPlugin | undefined,
  proxyPath: string,
  method: string
) {
  const routes: PluginRoute[] = plugin?.json.routes ?? [];
  const route = matchRoute(routes, proxyPath, method);
  if (route) {
    const base = interpolateRoute(route.url ?? '', ds);
    if (!/^https?:\/\//.test(base)) {
      return {
        error: {
          status: 400,
          message: `route ${route.path} of ${ds.type} has no valid URL (is the datasource configured?)`,
        },
      };
    }
    const rest = proxyPath.replace(/^\/+/, '').slice(route.path.replace(/^\/+/, '').length);
    const headers = Object.fromEntries((route.headers ?? []).map((h) => [h.name, interpolateRoute(h.content, ds)]));
    return { target: joinUrl(base, rest), headers };
  }
  if (ds.url && /^https?:\/\//.test(ds.url)) {
    return { target: joinUrl(ds.url, proxyPath), headers: {} as Record<string, string> };
  }
  return { error: { status: 404, message: 'Not found' } };
}

export function proxyRequest(
  req: IncomingMessage,
  res: ServerResponse,
  plan: { target: string; headers: Record<string, string> },
  query: string
) {
  const url = new URL(plan.target + (query ? `?${query}` : ''));
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || HOP_BY_HOP.includes(k) || ['cookie', 'origin', 'referer', 'authorization'].includes(k)) {
      continue;
    }
    headers[k] = v;
  }
  const dsAuth = req.headers['x-ds-authorization'];
  delete headers['x-ds-authorization'];
  if (dsAuth) {
    headers.authorization = dsAuth;
  }
  for (const [k, v] of Object.entries(plan.headers)) {
    headers[k.toLowerCase()] = v;
  }

  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(url, { method: req.method, headers, timeout: PROXY_TIMEOUT_MS }, (up) => {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(up.headers)) {
      if (v === undefined || HOP_BY_HOP.includes(k) || k === 'set-cookie') {
        continue;
      }
      out[k] = v;
    }
    out['content-security-policy'] = 'sandbox';
    res.writeHead(up.statusCode ?? 502, up.statusMessage, out);
    up.pipe(res);
  });
  upstream.on('timeout', () => upstream.destroy(Object.assign(new Error('upstream timed out'), { timeout: true })));
  upstream.on('error', (err: Error & { timeout?: boolean }) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(err.timeout ? 504 : 502);
    res.end();
  });
  req.pipe(upstream);
}
