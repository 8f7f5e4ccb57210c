// A request's detail as the API answers it: the request with names in the asked language, its journey,
// its SLA clocks (stored and live) and its customer, masked unless the caller may see personal data. Pure.
import type { ReferenceIndex } from '../domain/reference.ts';
import type { Language } from '../geo/read-params.ts';
import { nameOf } from '../query/labels.ts';
import type { WireClock } from './live-clock.ts';
import { maskCustomer } from './mask.ts';
import type { CustomerRow, EventRow, PolicyRow, RequestRow } from './rows.ts';

type Coded = { code: string; name: string };

export type WireCustomer = {
  masked: boolean;
  name: string | null;
  phone: string | null;
  email: string | null;
  national_id: string | null;
  language: string | null;
  home_zone: Coded | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function customerView(row: CustomerRow, unmasked: boolean, lang: Language): WireCustomer {
  const plain: WireCustomer = {
    masked: false,
    name: row.name,
    phone: row.phone,
    email: row.email,
    national_id: row.national_id,
    language: row.language,
    home_zone:
      row.home_zone_code === null
        ? null
        : {
            code: row.home_zone_code,
            name: (lang === 'ar' ? row.home_zone_name_ar : row.home_zone_name_en) ?? row.home_zone_code,
          },
  };
  // Where the customer lives is personal too: masked, only the language (for replying) is left.
  return unmasked ? plain : { ...maskCustomer(plain), masked: true, home_zone: null };
}

export type DetailParts = {
  request: RequestRow;
  events: EventRow[];
  policy: PolicyRow | null;
  clock: WireClock | null;
  customer: WireCustomer | null;
};

export function detailView(p: DetailParts, ref: ReferenceIndex, lang: Language) {
  const r = p.request;
  const pick = (x: { name_en: string; name_ar: string } | undefined, code: string) =>
    x ? (lang === 'ar' ? x.name_ar : x.name_en) : code;
  const statusOf = (code: string) => {
    const s = ref.statuses.find((x) => x.code === code);
    return { code, name: pick(s, code), class: s?.status_class ?? null };
  };
  const stageOf = (code: string): Coded => ({ code, name: pick(ref.stage.get(code), code) });
  const advisorOf = (code: string | null, name: string | null): Coded | null =>
    code === null ? null : { code, name: name ?? code };
  const coded = (
    dim: 'channel' | 'category' | 'topic' | 'department' | 'priority',
    code: string | null
  ): Coded | null => (code === null ? null : { code, name: nameOf(dim, code, ref, lang) });

  return {
    id: r.id,
    reference: r.reference,
    source: r.source,
    external_id: r.external_id,
    channel: coded('channel', r.channel_code),
    category: coded('category', r.category_code),
    topic: coded('topic', r.topic_code),
    department: coded('department', r.department_code),
    priority: coded('priority', r.priority),
    zone:
      r.zone_code === null
        ? null
        : {
            code: r.zone_code,
            name: (lang === 'ar' ? r.zone_name_ar : r.zone_name_en) ?? r.zone_code,
            kind: r.zone_kind,
          },
    status: statusOf(r.status),
    stage: stageOf(r.stage),
    progress_pct: r.progress_pct,
    advisor: advisorOf(r.advisor_code, r.advisor_name),
    address: r.address,
    description: r.description,
    location: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
    created_at: iso(r.created_at),
    ingested_at: iso(r.ingested_at),
    updated_at: iso(r.updated_at),
    first_response_at: iso(r.first_response_at),
    resolved_at: iso(r.resolved_at),
    closed_at: iso(r.closed_at),
    cancelled_at: iso(r.cancelled_at),
    satisfaction: r.satisfaction,
    customer: p.customer,
    journey: p.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      from_status: e.from_status === null ? null : statusOf(e.from_status),
      to_status: statusOf(e.to_status),
      stage: stageOf(e.stage),
      progress_pct: e.progress_pct,
      advisor: advisorOf(e.advisor_code, e.advisor_name),
      actor: e.actor,
      note: e.note,
      occurred_at: iso(e.occurred_at),
      recorded_at: iso(e.recorded_at),
    })),
    sla: {
      policy:
        p.policy === null
          ? null
          : {
              code: p.policy.code,
              version: p.policy.version,
              first_response_minutes: p.policy.first_response_minutes,
              resolution_minutes: p.policy.resolution_minutes,
              warning_pct: p.policy.warning_pct,
              pause_statuses: p.policy.pause_statuses,
              calendar: {
                code: p.policy.calendar_code,
                name: lang === 'ar' ? p.policy.calendar_name_ar : p.policy.calendar_name_en,
              },
            },
      first_response_due_at: iso(r.first_response_due_at),
      resolution_due_at: iso(r.resolution_due_at),
      /** where the resolution due time came from: the policy, or the source system (kept as given) */
      resolution_due_source: r.resolution_due_source,
      /** false: the source keeps no first-response data; no first-response clock, due or verdict */
      first_response_clock: r.first_response_clock,
      sla_state: r.sla_state,
      sla_evaluated_at: iso(r.sla_evaluated_at),
      /** when the outcome of the finished request was recorded; the clock then keeps its due times and verdict */
      sla_recorded_at: iso(r.sla_recorded_at),
      clock: p.clock,
    },
  };
}

export type RequestDetail = ReturnType<typeof detailView>;
