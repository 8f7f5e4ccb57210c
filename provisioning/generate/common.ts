// What every Services 360 dashboard shares: the filter variables (zone, channel, category, department, language),
// the annotations from the aggregator, links to the other dashboards, and small panel helpers. Dashboard-level
// only: panels never depend on one another, each carries its own datasource and full query.
import {
  AnnotationQueryBuilder,
  CustomVariableBuilder,
  DashboardBuilder,
  DashboardLinkBuilder,
  DashboardLinkType,
  FieldColorBuilder,
  FieldColorModeId,
  QueryVariableBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  VariableRefresh,
  VariableSort,
  type Threshold,
} from '@grafana/grafana-foundation-sdk/dashboard';
import type { Dimension } from '../../backend/rollups/cubes.ts';
import type { S360VariableQuery } from '../../src/datasource/types.ts';
import { FOLDER, S360, TAG } from './refs.ts';
import { s360Annotations } from './s360-query.ts';

export type GridPos = { x: number; y: number; w: number; h: number };
export const at = (x: number, y: number, w: number, h: number): GridPos => ({ x, y, w, h });

const ALL = { text: ['All'], value: ['$__all'] };

/** A dimension of the aggregator as a multi-value variable with All (GET /v1/variables/{dimension}). */
export function dimensionVariable(name: Dimension, label: string) {
  const query: Omit<S360VariableQuery, 'refId'> & { refId: string } = { refId: `${name}-variable`, dimension: name, language: '$language', filters: {} };
  return new QueryVariableBuilder(name)
    .label(label)
    .datasource(S360)
    .query(query)
    .definition(name)
    .refresh(VariableRefresh.OnDashboardLoad)
    .sort(VariableSort.Disabled)
    .multi(true)
    .includeAll(true)
    .allowCustomValue(false)
    .current(ALL);
}

export function languageVariable() {
  return new CustomVariableBuilder('language')
    .label('Language')
    .values('English : en, العربية : ar')
    .multi(false)
    .includeAll(false)
    .allowCustomValue(false)
    .current({ text: 'English', value: 'en' });
}

export function filterVariables() {
  return [
    languageVariable(),
    dimensionVariable('zone', 'Zone'),
    dimensionVariable('channel', 'Channel'),
    dimensionVariable('category', 'Category'),
    dimensionVariable('department', 'Department'),
  ];
}

export type DashboardSpec = {
  uid: string;
  title: string;
  description: string;
  /** 10s for wall screens, 30s otherwise. */
  refresh: '10s' | '30s';
  from: string;
  to?: string;
};

/** The dashboard skeleton: uid, folder tag, time, refresh, annotations, links to the other Services 360 dashboards. */
export function dashboard(spec: DashboardSpec) {
  return new DashboardBuilder(spec.title)
    .uid(spec.uid)
    .description(spec.description)
    .tags([TAG])
    .timezone('browser')
    .time({ from: spec.from, to: spec.to ?? 'now' })
    .refresh(spec.refresh)
    .editable()
    .annotation(
      new AnnotationQueryBuilder()
        .name('Incidents and SLA policy changes')
        .datasource(S360)
        .enable(true)
        .iconColor('orange')
        .target(s360Annotations()),
    )
    .link(new DashboardLinkBuilder(FOLDER).type(DashboardLinkType.Dashboards).tags([TAG]).asDropdown(true).includeVars(true).keepTime(true));
}

export const thresholds = (...steps: Threshold[]) => new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps);
export const thresholdColors = () => new FieldColorBuilder().mode(FieldColorModeId.Thresholds);
export const paletteColors = () => new FieldColorBuilder().mode(FieldColorModeId.PaletteClassic);

/** The SLA target: the share of requests to resolve on time (the "on time below target" alert fires under it). */
export const SLA_TARGET_PCT = 85;

/** On-time %: red below the SLA target, green from it. */
export const ON_TIME_STEPS: Threshold[] = [
  { value: null, color: 'red' },
  { value: SLA_TARGET_PCT, color: 'green' },
];

/** Hide the `<dimension>_code` columns tables and charts do not need (the display name stays). */
export function hideFields(...names: string[]) {
  return { id: 'organize', options: { excludeByName: Object.fromEntries(names.map((n) => [n, true])), indexByName: {}, renameByName: {} } };
}
