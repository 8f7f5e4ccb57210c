// window.__host: what browser tests call (see tests/host/README.md).
import { useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';

import { type DataQuery, type DataSourceApi } from '@grafana/data';
import { getDataSourceSrv, locationService } from '@grafana/runtime';

import type { EditorView, HostApi, PanelStateView, PluginSummary, TimeInput } from '../api';

import { runAnnotationQuery } from './annotations';
import { appConfigElement, ConfigEditorHost, fetchDataSourceSettings, QueryEditorHost } from './editor-renderer';
import { defaultRange, findPanel, HostPanel, preparePanel, type Dashboard, type PanelState } from './panel-renderer';
import { importPluginModule } from './plugin-importer';
import { HostProviders } from './providers';
import { buildRequest, runRequest } from './query-runner';
import { serializeError, serializeFrame } from './serialize';
import type { HostBackendSrv } from './services/backend-srv';
import type { VariableStore } from './services/variables';
import { toTimeRange } from './time';
import { runVariableQuery } from './variable-query';

export type PluginBootInfo = PluginSummary & { meta: any };

const range = (t?: Partial<TimeInput>) => toTimeRange({ from: t?.from ?? 'now-6h', to: t?.to ?? 'now' });

export function createHostApi(deps: {
  plugins: PluginBootInfo[];
  variables: VariableStore;
  backendSrv: HostBackendSrv;
  consoleErrors: string[];
}): HostApi {
  const roots: Root[] = [];
  const panels = new Map<number, PanelStateView>();
  const resizers = new Map<number, (size: { width: number; height: number }) => void>();
  let queryEditorView: EditorView | undefined;
  let configEditorView: EditorView | undefined;
  let mountCounter = 0;

  const mount = (element: React.ReactNode, kind: string) => {
    const container = document.createElement('div');
    container.id = `host-${kind}-${++mountCounter}`;
    container.dataset.hostMount = kind;
    document.getElementById('host-root')!.appendChild(container);
    const root = createRoot(container);
    root.render(<HostProviders>{element}</HostProviders>);
    roots.push(root);
    return `#${container.id}`;
  };

  const datasource = (uid: string): Promise<DataSourceApi> => getDataSourceSrv().get(uid);

  return {
    ready: true,
    consoleErrors: deps.consoleErrors,
    requests: deps.backendSrv.log,

    plugins: () => deps.plugins.map(({ meta: _meta, ...summary }) => summary),

    async loadPlugin(id) {
      const info = deps.plugins.find((p) => p.id === id);
      if (!info) {
        throw new Error(`Plugin ${id} is not served by the host (served: ${deps.plugins.map((p) => p.id).join(', ')})`);
      }
      const exports = await importPluginModule(info.meta);
      const plugin = exports?.plugin;
      return {
        id,
        type: info.type,
        exports: Object.keys(exports ?? {}),
        pluginClass: plugin ? (plugin.constructor?.name ?? typeof plugin) : null,
      };
    },

    datasource,

    async testDatasource(uid) {
      const ds = await datasource(uid);
      const result = await ds.testDatasource();
      return JSON.parse(JSON.stringify(result));
    },

    async query(uid, targets, opts) {
      const ds = await datasource(uid);
      const request = buildRequest(ds, targets as unknown as DataQuery[], {
        range: range(opts),
        maxDataPoints: opts?.maxDataPoints,
        minInterval: opts?.minInterval,
      });
      try {
        const response = await runRequest(ds, request);
        const errors = response.errors?.length ? response.errors : response.error ? [response.error] : [];
        return {
          frames: (response.data ?? []).map(serializeFrame),
          errors: errors.map(serializeError),
          request: summary(request),
        };
      } catch (err) {
        return { frames: [], errors: [serializeError(err)], request: summary(request) };
      }
    },

    async variableQuery(uid, query, opts) {
      const ds = await datasource(uid);
      const values = await runVariableQuery(ds, query, range(opts));
      return values.map((v) => ({
        text: String(v.text),
        ...(v.value !== undefined ? { value: v.value as string | number } : {}),
      }));
    },

    async annotations(uid, annotation, opts) {
      const ds = await datasource(uid);
      const { frames, events } = await runAnnotationQuery(ds, annotation, range(opts));
      return { frames: frames.map(serializeFrame), events: JSON.parse(JSON.stringify(events)) };
    },

    async renderPanel(dashboardInput, panelId, opts = {}) {
      const dashboard = dashboardInput as Dashboard;
      const panel = findPanel(dashboard.panels, panelId);
      if (!panel) {
        throw new Error(`Panel ${panelId} is not in dashboard "${dashboard.title ?? dashboard.uid}"`);
      }
      deps.variables.load(dashboard.templating?.list ?? []);
      if (opts.variables) {
        deps.variables.setSilently(opts.variables);
      }
      const prepared = await preparePanel(dashboard, panel);
      const initialRange = defaultRange(dashboard, opts);
      const width = opts.width ?? 800;
      const height = opts.height ?? 400;
      const state: PanelState = {
        panelId,
        type: panel.type,
        selector: '',
        state: 'Loading plugin',
        errors: [],
        series: [],
        options: prepared.options,
        fieldConfig: prepared.fieldConfig,
        renders: 0,
        queries: 0,
        timeRange: { from: initialRange.from.valueOf(), to: initialRange.to.valueOf() },
      };
      let firstUpdate: () => void;
      const settled = new Promise<void>((resolve) => (firstUpdate = resolve));
      state.selector = mount(
        <SizedPanel initial={{ width, height }} onResizer={(r) => resizers.set(panelId, r)}>
          {(size) => (
            <div style={size} data-panel-id={panelId}>
              <HostPanel
                panel={panel}
                plugin={prepared.plugin}
                dashboardUID={dashboard.uid}
                initialOptions={prepared.options}
                initialFieldConfig={prepared.fieldConfig}
                width={size.width}
                height={size.height}
                initialRange={initialRange}
                timeZone={opts.timeZone ?? dashboard.timezone ?? 'browser'}
                variables={deps.variables}
                state={state}
                onUpdate={(s) => {
                  panels.set(panelId, s as PanelStateView);
                  if (s.state !== 'Loading' && s.state !== 'Loading plugin') {
                    firstUpdate();
                  }
                }}
              />
            </div>
          )}
        </SizedPanel>,
        'panel'
      );
      panels.set(panelId, state as PanelStateView);
      await settled;
      return { ...panels.get(panelId)!, selector: state.selector };
    },

    panel: (panelId) => panels.get(panelId),

    resizePanel(panelId, width, height) {
      const resize = resizers.get(panelId);
      if (!resize) {
        throw new Error(`Panel ${panelId} is not rendered`);
      }
      resize({ width, height });
    },

    async renderQueryEditor(uid, query, opts) {
      const ds = await datasource(uid);
      const view: EditorView = { selector: '', current: query, changes: [], runs: 0 };
      queryEditorView = view;
      view.selector = mount(
        <QueryEditorHost ds={ds} initial={query as unknown as DataQuery} range={range(opts)} view={view} />,
        'query-editor'
      );
      return view;
    },
    queryEditor: () => queryEditorView,

    async renderConfigEditor(uid) {
      const ds = await datasource(uid);
      const settings = await fetchDataSourceSettings(uid);
      const view: EditorView = { selector: '', current: settings as any, changes: [], runs: 0 };
      configEditorView = view;
      view.selector = mount(<ConfigEditorHost ds={ds} initial={settings} view={view} />, 'config-editor');
      return view;
    },
    configEditor: () => configEditorView,

    async renderAppConfig(id, page = 0) {
      return { selector: mount(await appConfigElement(id, page), 'app-config') };
    },

    variables: {
      get: () => deps.variables.values(),
      set: (name, value) => deps.variables.set(name, value),
    },

    location: () => {
      const l = locationService.getLocation();
      return { pathname: l.pathname, search: l.search };
    },

    clear() {
      for (const r of roots.splice(0)) {
        r.unmount();
      }
      document.getElementById('host-root')!.replaceChildren();
      panels.clear();
      resizers.clear();
      queryEditorView = undefined;
      configEditorView = undefined;
    },
  };
}

function summary(request: ReturnType<typeof buildRequest>) {
  return {
    intervalMs: request.intervalMs,
    interval: request.interval,
    maxDataPoints: request.maxDataPoints,
    from: request.range.from.valueOf(),
    to: request.range.to.valueOf(),
    targets: JSON.parse(JSON.stringify(request.targets)),
  };
}

type Size = { width: number; height: number };

/** Holds a panel's size so a test can change it after the panel rendered (a grid cell settling, a TV). */
function SizedPanel(props: {
  initial: Size;
  onResizer(resize: (size: Size) => void): void;
  children(size: Size): React.ReactNode;
}) {
  const [size, setSize] = useState(props.initial);
  props.onResizer(setSize);
  return <>{props.children(size)}</>;
}
