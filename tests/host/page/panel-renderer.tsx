// Renders one panel of a dashboard JSON as Grafana does: the panel plugin from SystemJS, options with the
// plugin's defaults (getPanelOptionsWithDefaults), queries through the provisioned datasource, field config
// applied (applyFieldOverrides), inside PanelChrome with the full PanelProps. Variables and time range changes
// re-run the queries.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import {
  applyFieldOverrides,
  EventBusSrv,
  getPanelOptionsWithDefaults,
  LoadingState,
  type AbsoluteTimeRange,
  type FieldConfigSource,
  type InterpolateFunction,
  type PanelData,
  type PanelPlugin,
  type PanelPluginMeta,
  type ScopedVars,
  type TimeRange,
  dateTime,
} from '@grafana/data';
import { config, getTemplateSrv } from '@grafana/runtime';
import { ErrorBoundaryAlert, PanelChrome } from '@grafana/ui';

import { importPanelPlugin } from './plugin-importer';
import { runPanelQueries } from './query-runner';
import type { VariableStore } from './services/variables';
import { toTimeRange, type RawTime } from './time';

export type DashboardPanel = {
  id: number;
  type: string;
  title?: string;
  description?: string;
  datasource?: { uid?: string; type?: string } | string | null;
  targets?: any[];
  options?: Record<string, unknown>;
  fieldConfig?: FieldConfigSource;
  pluginVersion?: string;
  maxDataPoints?: number;
  interval?: string;
  transparent?: boolean;
  panels?: DashboardPanel[];
  [key: string]: unknown;
};

export type Dashboard = {
  uid?: string;
  title?: string;
  panels?: DashboardPanel[];
  templating?: { list?: any[] };
  time?: { from: RawTime; to: RawTime };
  timezone?: string;
};

export type RenderPanelOptions = {
  width?: number;
  height?: number;
  variables?: Record<string, string | string[]>;
  timeRange?: { from: RawTime; to: RawTime };
  timeZone?: string;
};

/** What a test can read about a rendered panel. */
export type PanelState = {
  panelId: number;
  type: string;
  selector: string;
  state: LoadingState | 'Loading plugin';
  errors: string[];
  series: Array<{
    name?: string;
    refId?: string;
    length: number;
    fields: Array<{ name: string; type: string; displayName?: string }>;
  }>;
  options: Record<string, unknown>;
  fieldConfig: FieldConfigSource;
  renders: number;
  queries: number;
  timeRange: { from: number; to: number };
};

export function findPanel(panels: DashboardPanel[] = [], id: number): DashboardPanel | undefined {
  for (const p of panels) {
    if (p.id === id) {
      return p;
    }
    const nested = findPanel(p.panels, id);
    if (nested) {
      return nested;
    }
  }
  return undefined;
}

export async function preparePanel(dashboard: Dashboard, panel: DashboardPanel) {
  const meta = config.panels[panel.type] as PanelPluginMeta | undefined;
  if (!meta) {
    throw new Error(
      `Panel plugin "${panel.type}" is not installed in the host (known: ${Object.keys(config.panels).join(', ')})`
    );
  }
  const plugin = await importPanelPlugin(meta);
  let currentOptions = panel.options ?? {};
  if (plugin.onPanelMigration && panel.pluginVersion !== meta.info.version) {
    currentOptions = (await plugin.onPanelMigration({ ...panel, options: currentOptions } as any)) ?? currentOptions;
  }
  const { options, fieldConfig } = getPanelOptionsWithDefaults({
    plugin,
    currentOptions,
    currentFieldConfig: panel.fieldConfig ?? { defaults: {}, overrides: [] },
    isAfterPluginChange: false,
  });
  return { plugin, meta, options, fieldConfig, dashboardUID: dashboard.uid };
}

type Props = {
  panel: DashboardPanel;
  plugin: PanelPlugin;
  dashboardUID?: string;
  initialOptions: Record<string, unknown>;
  initialFieldConfig: FieldConfigSource;
  width: number;
  height: number;
  initialRange: TimeRange;
  timeZone: string;
  variables: VariableStore;
  state: PanelState;
  onUpdate: (s: PanelState) => void;
};

