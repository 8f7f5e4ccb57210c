// Builders for the SLA unit tests: the two calendars of the reference data (migration 0002), in
// Asia/Dubai, and journeys walked through the real state machine.
import { applyEvent, type RequestState } from '../domain/journey.ts';
import type { Status } from '../domain/reference.ts';
import { compileCalendar, type CalendarSpec } from './calendar.ts';
import type { SlaRequest } from './clock.ts';
import type { JourneyStep } from './pauses.ts';

const days = (dows: number[], from: string, to: string) => dows.map((dow) => ({ dow, from, to }));

export const FIELD_HOURS = [...days([1, 2, 3, 4], '07:30', '15:30'), ...days([5], '07:30', '12:00')];
export const ALL_DAY = days([1, 2, 3, 4, 5, 6, 7], '00:00', '24:00');

/** The UAE public holidays of the reference data, 2025–2026. */
export const UAE_HOLIDAYS = [
  '2025-01-01',
  '2025-03-30',
  '2025-03-31',
  '2025-04-01',
  '2025-06-05',
  '2025-06-06',
  '2025-06-07',
  '2025-06-26',
  '2025-09-04',
  '2025-12-01',
  '2025-12-02',
  '2025-12-03',
  '2026-01-01',
  '2026-03-20',
  '2026-03-21',
  '2026-03-22',
  '2026-05-26',
  '2026-05-27',
  '2026-05-28',
  '2026-06-16',
  '2026-08-25',
  '2026-12-01',
  '2026-12-02',
  '2026-12-03',
];

export const field = (over: Partial<CalendarSpec> = {}) =>
  compileCalendar({
    code: 'field',
    timezone: 'Asia/Dubai',
    weekly_hours: FIELD_HOURS,
    holidays: UAE_HOLIDAYS,
    ...over,
  });
export const allDay = (over: Partial<CalendarSpec> = {}) =>
  compileCalendar({ code: '24x7', timezone: 'Asia/Dubai', weekly_hours: ALL_DAY, ...over });

/** A wall-clock time in Dubai (UTC+4): dxb('2026-11-19 14:00'). */
export const dxb = (local: string) => new Date(`${local.replace(' ', 'T')}:00+04:00`);

/**
 * Walks a journey through the state machine (backend/domain/journey.ts) and returns the request row and events.
 * Times are wall-clock times read by `local` (Dubai's by default).
 */
export function walk(
  created: string,
  steps: ReadonlyArray<readonly [Status, string]>,
  local: (text: string) => Date = dxb
): { request: SlaRequest; events: JourneyStep[] } {
  const dxb = local;
  const iso = (text: string) => dxb(text).toISOString();
  const asDate = (s: string | null | undefined) => (s ? new Date(s) : null);
  let state: RequestState = {
    status: 'received',
    stage: 'received',
    progress_pct: 0,
    created_at: iso(created),
    first_response_at: null,
    last_event_at: iso(created),
  };
  const request: SlaRequest & { status: Status } = {
    created_at: dxb(created),
    first_response_at: null,
    resolved_at: null,
    closed_at: null,
    cancelled_at: null,
    status: 'received',
  };
  const events: JourneyStep[] = [{ to_status: 'received', occurred_at: dxb(created) }];
  for (const [status, at] of steps) {
    const o = applyEvent(state, { status, occurred_at: iso(at) });
    state = {
      ...state,
      status: o.to_status,
      stage: o.stage,
      progress_pct: o.progress_pct,
      first_response_at: o.first_response_at,
      last_event_at: iso(at),
    };
    events.push({ to_status: o.to_status, occurred_at: dxb(at) });
    request.status = o.to_status;
    request.first_response_at = asDate(o.first_response_at);
    if (o.resolved_at !== undefined) {
      request.resolved_at = asDate(o.resolved_at);
    }
    if (o.closed_at !== undefined) {
      request.closed_at = asDate(o.closed_at);
    }
    if (o.cancelled_at !== undefined) {
      request.cancelled_at = asDate(o.cancelled_at);
    }
  }
  return { request, events };
}
