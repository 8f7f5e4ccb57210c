// A calendar change reaches the SLA clocks it can move, in the transaction that makes it (config apply, holidays
// import): a holiday added or removed (an Eid announced late, a day off declared) moves the due times of the OPEN
// requests whose clock spans that day, and a calendar whose hours, zone or holiday rule changed moves those of every
// open request on it. They are evaluated again at once (refreshSla: due times, state, alerts, rollup marks), so the
// change and its effect commit together. Requests already resolved, closed or cancelled are never touched: their
// verdict and due time stay as they were when they finished (a change of the city's zone, a correction, is the one
// exception: rezone.ts). That holds later too: the SLA engine keeps the outcome recorded at a request's close
// (requests.sla_recorded_at, refresh.ts) when a note or event makes the sweep look at it again; and a request that
// finished since the sweep last saw it has its outcome recorded here, before the change, on the calendar it
// finished under (recordFinishedClocks).
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { refreshSla, type RefreshResult } from '../sla/refresh.ts';
import type { Plan } from './plan.ts';
import { present } from '../domain/lookup.ts';

/** The holiday days a plan adds or removes ({calendar: null}: every calendar), and the calendars whose rules change. */
export function clockChanges(plan: Plan): {
  days: Array<{ calendar: string | null; date: string }>;
  calendars: string[];
} {
  const days = plan.steps
    .filter((s) => s.section === 'holidays' && s.op !== '~')
    .map((s) => {
      const [calendar, date] = present(s.key, "a holiday step's key").split('|');
      return { calendar: calendar === '*' ? null : calendar, date };
    });
  const calendars = plan.steps
    .filter(
      (s) =>
        s.section === 'calendars' &&
        s.op === '~' &&
        s.fields.some((f) => f.field === 'hours' || f.field === 'time_zone' || f.field === 'observes_holidays')
    )
    .map((s) => s.code);
  return { days, calendars };
}

const BATCH = 1000;

/** Whether the plan changes any SLA clock (holidays added or removed, calendar rules changed). */
export function movesClocks(plan: Plan): boolean {
  const { days, calendars } = clockChanges(plan);
  return days.length > 0 || calendars.length > 0;
}

/**
 * Inside the change's transaction, BEFORE the change is written: records the outcome of the requests finished but
 * not yet evaluated finished, on the calendars as they still are, so the change cannot reach them.
 */
export async function recordFinishedClocks(client: pg.PoolClient, plan: Plan, now: Date): Promise<number> {
  if (!movesClocks(plan)) {
    return 0;
  }
  const { rows } = await client.query<{ id: string }>(sql('city/unrecorded_finished'));
  const all = rows.map((r) => Number(r.id));
  for (let i = 0; i < all.length; i += BATCH) {
    await refreshSla(client, all.slice(i, i + BATCH), now);
  }
  return all.length;
}

/** Inside the change's transaction (`client` a pool client that began it): re-evaluates the open clocks it moves. */
export async function refreshOpenClocks(
  client: pg.PoolClient,
  plan: Plan,
  now: Date
): Promise<RefreshResult & { requests: number }> {
  const { days, calendars } = clockChanges(plan);
  const ids = new Set<number>();
  if (days.length) {
    const { rows } = await client.query<{ id: string }>(sql('city/open_clocks_on_days'), [
      days.map((d) => d.date),
      days.map((d) => d.calendar),
    ]);
    for (const r of rows) {
      ids.add(Number(r.id));
    }
  }
  if (calendars.length) {
    const { rows } = await client.query<{ id: string }>(sql('city/open_clocks_on_calendars'), [calendars]);
    for (const r of rows) {
      ids.add(Number(r.id));
    }
  }
  const all = [...ids].sort((a, b) => a - b);
  const out = { requests: all.length, evaluated: 0, changed: 0, marked: 0, alerts: [] as RefreshResult['alerts'] };
  for (let i = 0; i < all.length; i += BATCH) {
    const r = await refreshSla(client, all.slice(i, i + BATCH), now);
    out.evaluated += r.evaluated;
    out.changed += r.changed;
    out.marked += r.marked;
    out.alerts.push(...r.alerts);
  }
  return out;
}
