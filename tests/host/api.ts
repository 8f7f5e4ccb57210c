// The API the host page exposes on `window.__host` for browser tests (documented in README.md).
// Types only: shared by the page (tests/host/page) and the Node side (tests/browser, tests/support).

export type SerializedField = {
  name: string;
  type: string;
  values: unknown[];
  config: Record<string, unknown>;
  labels?: Record<string, string>;
};
export type SerializedFrame = { name?: string; refId?: string; meta?: unknown; fields: SerializedField[] };
export type SerializedError = {
  message?: string;
  status?: number;
  statusText?: string;
  refId?: string;
  data?: unknown;
};

export type TimeInput = { from: string | number; to: string | number };

export type QueryResult = {
  frames: SerializedFrame[];
  errors: SerializedError[];
  request: {
    intervalMs: number;
    interval: string;
    maxDataPoints?: number;
    from: number;
    to: number;
    targets: unknown[];
  };
};

export type PanelStateView = {
  panelId: number;
  type: string;
  selector: string;
  state: string;
  errors: string[];
  series: Array<{
    name?: string;
    refId?: string;
    length: number;
    fields: Array<{ name: string; type: string; displayName?: string }>;
  }>;
  options: Record<string, unknown>;
  fieldConfig: unknown;
  renders: number;
  queries: number;
  timeRange: { from: number; to: number };
};

export type RequestLogEntry = {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  body?: string;
};

export type PluginSummary = { id: string; type: string; name: string; module: string; version: string };

export type EditorView<Q = Record<string, unknown>> = { selector: string; current: Q; changes: Q[]; runs: number };

export interface HostApi {
  ready: boolean;
  /** console.error calls, uncaught errors and unhandled rejections seen by the page. */
  consoleErrors: string[];
  /** Every request made through getBackendSrv(). */
  requests: RequestLogEntry[];
  plugins(): PluginSummary[];
  /** Imports a plugin's module.js through SystemJS; returns its kind and export names. */
  loadPlugin(id: string): Promise<{ id: string; type: string; exports: string[]; pluginClass: string | null }>;
  /** The datasource instance (new DataSourceClass(instanceSettings)) for a provisioned uid. */
  datasource(uid: string): Promise<any>;
  testDatasource(uid: string): Promise<{ status: string; message: string; details?: unknown }>;
  /** Runs targets through the datasource as a panel would; frames come back serialised. */
  query(
    uid: string,
    targets: Array<Record<string, unknown>>,
    opts?: TimeInput & { maxDataPoints?: number; minInterval?: string }
  ): Promise<QueryResult>;
  /** Runs a variable query as Grafana's query variable does; returns [{text, value}]. */
  variableQuery(
    uid: string,
    query: unknown,
    opts?: Partial<TimeInput>
  ): Promise<Array<{ text: string; value?: string | number }>>;
  /** Runs an annotation query as a dashboard does (AnnotationSupport or legacy annotationQuery). */
  annotations(
    uid: string,
    annotation: Record<string, unknown>,
    opts?: Partial<TimeInput>
  ): Promise<{ frames: SerializedFrame[]; events: unknown[] }>;
  renderPanel(
    dashboard: unknown,
    panelId: number,
    opts?: {
      width?: number;
      height?: number;
      variables?: Record<string, string | string[]>;
      timeRange?: TimeInput;
      timeZone?: string;
    }
  ): Promise<PanelStateView>;
  /** Gives a rendered panel a new size, as a dashboard grid settling or a TV going full screen does. */
  resizePanel(panelId: number, width: number, height: number): void;
  /** The live state of a rendered panel (updates after each query and render). */
  panel(panelId: number): PanelStateView | undefined;
  renderQueryEditor(uid: string, query: Record<string, unknown>, opts?: TimeInput): Promise<EditorView>;
  queryEditor(): EditorView | undefined;
  renderConfigEditor(uid: string): Promise<EditorView>;
  configEditor(): EditorView | undefined;
  renderAppConfig(id: string, page?: number): Promise<{ selector: string }>;
  variables: {
    get(): Record<string, string | string[]>;
    set(name: string, value: string | string[]): void;
  };
  location(): { pathname: string; search: string };
  /** Unmounts everything rendered so far. */
  clear(): void;
}

declare global {
  interface Window {
    __host: HostApi;
  }
}
