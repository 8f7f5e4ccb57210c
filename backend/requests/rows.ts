// The rows the request detail reads (backend/sql/requests/*.sql), typed once.
import type { WeeklyHours } from '../sla/calendar.ts';

export type RequestRow = {
  id: number;
  reference: string;
  source: string;
  external_id: string;
  channel_code: string;
  category_code: string;
  topic_code: string | null;
  department_code: string | null;
  priority: string;
  zone_code: string | null;
  zone_name_en: string | null;
  zone_name_ar: string | null;
  zone_kind: string | null;
  lon: number | null;
  lat: number | null;
  address: string | null;
  description: string | null;
  customer_id: number | null;
  status: string;
  stage: string;
  progress_pct: number;
  advisor_code: string | null;
  advisor_name: string | null;
  created_at: Date;
  ingested_at: Date;
  updated_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  cancelled_at: Date | null;
  satisfaction: number | null;
  sla_policy_id: number | null;
  first_response_due_at: Date | null;
  resolution_due_at: Date | null;
  sla_state: string;
  sla_evaluated_at: Date | null;
  resolution_due_source: string;
  first_response_clock: boolean;
  sla_recorded_at: Date | null;
};

export type EventRow = {
  id: number;
  kind: string;
  from_status: string | null;
  to_status: string;
  stage: string;
  progress_pct: number;
  advisor_code: string | null;
  advisor_name: string | null;
  actor: string | null;
  note: string | null;
  occurred_at: Date;
  recorded_at: Date;
};

export type PolicyRow = {
  code: string;
  version: number;
  first_response_minutes: number;
  resolution_minutes: number;
  warning_pct: number;
  pause_statuses: string[];
  calendar_code: string;
  calendar_name_en: string;
  calendar_name_ar: string;
  timezone: string;
  weekly_hours: WeeklyHours;
  holidays: string[];
};

export type CustomerRow = {
  id: number;
  name: string | null;
  phone: string | null;
  email: string | null;
  national_id: string | null;
  language: string | null;
  home_zone_code: string | null;
  home_zone_name_en: string | null;
  home_zone_name_ar: string | null;
};
