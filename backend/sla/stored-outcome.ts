// The on-time outcome of a request as read from its stored columns, the way the rollups read them
// (view rollup_input_current, migration 0010): the refresh compares it before and after writing a clock
// to decide whether the rollups must look at the request again.
//   cancelled, or no due time  → null
//   done (first response; resolved/closed: resolved_at, else closed_at) → met if done ≤ due, else breached
//   open and due ≤ sla_evaluated_at → breached;  otherwise null
// With the clock's own `now` as sla_evaluated_at this equals onTimeOutcome (clock.ts).
import { toMs, type Instant } from './business-time.ts';
import type { TargetName } from './clock.ts';

export type StoredSla = {
  status: string;
  first_response_at: Instant | null;
  resolved_at: Instant | null;
  closed_at: Instant | null;
  first_response_due_at: Instant | null;
  resolution_due_at: Instant | null;
  sla_evaluated_at: Instant | null;
};

export type StoredOutcome = { outcome: 'met' | 'breached' | null; at: number | null };

export function storedOutcome(row: StoredSla, target: TargetName): StoredOutcome {
  const dueAt = target === 'first_response' ? row.first_response_due_at : row.resolution_due_at;
  if (row.status === 'cancelled' || dueAt === null) {
    return { outcome: null, at: null };
  }
  const due = toMs(dueAt);
  const finished = row.status === 'resolved' || row.status === 'closed';
  const doneAt =
    target === 'first_response' ? row.first_response_at : finished ? (row.resolved_at ?? row.closed_at) : null;
  if (doneAt !== null) {
    const done = toMs(doneAt);
    return done <= due ? { outcome: 'met', at: done } : { outcome: 'breached', at: due };
  }
  if (row.sla_evaluated_at !== null && due <= toMs(row.sla_evaluated_at)) {
    return { outcome: 'breached', at: due };
  }
  return { outcome: null, at: null };
}

/** True when the rollups would read a different outcome (or outcome instant) from `after` than from `before`. */
export function storedOutcomeChanged(before: StoredSla, after: StoredSla): boolean {
  return (['first_response', 'resolution'] as const).some((t) => {
    const a = storedOutcome(before, t);
    const b = storedOutcome(after, t);
    return a.outcome !== b.outcome || a.at !== b.at;
  });
}
