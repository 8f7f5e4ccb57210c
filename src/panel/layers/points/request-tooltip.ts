// What a request's tooltip reads, from a tile's properties or a frame's row, named in the panel's language (the
// catalogue's names, the journey's stage and status names, the panel's own SLA states). Pure but for journeyNamesOf.
import { humanize } from '../../style/palette.ts';
import type { Translate } from '../../i18n.ts';
import type { MessageKey } from '../../locales/en.ts';
import { NO_NAMES, type ValueNames } from '../../data/value-names.ts';
import type { LayerEnv, TooltipModel } from '../types.ts';

/** What a request point's tooltip reads (tile properties; in a frame, fields of these names). */
export const REQUEST_TOOLTIP_FIELDS = ['reference', 'id', 'topic', 'category', 'status', 'stage', 'sla_state'] as const;

/**
 * A request point's tooltip, from the aggregator's tile or a frame's row: its reference (a `reference` field, or
 * S360- and the numeric id on 9 digits, as the aggregator writes it), topic, category, status, stage and SLA state,
 * in the panel's language: topic and category from the catalogue (`names`), status and stage from the journey's
 * names (`journey`, the aggregator's), the SLA state from the panel's own catalogue (the product's six states); a
 * code nothing names is shown made readable. Rows whose value is missing are left out. Codes and reference data
 * only: no personal data.
 */
export function requestTooltip(
  get: (name: string) => unknown,
  t: Translate,
  names: ValueNames = NO_NAMES,
  journey: JourneyNames = NO_JOURNEY_NAMES
): TooltipModel {
  const text = (name: string) => {
    const v = get(name);
    return v === undefined || v === null || v === '' ? null : String(v);
  };
  const code = (name: string) => {
    const v = text(name);
    return v === null ? null : (names.value(name, v) ?? humanize(v.split('.').pop() ?? v));
  };
  const named = (name: 'stage' | 'status') => {
    const v = text(name);
    return (v !== null ? journey[name].get(v) : undefined) ?? code(name);
  };
  const sla = text('sla_state');
  const slaKey = `zonemap.sla.${sla}` as MessageKey;
  const rows = [
    { key: 'topic', label: t('zonemap.topic'), value: code('topic') },
    { key: 'category', label: t('zonemap.category'), value: code('category') },
    { key: 'status', label: t('zonemap.status'), value: named('status') },
    { key: 'stage', label: t('zonemap.stage'), value: named('stage') },
    {
      key: 'sla',
      label: t('zonemap.sla-state'),
      value: sla === null ? null : t(slaKey) !== slaKey ? t(slaKey) : code('sla_state'),
    },
  ].filter((r): r is { key: string; label: string; value: string } => r.value !== null);
  const id = text('id');
  const reference =
    text('reference') ?? (id !== null && /^\d+$/.test(id) ? `S360-${id.padStart(9, '0')}` : t('zonemap.request'));
  return { title: reference, rows };
}

/** A code's name from the catalogue, else the code made readable ("service_request" → "Service request"). */
export const valueName = (names: ValueNames, property: string, code: string) =>
  names.value(property, code) ?? humanize(code);

/** The journey's statuses and stages by code, named in the panel's language. */
export type JourneyNames = {
  readonly stage: ReadonlyMap<string, string>;
  readonly status: ReadonlyMap<string, string>;
};
const NO_JOURNEY_NAMES: JourneyNames = { stage: new Map(), status: new Map() };

/**
 * The journey's stages and statuses by code, named in the panel's language (GET /v1/variables/stage and /status
 * through the datasource), filled when the answers arrive; until then, or if one fails, a tooltip shows the code.
 */
export function journeyNamesOf(env: LayerEnv): JourneyNames {
  const load = (dimension: 'stage' | 'status') => {
    const names = new Map<string, string>();
    env.fetchJson(env.urls.values({ dimension, language: env.lang })).then(
      (json) => {
        for (const v of (json as { values?: Array<{ value: string; text: string }> })?.values ?? []) {
          names.set(v.value, v.text);
        }
      },
      () => undefined
    );
    return names;
  };
  return { stage: load('stage'), status: load('status') };
}
