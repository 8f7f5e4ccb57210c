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
import { EDITIONS, uidIn, type Lang } from './language.ts';
import { S360 } from './refs.ts';
import { s360Annotations } from './s360-query.ts';
import { COMMON_TEXTS } from './texts/common.ts';

export type GridPos = { x: number; y: number; w: number; h: number };
export const at = (x: number, y: number, w: number, h: number): GridPos => ({ x, y, w, h });

/** A dimension of the aggregator as a multi-value variable with All (GET /v1/variables/{dimension}). */
export function dimensionVariable(name: Dimension, label: string, lang: Lang) {
  const query: Omit<S360VariableQuery, 'refId'> & { refId: string } = {
    refId: `${name}-variable`,
    dimension: name,
    language: '$language',
    filters: {},
  };
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
    .current({ text: [COMMON_TEXTS[lang].all], value: ['$__all'] });
}

/** The names of the languages the `language` variable offers, in their own language. */
const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', ar: 'العربية' };

/** The language the queries and the maps speak, at the dashboard's own language by default. */
export function languageVariable(lang: Lang) {
  return new CustomVariableBuilder('language')
    .label(COMMON_TEXTS[lang].language)
    .values(
      Object.entries(LANGUAGE_NAMES)
        .map(([code, name]) => `${name} : ${code}`)
        .join(', ')
    )
    .multi(false)
    .includeAll(false)
    .allowCustomValue(false)
    .current({ text: LANGUAGE_NAMES[lang], value: lang });
}

export function filterVariables(lang: Lang) {
  const t = COMMON_TEXTS[lang];
  return [
    languageVariable(lang),
    dimensionVariable('zone', t.zone, lang),
    dimensionVariable('channel', t.channel, lang),
    dimensionVariable('category', t.category, lang),
    dimensionVariable('department', t.department, lang),
  ];
}

export type DashboardSpec = {
  /** The English dashboard's uid (the Arabic copy's is derived: uidIn). */
  uid: string;
  lang: Lang;
  title: string;
  description: string;
  /** 10s for wall screens, 30s otherwise. */
  refresh: '10s' | '30s';
  from: string;
  to?: string;
};

/** The dashboard skeleton: uid, folder tag, time, refresh, annotations, links to the other Services 360 dashboards
 *  of the same language (the dropdown lists the dashboards of its edition's tag). */
export function dashboard(spec: DashboardSpec) {
  const edition = EDITIONS[spec.lang];
  return new DashboardBuilder(spec.title)
    .uid(uidIn(spec.uid, spec.lang))
    .description(spec.description)
    .tags([edition.tag])
    .timezone('browser')
    .time({ from: spec.from, to: spec.to ?? 'now' })
    .refresh(spec.refresh)
    .editable()
    .annotation(
      new AnnotationQueryBuilder()
        .name(COMMON_TEXTS[spec.lang].annotations)
        .datasource(S360)
        .enable(true)
        .iconColor('orange')
        .target(s360Annotations())
    )
    .link(
      new DashboardLinkBuilder(edition.folder)
        .type(DashboardLinkType.Dashboards)
        .tags([edition.tag])
        .asDropdown(true)
        .includeVars(true)
        .keepTime(true)
    );
}

export const thresholds = (...steps: Threshold[]) =>
  new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps);
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
  return {
    id: 'organize',
    options: { excludeByName: Object.fromEntries(names.map((n) => [n, true])), indexByName: {}, renameByName: {} },
  };
}