export function HostPanel(props: Props) {
  const { panel, plugin, width, height, variables } = props;
  const [options, setOptions] = useState(props.initialOptions);
  const [fieldConfig, setFieldConfig] = useState(props.initialFieldConfig);
  const [range, setRange] = useState(props.initialRange);
  const [data, setData] = useState<PanelData>({
    state: LoadingState.Loading,
    series: [],
    timeRange: props.initialRange,
  });
  const [varsRev, setVarsRev] = useState(0);
  const eventBus = useMemo(() => new EventBusSrv(), []);
  const renders = useRef(0);
  const queries = useRef(0);
  renders.current++;

  useEffect(() => variables.onChange(() => setVarsRev((n) => n + 1)), [variables]);

  useEffect(() => {
    let cancelled = false;
    const targets = panel.targets ?? [];
    if (!targets.length && !panel.datasource) {
      setData({ state: LoadingState.Done, series: [], timeRange: range });
      return;
    }
    setData((d) => ({ ...d, state: LoadingState.Loading }));
    queries.current++;
    runPanelQueries(panel.datasource as any, targets, {
      range,
      maxDataPoints: panel.maxDataPoints ?? Math.max(100, Math.round(width)),
      minInterval: panel.interval,
      panelId: panel.id,
      dashboardUID: props.dashboardUID,
      timezone: props.timeZone,
    }).then((result) => !cancelled && setData(result));
    return () => {
      cancelled = true;
    };
  }, [panel, range, varsRev, width, props.dashboardUID, props.timeZone]);

  const replaceVariables: InterpolateFunction = useCallback(
    (value: string, scopedVars?: ScopedVars, format?: string | Function) =>
      getTemplateSrv().replace(value, scopedVars, format),
    // A new function whenever the variables change (varsRev), as Grafana hands the panel one: the panel re-renders with them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [varsRev]
  );

  const processed = useMemo<PanelData>(() => {
    const series = applyFieldOverrides({
      data: data.series,
      fieldConfig,
      fieldConfigRegistry: plugin.fieldConfigRegistry,
      replaceVariables,
      theme: config.theme2,
      timeZone: props.timeZone,
    });
    return { ...data, series };
  }, [data, fieldConfig, plugin, replaceVariables, props.timeZone]);

  useEffect(() => {
    props.onUpdate({
      ...props.state,
      state: processed.state,
      errors: (processed.errors ?? []).map((e) => e.message ?? e.data?.message ?? String(e)),
      series: processed.series.map((f) => ({
        name: f.name,
        refId: f.refId,
        length: f.length,
        fields: f.fields.map((x) => ({
          name: x.name,
          type: x.type,
          displayName: x.state?.displayName ?? x.config.displayName,
        })),
      })),
      options,
      fieldConfig,
      renders: renders.current,
      queries: queries.current,
      timeRange: { from: range.from.valueOf(), to: range.to.valueOf() },
    });
  });

  const PanelComponent = plugin.panel;
  const title = replaceVariables(panel.title ?? '');
  const error = processed.errors?.[0];
  if (!PanelComponent) {
    return <div>Panel plugin has no panel component</div>;
  }
  return (
    <PanelChrome
      width={width}
      height={height}
      title={title}
      description={panel.description}
      padding={plugin.noPadding ? 'none' : 'md'}
      displayMode={panel.transparent ? 'transparent' : 'default'}
      loadingState={processed.state}
      statusMessage={error ? (error.message ?? error.data?.message) : undefined}
    >
      {(innerWidth, innerHeight) => (
        <ErrorBoundaryAlert>
          <PanelComponent
            id={panel.id}
            data={processed}
            title={title}
            timeRange={range}
            timeZone={props.timeZone}
            options={options}
            fieldConfig={fieldConfig}
            transparent={!!panel.transparent}
            width={innerWidth}
            height={innerHeight}
            renderCounter={renders.current}
            replaceVariables={replaceVariables}
            onOptionsChange={setOptions}
            onFieldConfigChange={setFieldConfig}
            onChangeTimeRange={(r: AbsoluteTimeRange) =>
              setRange({
                from: dateTime(r.from),
                to: dateTime(r.to),
                raw: { from: dateTime(r.from), to: dateTime(r.to) },
              })
            }
            eventBus={eventBus}
          />
        </ErrorBoundaryAlert>
      )}
    </PanelChrome>
  );
}

export const defaultRange = (dashboard: Dashboard, opts: RenderPanelOptions) =>
  toTimeRange(opts.timeRange ?? dashboard.time);
