// Pause intervals from a journey. Entering a pausing status (the policy's pause_statuses, on_hold by
// default) starts a pause; leaving it for a status that does not pause ends it; a pause still open runs
// to `now`. The same function gives the resolution clock's stops (see clock.ts), with resolved and
// closed added to the pausing statuses.
import { toMs, type Instant } from './business-time.ts';

export const DEFAULT_PAUSE_STATUSES: readonly string[] = ['on_hold'];

/** One step of the journey: the status it led to, and when. */
export type JourneyStep = { to_status: string; occurred_at: Instant };

export type PauseInterval = { start: Date; end: Date };

/**
 * Pauses in journey order. Events are taken in the order given (the journey's order: occurred_at, then
 * id); an event that does not change the status (a note, a stage) neither starts nor ends a pause.
 * Empty pauses are dropped; an open pause that began after `now` is dropped too.
 */
export function pauseIntervals(
  events: readonly JourneyStep[],
  pauseStatuses: readonly string[] = DEFAULT_PAUSE_STATUSES,
  now: Instant = Date.now()
): PauseInterval[] {
  const pausing = new Set(pauseStatuses);
  const out: PauseInterval[] = [];
  let openedAt: number | null = null;
  const close = (end: number) => {
    if (openedAt !== null && end > openedAt) {
      out.push({ start: new Date(openedAt), end: new Date(end) });
    }
    openedAt = null;
  };
  for (const e of events) {
    const t = toMs(e.occurred_at);
    if (pausing.has(e.to_status)) {
      if (openedAt === null) {
        openedAt = t;
      }
    } else if (openedAt !== null) {
      close(t);
    }
  }
  if (openedAt !== null) {
    close(toMs(now));
  }
  return out;
}
