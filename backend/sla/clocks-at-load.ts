// SLA clocks computed while requests are loaded (issue 16): generate-demo (demo/requests.ts) and import-requests
// (import/chunk-copy.ts) write each new request's SLA columns in its COPY line and its warnings and breaches into
// sla_alerts' COPY, evaluated at `now` by evaluateRequest (evaluate-batch.ts, the one SLA truth the sweep and the
// history pass use) from the same fields and journey the pass would read back. The first pass after the load
// (cli/after-load.ts, at the same `now`) then finds nothing left to evaluate, instead of reading and rewriting every
// request (an UPDATE of the whole table, its indexes included: about a fifth of the demo's time).
// tests/integration/demo-sla-clocks.test.ts and import-sla-clocks.test.ts compare both ways row for row.
import type pg from 'pg';
import { CalendarError, type Calendar } from './calendar.ts';
import type { SlaPolicy } from './clock.ts';
import { evaluateRequest, type ClockInput } from './evaluate-batch.ts';
import { loadCalendars } from './load.ts';
import { copyTime, NULL } from '../demo/copy-text.ts';
import { lookup } from '../domain/lookup.ts';

/** What a loader knows of a policy: its id, its clock's settings and its calendar. */
export type PolicyClock = SlaPolicy & {
  id: number;
  calendar_code: string;
  warning_pct: number;
  pause_statuses: string[];
};

/** The fields of a new request its clock reads (instants in ms). */
export type LoadedRequest = {
  status: string;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  cancelledAt: number | null;
  /** the source system's resolution due time (kept as given), null: the policy's */
  sourceDueAt?: number | null;
  /** false: the source keeps no first-response data (absent: true) */
  firstResponseClock?: boolean;
};

/** The SLA columns a clock fills, in the order the loaders' COPY statements name them. */
export const SLA_COLUMNS = [
  'first_response_due_at',
  'resolution_due_at',
  'sla_state',
  'sla_evaluated_at',
  'sla_next_check_at',
  'sla_recorded_at',
] as const;
export type SlaColumn = (typeof SLA_COLUMNS)[number];

const time = (d: Date | null) => (d === null ? NULL : copyTime(d.getTime()));

export class ClocksAtLoad {
  private readonly evaluatedAt: string;
  /** requests evaluated so far */
  evaluated = 0;
  /** warnings and breaches recorded so far */
  alerts = 0;

  /** `calendars`: those of the policies (a policy whose calendar is missing gets no clock here: see has()). */
  constructor(
    private readonly calendars: ReadonlyMap<string, Calendar>,
    private readonly now: Date
  ) {
    this.evaluatedAt = copyTime(now.getTime());
  }

  /**
   * The clocks at `now` of requests under `policies`, their calendars read on `client`. A calendar that is missing or
   * does not compile is left out: its requests are loaded without a clock, and the pass after the load reports it.
   */
  static async open(client: pg.ClientBase, policies: readonly PolicyClock[], now: Date): Promise<ClocksAtLoad> {
    const calendars = new Map<string, Calendar>();
    for (const code of new Set(policies.map((p) => p.calendar_code))) {
      try {
        for (const [c, calendar] of await loadCalendars(client, [code])) {
          calendars.set(c, calendar);
        }
      } catch (err) {
        if (!(err instanceof CalendarError)) {
          throw err;
        }
      }
    }
    return new ClocksAtLoad(calendars, now);
  }

  /** Whether requests under `policy` get their clock at load (its calendar is known and compiles). */
  has(policy: PolicyClock): boolean {
    return this.calendars.has(policy.calendar_code);
  }

  /**
   * The SLA columns of request `id` under `policy` as COPY text, its journey the statuses it went through with their
   * instants (in journey order); its warnings and breaches appended to `alerts` as COPY lines of sla_alerts
   * (request_id, kind, target, at). The policy must pass has().
   */
  columns(
    id: number | string,
    request: LoadedRequest,
    policy: PolicyClock,
    journey: ReadonlyArray<{ to: string; at: number }>,
    alerts: string[]
  ): Record<SlaColumn, string> {
    const row: ClockInput = {
      status: request.status,
      created_at: request.createdAt,
      first_response_at: request.firstResponseAt,
      resolved_at: request.resolvedAt,
      closed_at: request.closedAt,
      cancelled_at: request.cancelledAt,
      first_response_due_at: null,
      resolution_due_at: request.sourceDueAt ?? null,
      resolution_due_source: request.sourceDueAt != null ? 'source' : 'policy',
      first_response_clock: request.firstResponseClock ?? true,
      sla_recorded_at: null,
      first_response_minutes: policy.first_response_minutes,
      resolution_minutes: policy.resolution_minutes,
      warning_pct: policy.warning_pct,
      pause_statuses: policy.pause_statuses,
    };
    const calendar = lookup(this.calendars, policy.calendar_code, 'calendars');
    const steps = journey.map((e) => ({ to_status: e.to, occurred_at: e.at }));
    const e = evaluateRequest(row, steps, calendar, this.now);
    this.evaluated++;
    this.alerts += e.alerts.length;
    for (const a of e.alerts) {
      alerts.push(`${id}\t${a.kind}\t${a.target}\t${copyTime(a.at.getTime())}\n`);
    }
    return {
      first_response_due_at: time(e.frDue),
      resolution_due_at: time(e.resDue),
      sla_state: e.state,
      sla_evaluated_at: this.evaluatedAt,
      sla_next_check_at: time(e.next),
      sla_recorded_at: time(e.recorded),
    };
  }

  /** The columns as one tab-separated piece of a COPY line, in SLA_COLUMNS' order. */
  static line(columns: Record<SlaColumn, string>): string {
    return SLA_COLUMNS.map((c) => columns[c]).join('\t');
  }
}
