// The modules Grafana shares with plugins (public/app/features/plugins/loader/sharedDependencies.ts): each is
// registered in SystemJS as `package:<name>` and an import map sends the bare name there.
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaSchema from '@grafana/schema';
import * as grafanaUI from '@grafana/ui';
import { getI18nInstance } from 'grafana-i18n-internal';

import { SHARED_DEPENDENCY_PREFIX } from './loader-hooks';

type Loader = () => Promise<object> | object;

export const sharedDependencies: Record<string, Loader> = {
  '@emotion/css': () => import('@emotion/css'),
  '@emotion/react': () => import('@emotion/react'),
  '@grafana/data': () => grafanaData,
  '@grafana/runtime': () => grafanaRuntime,
  '@grafana/schema': () => grafanaSchema,
  '@grafana/ui': () => grafanaUI,
  'app/core/app_events': () => ({ default: grafanaRuntime.getAppEvents(), __useDefault: true }),
  'app/core/config': () => ({ default: grafanaRuntime.config, __useDefault: true }),
  'app/core/utils/datemath': () => grafanaData.dateMath,
  emotion: () => import('@emotion/css'),
  // Bundled @grafana/i18n in a plugin shares Grafana's i18next instance.
  i18next: () => ({ default: getI18nInstance(), __useDefault: true }),
  jquery: () => import('jquery').then((m) => ({ default: m.default, __useDefault: true })),
  lodash: () => import('lodash').then((m) => ({ ...m, __useDefault: true })),
  moment: () => import('moment').then((m) => ({ ...m, __useDefault: true })),
  prismjs: () => import('prismjs'),
  react: () => import('react'),
  'react/jsx-runtime': () => import('react/jsx-runtime'),
  'react-dom': () => import('react-dom'),
  'react-dom/client': () => import('react-dom/client'),
  'react-inlinesvg': () => import('react-inlinesvg'),
  'react-redux': () => import('react-redux'),
  'react-router-dom': () => import('react-router-dom'),
  'react-router': () => import('react-router-dom-v5-compat'),
  redux: () => import('redux'),
  rxjs: () => import('rxjs'),
  'rxjs/operators': () => import('rxjs/operators'),
};

/** Loads every shared module, registers it with SystemJS and adds the import map. Returns the map. */
export async function registerSharedDependencies(system: typeof System): Promise<Record<string, string>> {
  const imports: Record<string, string> = {};
  for (const [name, load] of Object.entries(sharedDependencies)) {
    const id = `${SHARED_DEPENDENCY_PREFIX}:${name}`;
    system.set(id, (await load()) as System.Module);
    imports[name] = id;
  }
  system.addImportMap({ imports });
  return imports;
}
