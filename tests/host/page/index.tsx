// The plugin host page: boots what Grafana's frontend boots before it loads a plugin, then exposes
// window.__host (tests/host/api.ts). The server injects window.grafanaBootData and window.__hostBoot.
import { EventBusSrv } from '@grafana/data';
import {
  config,
  setAppEvents,
  setBackendSrv,
  setDataSourceSrv,
  setEchoSrv,
  setPluginComponentHook,
  setPluginComponentsHook,
  setPluginFunctionsHook,
  setPluginLinksHook,
  setTemplateSrv,
} from '@grafana/runtime';
import { createRoot } from 'react-dom/client';
import { initializeI18n } from 'grafana-i18n-internal';

import { collectConsoleErrors } from './console-errors';
import { fillEditorRegistries } from './editors/fill-registries';
import { createHostApi, type PluginBootInfo } from './host-api';
import { installLoaderHooks } from './loader-hooks';
import { HostChrome } from './providers';
import { HostBackendSrv } from './services/backend-srv';
import { HostDataSourceSrv } from './services/datasource-srv';
import { HostTemplateSrv } from './services/template-srv';
import { VariableStore } from './services/variables';
import { registerSharedDependencies } from './shared-dependencies';
import { SystemJS } from './systemjs';

declare global {
  interface Window {
    __hostBoot: { plugins: PluginBootInfo[]; defaultDatasource?: string };
  }
}

const consoleErrors = collectConsoleErrors();

async function boot() {
  await initializeI18n({ language: 'en-US', ns: ['grafana'] });

  const backendSrv = new HostBackendSrv();
  setBackendSrv(backendSrv);
  const variables = new VariableStore();
  setTemplateSrv(new HostTemplateSrv(variables));
  setDataSourceSrv(new HostDataSourceSrv(config.datasources, window.__hostBoot.defaultDatasource));
  setAppEvents(new EventBusSrv());
  setEchoSrv({ addBackend: () => {}, addEvent: () => {}, logDebug: () => {}, isProfilingEnabled: () => false } as any);
  setPluginLinksHook(() => ({ links: [], isLoading: false }));
  setPluginComponentsHook(() => ({ components: [], isLoading: false }));
  setPluginComponentHook(() => ({ component: null, isLoading: false }));
  setPluginFunctionsHook(() => ({ functions: [], isLoading: false }));

  fillEditorRegistries();
  installLoaderHooks(SystemJS);
  await registerSharedDependencies(SystemJS);

  createRoot(document.getElementById('host-chrome')!).render(<HostChrome />);
  window.__host = createHostApi({ plugins: window.__hostBoot.plugins, variables, backendSrv, consoleErrors });
  window.dispatchEvent(new Event('host-ready'));
}

boot().catch((err) => {
  console.error('Host boot failed', err);
  document.body.setAttribute('data-host-boot-error', String(err?.stack ?? err));
});
