// The city configuration as the database holds it (sql/city/state.sql), as a State (model.ts), and what data
// refers to (sql/city/in_use.sql). Sort orders become ranks (1, 2, …), as a file's order does.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { holidayKey, sortNames, sortWeekly, type Names, type State, type WeeklyRow } from './model.ts';

type Named = { code: string; name_en: string; name_ar: string; names: Names };
type Raw = {
  city: { time_zone: string; languages: string[] };
  kinds: Array<Named & { sort: number }>;
  priorities: Array<Named & { sort: number }>;
  channels: Array<Named & { sort: number; digital: boolean; retired: boolean }>;
  calendars: Array<
    Named & { time_zone: string; weekly_hours: WeeklyRow[]; observes_holidays: boolean; retired: boolean }
  >;
  departments: Array<Named & { calendar: string; retired: boolean }>;
  topics: Array<
    Named & { department: string; default_priority: string; proactive_action: Names | null; retired: boolean }
  >;
  holidays: Array<{
    calendar: string | null;
    date: string;
    name_en: string;
    name_ar: string;
    names: Names;
    provisional: boolean;
  }>;
  policies: Array<{
    code: string;
    version: number;
    kind: string | null;
    topic: string | null;
    priority: string | null;
    channel: string | null;
    first_response_minutes: number;
    resolution_minutes: number;
    calendar: string;
    warning_pct: number;
    pause_statuses: string[];
    effective_from: number;
    retired: boolean;
  }>;
};

const namesOf = (x: { name_en: string; name_ar: string; names: Names }) =>
  sortNames({ ...x.names, en: x.name_en, ar: x.name_ar });

function ranked<T extends Named & { sort: number }, U>(rows: T[], more: (r: T) => U) {
  const sorted = [...rows].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  return new Map(sorted.map((r, i) => [r.code, { names: namesOf(r), sort: i + 1, ...more(r) }]));
}

export async function readState(client: pg.ClientBase): Promise<State> {
  const raw = (await client.query<{ state: Raw }>(sql('city/state'))).rows[0].state;
  return {
    city: { time_zone: raw.city.time_zone, languages: raw.city.languages },
    kinds: ranked(raw.kinds, () => ({})),
    priorities: ranked(raw.priorities, () => ({})),
    channels: ranked(raw.channels, (c) => ({ digital: c.digital, retired: c.retired })),
    calendars: new Map(
      raw.calendars.map((c) => [
        c.code,
        {
          names: namesOf(c),
          time_zone: c.time_zone,
          weekly_hours: sortWeekly(c.weekly_hours),
          observes_holidays: c.observes_holidays,
          retired: c.retired,
        },
      ])
    ),
    departments: new Map(
      raw.departments.map((d) => [d.code, { names: namesOf(d), calendar: d.calendar, retired: d.retired }])
    ),
    topics: new Map(
      raw.topics.map((t) => [
        t.code,
        {
          names: namesOf(t),
          department: t.department,
          default_priority: t.default_priority,
          proactive_action:
            t.proactive_action && Object.keys(t.proactive_action).length ? sortNames(t.proactive_action) : null,
          retired: t.retired,
        },
      ])
    ),
    holidays: new Map(
      raw.holidays.map((h) => [
        holidayKey(h.calendar, h.date),
        { calendar: h.calendar, date: h.date, names: namesOf(h), provisional: h.provisional },
      ])
    ),
    policies: new Map(
      raw.policies.map((p) => [
        p.code,
        {
          kind: p.kind,
          topic: p.topic,
          priority: p.priority,
          channel: p.channel,
          first_response_minutes: p.first_response_minutes,
          resolution_minutes: p.resolution_minutes,
          calendar: p.calendar,
          warning_pct: p.warning_pct,
          pause_statuses: p.pause_statuses,
          version: p.version,
          effective_from: Math.round(p.effective_from),
          retired: p.retired,
        },
      ])
    ),
  };
}

type Referenced = 'channel' | 'topic' | 'department' | 'calendar' | 'policy';
/** Rows referring to each code, per kind; `requests`: how many requests the database holds (their rollups are cut in the city's zone). */
export type InUse = Record<Referenced, Map<string, number>> & { requests: number };

export async function readInUse(client: pg.ClientBase): Promise<InUse> {
  const out: InUse = {
    channel: new Map(),
    topic: new Map(),
    department: new Map(),
    calendar: new Map(),
    policy: new Map(),
    requests: 0,
  };
  const { rows } = await client.query<{ kind: Referenced | 'requests'; code: string; n: number }>(sql('city/in_use'));
  for (const r of rows) {
    if (r.kind === 'requests') {
      out.requests += r.n;
    } else {
      out[r.kind].set(r.code, (out[r.kind].get(r.code) ?? 0) + r.n);
    }
  }
  return out;
}
