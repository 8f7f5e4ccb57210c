// The SLA clocks of the demo's requests, computed while they are written (issue 16): each request's SLA columns go
// into its COPY line and its warnings and breaches into sla_alerts' COPY, evaluated at `now` by evaluateRequest
// (sla/evaluate-batch.ts, the one SLA truth the sweep and the history pass use), from the same fields and journey the
// pass would read back. The first pass after the load (cli/after-load.ts, at the same `now`) then finds no request
// to evaluate, instead of reading and rewriting every one of them (an UPDATE of the whole table, its indexes
// included: about a fifth of the demo's time). tests/integration/demo-sla-clocks.test.ts compares both ways.
import type { Calendar } from '../sla/calendar.ts';
import { evaluateRequest, type ClockInput } from '../sla/evaluate-batch.ts';
import { copyTime, NULL } from './copy-text.ts';
import type { SlaPolicy } from './sla-policy.ts';
import { lookup } from '../domain/lookup.ts';

/** sla_policies' clock settings, as demo/sla_policies.sql reads them. */
export type ClockedPolicy = SlaPolicy & { warning_pct: number; pause_statuses: string[] };

/** The fields of a new request its clock reads (instants in ms). */
export type NewRequest = {
  status: string;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  cancelledAt: number | null;
};

/** The SLA columns demo/copy_requests.sql takes after the request's own, in this order. */
export const SLA_COLUMNS = [
  'first_response_due_at',
  'resolution_due_at',
  'sla_state',
  'sla_evaluated_at',
  'sla_next_check_at',
  'sla_recorded_at',
] as const;

const time = (d: Date | null) => (d === null ? NULL : copyTime(d.getTime()));

export class DemoSlaClocks {
  private readonly evaluatedAt: string;
  /** requests evaluated so far */
  evaluated = 0;
  /** warnings and breaches recorded so far */
  alerts = 0;

  constructor(
    private readonly calendars: ReadonlyMap<string, Calendar>,
    private readonly now: Date
  ) {
    this.evaluatedAt = copyTime(now.getTime());
  }

  /**
   * The SLA columns (SLA_COLUMNS, tab-separated, no leading tab) of request `id` under `policy`, its journey the
   * statuses it went through with their instants (in journey order); its warnings and breaches appended to `alerts`
   * as COPY lines of sla_alerts (request_id, kind, target, at).
   */
  columns(
    id: number,
    request: NewRequest,
    policy: ClockedPolicy,
    journey: ReadonlyArray<{ to: string; at: number }>,
    alerts: string[]
  ): string {
    const row: ClockInput = {
      status: request.status,
      created_at: request.createdAt,
      first_response_at: request.firstResponseAt,
      resolved_at: request.resolvedAt,
      closed_at: request.closedAt,
      cancelled_at: request.cancelledAt,
      first_response_due_at: null,
      resolution_due_at: null,
      sla_state: 'in_progress',
      sla_evaluated_at: null,
      sla_next_check_at: null,
      first_response_minutes: policy.first_response_minutes,
      resolution_minutes: policy.resolution_minutes,
      warning_pct: policy.warning_pct,
      pause_statuses: policy.pause_statuses,
      resolution_due_source: 'policy',
      first_response_clock: true,
      sla_recorded_at: null,
    };
    const steps = journey.map((e) => ({ to_status: e.to, occurred_at: e.at }));
    const e = evaluateRequest(row, steps, lookup(this.calendars, policy.calendar_code, 'calendars'), this.now);
    this.evaluated++;
    this.alerts += e.alerts.length;
    for (const a of e.alerts) {
      alerts.push(`${id}\t${a.kind}\t${a.target}\t${copyTime(a.at.getTime())}\n`);
    }
    return `${time(e.frDue)}\t${time(e.resDue)}\t${e.state}\t${this.evaluatedAt}\t${time(e.next)}\t${time(e.recorded)}`;
  }
}
