// Reads Grafana's file provisioning (apiVersion 1) the way Grafana does: provisioning/datasources/*.yaml and
// provisioning/plugins/*.yaml, with $VAR and ${VAR} in every string value taken from the environment.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export type Env = Record<string, string | undefined>;

export type ProvisionedDatasource = {
  uid: string;
  name: string;
  type: string;
  access?: string;
  url?: string;
  user?: string;
  database?: string;
  basicAuth?: boolean;
  isDefault?: boolean;
  editable?: boolean;
  orgId?: number;
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
};

export type ProvisionedApp = {
  type: string;
  disabled?: boolean;
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
};

/** Grafana's expansion of environment references: $VAR and ${VAR}; an unset variable becomes ''; $$ is a literal $. */
export function expandEnv(value: string, env: Env): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, braced, bare) => {
    if (match === '$$') {
      return '$';
    }
    return env[braced ?? bare] ?? '';
  });
}

function expandAll<T>(value: T, env: Env): T {
  if (typeof value === 'string') {
    return expandEnv(value, env) as T;
  }
  if (Array.isArray(value)) {
    return value.map((v) => expandAll(v, env)) as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandAll(v, env)])) as T;
  }
  return value;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

function readProvisioningFile(file: string, env: Env): Record<string, any> {
  const doc = parse(readFileSync(file, 'utf8')) ?? {};
  if (doc.apiVersion !== undefined && Number(doc.apiVersion) !== 1) {
    throw new Error(`${file}: apiVersion ${doc.apiVersion} is not 1`);
  }
  return expandAll(doc, env);
}

export function loadDatasources(provisioningDirs: string[], env: Env): ProvisionedDatasource[] {
  const out: ProvisionedDatasource[] = [];
  for (const dir of provisioningDirs) {
    for (const file of yamlFiles(join(dir, 'datasources'))) {
      for (const ds of (readProvisioningFile(file, env).datasources ?? []) as any[]) {
        if (!ds?.name || !ds?.type) {
          throw new Error(`${file}: every datasource needs a name and a type`);
        }
        const uid = ds.uid ?? ds.name;
        if (out.some((d) => d.uid === uid)) {
          throw new Error(`${file}: datasource uid ${uid} is provisioned twice`);
        }
        out.push({ ...ds, uid, jsonData: ds.jsonData ?? {}, secureJsonData: ds.secureJsonData ?? {} });
      }
    }
  }
  return out;
}

export function loadApps(provisioningDirs: string[], env: Env): ProvisionedApp[] {
  const out: ProvisionedApp[] = [];
  for (const dir of provisioningDirs) {
    for (const file of yamlFiles(join(dir, 'plugins'))) {
      for (const app of (readProvisioningFile(file, env).apps ?? []) as any[]) {
        out.push({ ...app, jsonData: app.jsonData ?? {}, secureJsonData: app.secureJsonData ?? {} });
      }
    }
  }
  return out;
}
