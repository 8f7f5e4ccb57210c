// GET /v1/requests/{id|reference} as the aggregator answers it (docs/api.md), the parts the datasource reads.
// Coded values come as {code, name} with the name in the asked language; times as ISO 8601 text or null.

export type Coded = { code: string; name: string };

export interface WireCustomer {
  masked: boolean;
  name: string | null;
  phone: string | null;
  email: string | null;
  national_id: string | null;
  language: string | null;
  home_zone: Coded | null;
}

export interface WireJourneyEvent {
  id: number | string;
  kind: string;
  from_status: (Coded & { class?: string | null }) | null;
  to_status: Coded & { class?: string | null };
  stage: Coded;
  progress_pct: number;
  advisor: Coded | null;
  actor: string | null;
  note: string | null;
  occurred_at: string;
  recorded_at: string;
}

export interface WireClockTarget {
  due_at: string;
  status: string;
  business_elapsed_pct: number;
  actual_elapsed_pct: number;
}

export interface WireRequestDetail {
  id: number | string;
  reference: string;
  channel: Coded | null;
  category: Coded | null;
  topic: Coded | null;
  department: Coded | null;
  priority: Coded | null;
  stage: Coded;
  advisor: Coded | null;
  zone: (Coded & { kind?: string }) | null;
  status: Coded & { class?: string | null };
  progress_pct: number;
  created_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  customer: WireCustomer | null;
  journey: WireJourneyEvent[];
  sla: {
    first_response_due_at: string | null;
    resolution_due_at: string | null;
    sla_state: string;
    /** where the resolution due time came from: 'policy' or 'source' (the source system's, kept as given) */
    resolution_due_source?: string;
    /** false: the source keeps no first-response data (no first-response clock) */
    first_response_clock?: boolean;
    /** The SLA engine's clock at the read (null without a policy or with a broken calendar); first_response null without a first-response clock. */
    clock: { state: string; first_response: WireClockTarget | null; resolution: WireClockTarget } | null;
  };
}
