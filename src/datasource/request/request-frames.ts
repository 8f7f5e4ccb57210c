// The answer of GET /v1/requests/{reference} → two frames (as wire frames, turned into DataFrames by
// query/to-frames.ts): the request, one row; its journey, one row per event in the order the aggregator gives
// (occurred_at). Types, units and display names in the query's language. The customer fields are what the API
// returns: masked unless the datasource's token has the `pii` scope. Pure (no @grafana/data at run time), so the
// dashboards test can use it against a real aggregator.
import type { Language } from '../vocabulary.ts';
import type { WireField, WireFrame } from '../query/to-frames.ts';
import {
  DUE_SOURCE_LABELS,
  EVENT_KIND_LABELS,
  FRAME_NAMES,
  SLA_STATE_LABELS,
  codeLabel,
  fieldLabel,
  type FieldName,
} from './labels.ts';
import type { Coded, WireRequestDetail } from './wire.ts';

type Kind = 'string' | 'number' | 'time' | 'boolean';

const name = (c: Coded | null | undefined): string | null => c?.name ?? null;

function field(fieldName: FieldName, type: Kind, values: unknown[], language: Language, unit?: string): WireField {
  return {
    name: fieldName,
    type,
    values,
    config: { displayName: fieldLabel(fieldName, language), ...(unit ? { unit } : {}) },
  };
}

export function requestFrame(detail: WireRequestDetail, refId: string, language: Language): WireFrame {
  const sla = detail.sla ?? {
    first_response_due_at: null,
    resolution_due_at: null,
    sla_state: null,
    resolution_due_source: undefined,
    clock: null,
  };
  const clock = sla.clock ?? null;
  const customer = detail.customer;
  // The SLA engine's clock at the read when there is one (the stored state is as of the last sweep).
  const state = clock?.state ?? sla.sla_state ?? null;
  const f = (n: FieldName, type: Kind, value: unknown, unit?: string) =>
    field(n, type, [value ?? null], language, unit);
  return {
    name: FRAME_NAMES.request[language],
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      f('reference', 'string', detail.reference),
      f('status', 'string', name(detail.status)),
      f('stage', 'string', name(detail.stage)),
      f('progress_pct', 'number', detail.progress_pct, 'percent'),
      f('priority', 'string', name(detail.priority)),
      f('channel', 'string', name(detail.channel)),
      f('category', 'string', name(detail.category)),
      f('topic', 'string', name(detail.topic)),
      f('department', 'string', name(detail.department)),
      f('zone', 'string', name(detail.zone)),
      f('advisor', 'string', name(detail.advisor)),
      f('created_at', 'time', detail.created_at),
      f('first_response_at', 'time', detail.first_response_at),
      f('resolved_at', 'time', detail.resolved_at),
      f('closed_at', 'time', detail.closed_at),
      f('sla_state', 'string', codeLabel(SLA_STATE_LABELS, state, language)),
      f('first_response_due_at', 'time', clock?.first_response?.due_at ?? sla.first_response_due_at),
      f('resolution_due_at', 'time', clock?.resolution.due_at ?? sla.resolution_due_at),
      f('resolution_due_source', 'string', codeLabel(DUE_SOURCE_LABELS, sla.resolution_due_source, language)),
      f('resolution_elapsed_pct', 'number', clock?.resolution.business_elapsed_pct, 'percent'),
      f('customer_masked', 'boolean', customer ? customer.masked : null),
      f('customer_name', 'string', customer?.name),
      f('customer_phone', 'string', customer?.phone),
      f('customer_email', 'string', customer?.email),
      f('customer_national_id', 'string', customer?.national_id),
      f('customer_language', 'string', customer?.language),
      f('customer_home_zone', 'string', name(customer?.home_zone)),
    ],
  };
}

export function journeyFrame(detail: WireRequestDetail, refId: string, language: Language): WireFrame {
  const events = detail.journey ?? [];
  const col = (n: FieldName, type: Kind, pick: (e: (typeof events)[number]) => unknown, unit?: string) =>
    field(
      n,
      type,
      events.map((e) => pick(e) ?? null),
      language,
      unit
    );
  return {
    name: FRAME_NAMES.journey[language],
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      col('time', 'time', (e) => e.occurred_at),
      col('kind', 'string', (e) => codeLabel(EVENT_KIND_LABELS, e.kind, language)),
      col('from_status', 'string', (e) => name(e.from_status)),
      col('to_status', 'string', (e) => name(e.to_status)),
      col('stage', 'string', (e) => name(e.stage)),
      col('progress_pct', 'number', (e) => e.progress_pct, 'percent'),
      col('advisor', 'string', (e) => name(e.advisor)),
      col('actor', 'string', (e) => e.actor),
      col('note', 'string', (e) => e.note),
    ],
  };
}

/** Both frames of a request query, request first. */
export function requestFrames(detail: WireRequestDetail, refId: string, language: Language): WireFrame[] {
  return [requestFrame(detail, refId, language), journeyFrame(detail, refId, language)];
}

/** No request to show: one frame without fields (panels say "No data") carrying the plain notice. */
export function noticeFrame(refId: string, text: string): WireFrame {
  return { name: 'notice', refId, meta: { notices: [{ severity: 'info', text }] }, fields: [] };
}
